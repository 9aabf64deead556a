/// Any failure of an AWS call: an error answer from the service, a malformed answer, a timeout or a broken
/// connection. `isRetryable` says whether the same request may succeed later.
public struct AWSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the failure came from.
    public enum Source: Sendable, Equatable {
        /// The service answered with an error (or with something Herald could not read).
        case service
        /// No answer in time.
        case timeout
        /// The connection could not be made or broke.
        case connection
    }

    public var source: Source
    /// The HTTP status, or nil when there was no answer.
    public var statusCode: Int?
    /// AWS's error code (`MessageRejected`, `QueueDoesNotExist`, `Throttling`, …).
    public var code: String
    public var message: String

    public init(source: Source = .service, statusCode: Int?, code: String, message: String) {
        self.source = source
        self.statusCode = statusCode
        self.code = code
        self.message = message
    }

    static let retryableCodes: Set<String> = [
        "Throttling", "ThrottlingException", "TooManyRequestsException", "TooManyRequests", "RequestLimitExceeded",
        "ServiceUnavailable",
    ]

    /// True for throttling, unavailability, any 5xx or 429, timeouts and connection failures.
    public var isRetryable: Bool {
        switch source {
        case .timeout, .connection:
            true
        case .service:
            Self.retryableCodes.contains(code) || statusCode == 429 || (statusCode ?? 0) >= 500
        }
    }

    public var description: String {
        "\(code)\(statusCode.map { " (HTTP \($0))" } ?? ""): \(message)"
    }
}

extension AWSError {
    /// A 2xx answer whose body does not have the expected shape.
    static func invalidResponse(_ operation: String, _ detail: String) -> AWSError {
        AWSError(statusCode: 200, code: "InvalidResponse", message: "\(operation): \(detail)")
    }
}
