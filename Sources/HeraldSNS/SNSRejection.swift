/// Why an SNS message was not accepted, with the message's id when it could be read (for the log line).
public struct SNSRejection: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// Not JSON, or a required key is missing or not a string.
        case malformed(String)
        /// No `Signature`, `SignatureVersion` or `SigningCertURL` (e.g. raw message delivery).
        case unsigned
        /// A `SignatureVersion` other than "1" (RSA-SHA1) or "2" (RSA-SHA256).
        case unsupportedSignatureVersion(String)
        /// `SigningCertURL` or `SubscribeURL` is not https on an allowed host; nothing was fetched.
        case urlNotAllowed(String)
        /// The certificate could not be fetched (network, status); worth retrying later.
        case certificateUnavailable(String)
        /// What was fetched is not a PEM X.509 certificate with an RSA key.
        case invalidCertificate(String)
        /// The signature does not match the message under the certificate's key.
        case invalidSignature
        /// Authentic, but from a topic this server does not accept.
        case topicNotAccepted(String)
        /// A subscription was to be confirmed, but the GET of its SubscribeURL failed.
        case confirmationFailed(String)
    }

    public var reason: Reason
    public var messageId: String?

    public init(_ reason: Reason, messageId: String?) {
        self.reason = reason
        self.messageId = messageId
    }

    public var description: String {
        switch reason {
        case .malformed(let detail): "malformed SNS message: \(detail)"
        case .unsigned: "unsigned message (no Signature, SignatureVersion or SigningCertURL)"
        case .unsupportedSignatureVersion(let version): "unsupported SignatureVersion \(version)"
        case .urlNotAllowed(let url): "URL not allowed: \(url)"
        case .certificateUnavailable(let detail): "signing certificate unavailable: \(detail)"
        case .invalidCertificate(let detail): "invalid signing certificate: \(detail)"
        case .invalidSignature: "invalid signature"
        case .topicNotAccepted(let topic): "topic not accepted: \(topic)"
        case .confirmationFailed(let detail): "subscription confirmation failed: \(detail)"
        }
    }
}
