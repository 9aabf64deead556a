import Foundation

/// The wire protocols of the services Herald calls, and how each one reports an error.
public enum AWSProtocol: Sendable {
    /// SES v2: REST verb and path, JSON body; the error code is in the `X-Amzn-Errortype` header.
    case restJSON
    /// SQS: `POST /` with `X-Amz-Target`, JSON body; the error code is after `#` in the body's `__type`.
    case awsJSON1_0
    /// SNS: `POST /` with a form body; errors are `<ErrorResponse><Error><Code>…` XML.
    case awsQuery

    /// The error an answer with a non-2xx `status` stands for.
    public func error(status: Int, headers: [(name: String, value: String)], body: [UInt8]) -> AWSError {
        let header = headers.first { $0.name.lowercased() == "x-amzn-errortype" }.map { Self.errorCode($0.value) }
        let code: String?
        let message: String?
        switch self {
        case .restJSON, .awsJSON1_0:
            let json = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
            let type = (json?["__type"] as? String ?? json?["code"] as? String).map(Self.errorCode)
            code = self == .restJSON ? header ?? type : type ?? header
            message = json?["message"] as? String ?? json?["Message"] as? String
        case .awsQuery:
            let xml = String(decoding: body, as: UTF8.self)
            code = XMLText.first("Code", in: xml)
            message = XMLText.first("Message", in: xml)
        }
        let fallback = String(decoding: body.prefix(200), as: UTF8.self).trimmingSpaces
        return AWSError(
            statusCode: status, code: code ?? "HTTP\(status)",
            message: message ?? (fallback.isEmpty ? "HTTP status \(status)" : fallback)
        )
    }

    /// `aws.protocoltests#FooError:http://…` → `FooError`: the part after `#`, before any `:`.
    static func errorCode(_ raw: String) -> String {
        let beforeColon = raw.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return String(beforeColon.split(separator: "#").last ?? beforeColon).trimmingSpaces
    }
}
