import Foundation
import HeraldCore

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
        guard let json = try? JSONValue(parsing: Data(body)), case .object = json else {
            throw SNSRejection(.malformed("not an SNS JSON envelope"), messageId: nil)
        }
        let messageId = json["MessageId"]?.stringValue
        /// A string member, `nil` when absent or null; any other type makes the envelope malformed.
        func field(_ key: String) throws(SNSRejection) -> String? {
            guard let value = json[key], !value.isNull else { return nil }
            guard let text = value.stringValue else { throw SNSRejection(.malformed("\(key) is not a string"), messageId: messageId) }
            return text
        }
        func require(_ key: String) throws(SNSRejection) -> String {
            guard let value = try field(key) else { throw SNSRejection(.malformed("missing \(key)"), messageId: messageId) }
            return value
        }
        guard let signatureVersion = try field("SignatureVersion"), let signature = try field("Signature"),
            let signingCertURL = try field("SigningCertURL")
        else {
            throw SNSRejection(.unsigned, messageId: messageId)
        }
        let type = try require("Type")
        guard let kind = Kind(rawValue: type) else {
            throw SNSRejection(.malformed("unknown Type \(type)"), messageId: messageId)
        }
        self.kind = kind
        self.messageId = try require("MessageId")
        self.topicArn = try require("TopicArn")
        self.message = try require("Message")
        self.timestamp = try require("Timestamp")
        self.subject = try field("Subject")
        self.unsubscribeURL = try field("UnsubscribeURL")
        if kind == .notification {
            self.token = try field("Token")
            self.subscribeURL = try field("SubscribeURL")
        } else {
            self.token = try require("Token")
            self.subscribeURL = try require("SubscribeURL")
        }
        self.signatureVersion = signatureVersion
        self.signature = signature
        self.signingCertURL = signingCertURL
    }
}
