/// A message received from an SQS queue.
public struct SQSMessage: Sendable, Equatable, Decodable {
    public var messageId: String
    /// What `DeleteMessageBatch` and `ChangeMessageVisibilityBatch` need; valid for this receive only.
    public var receiptHandle: String
    public var body: String
    /// System attributes: `ApproximateReceiveCount`, `SentTimestamp`, `SenderId`, …
    public var attributes: [String: String]

    public init(messageId: String, receiptHandle: String, body: String, attributes: [String: String] = [:]) {
        self.messageId = messageId
        self.receiptHandle = receiptHandle
        self.body = body
        self.attributes = attributes
    }

    enum CodingKeys: String, CodingKey {
        case messageId = "MessageId"
        case receiptHandle = "ReceiptHandle"
        case body = "Body"
        case attributes = "Attributes"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        messageId = try container.decode(String.self, forKey: .messageId)
        receiptHandle = try container.decode(String.self, forKey: .receiptHandle)
        body = try container.decode(String.self, forKey: .body)
        attributes = try container.decodeIfPresent([String: String].self, forKey: .attributes) ?? [:]
    }
}
