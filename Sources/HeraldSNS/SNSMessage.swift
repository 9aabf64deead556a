import Foundation

/// The JSON envelope that SNS POSTs to an HTTP(S) subscriber, decoded but not yet verified.
public struct SNSMessage: Sendable, Hashable {
    /// The envelope's `Type`.
    public enum Kind: String, Sendable, Hashable {
        case notification = "Notification"
        case subscriptionConfirmation = "SubscriptionConfirmation"
        case unsubscribeConfirmation = "UnsubscribeConfirmation"
    }

    public var kind: Kind
    public var messageId: String
    public var topicArn: String
    /// Only on notifications, and only when the publisher set one.
    public var subject: String?
    public var message: String
    public var timestamp: String
    /// On confirmations only.
    public var token: String?
    /// On confirmations only.
    public var subscribeURL: String?
    public var unsubscribeURL: String?
    public var signatureVersion: String
    public var signature: String
    public var signingCertURL: String

    /// Decodes an envelope. A body without any of the three signature fields (raw message delivery, or not
    /// from SNS at all) is `.unsigned`; anything else missing or mistyped is `.malformed`.
    public init(json body: some Collection<UInt8>) throws(SNSRejection) {
        let wire: Wire
        do {
            wire = try Self.decoder.decode(Wire.self, from: Data(body))
        } catch {
            throw SNSRejection(.malformed("not an SNS JSON envelope"), messageId: nil)
        }
        guard let signatureVersion = wire.signatureVersion, let signature = wire.signature, let signingCertURL = wire.signingCertURL else {
            throw SNSRejection(.unsigned, messageId: wire.messageId)
        }
        func require(_ value: String?, _ key: String) throws(SNSRejection) -> String {
            guard let value else { throw SNSRejection(.malformed("missing \(key)"), messageId: wire.messageId) }
            return value
        }
        let type = try require(wire.type, "Type")
        guard let kind = Kind(rawValue: type) else {
            throw SNSRejection(.malformed("unknown Type \(type)"), messageId: wire.messageId)
        }
        self.kind = kind
        self.messageId = try require(wire.messageId, "MessageId")
        self.topicArn = try require(wire.topicArn, "TopicArn")
        self.message = try require(wire.message, "Message")
        self.timestamp = try require(wire.timestamp, "Timestamp")
        self.subject = wire.subject
        self.unsubscribeURL = wire.unsubscribeURL
        if kind == .notification {
            self.token = wire.token
            self.subscribeURL = wire.subscribeURL
        } else {
            self.token = try require(wire.token, "Token")
            self.subscribeURL = try require(wire.subscribeURL, "SubscribeURL")
        }
        self.signatureVersion = signatureVersion
        self.signature = signature
        self.signingCertURL = signingCertURL
    }

    private static let decoder = JSONDecoder()

    private struct Wire: Decodable {
        var type, messageId, topicArn, subject, message, timestamp, token: String?
        var subscribeURL, unsubscribeURL, signatureVersion, signature, signingCertURL: String?

        enum CodingKeys: String, CodingKey {
            case type = "Type", messageId = "MessageId", topicArn = "TopicArn", subject = "Subject", message = "Message"
            case timestamp = "Timestamp", token = "Token", subscribeURL = "SubscribeURL", unsubscribeURL = "UnsubscribeURL"
            case signatureVersion = "SignatureVersion", signature = "Signature", signingCertURL = "SigningCertURL"
        }
    }
}
