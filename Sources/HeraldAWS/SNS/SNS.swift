/// The Amazon SNS calls Herald makes: publish a text message to a phone number; set-up calls are in `SNS+Topics.swift`.
public struct SNS: Sendable {
    public let client: AWSClient
    static let version = "2010-03-31"

    public init(client: AWSClient) {
        self.client = client
    }

    /// `Publish` with `PhoneNumber`; returns SNS's `MessageId`.
    public func publish(_ sms: SMSMessage) async throws(AWSError) -> String {
        let parameters = [("PhoneNumber", sms.phoneNumber), ("Message", sms.text)] + sms.attributeParameters
        let xml = try await client.awsQuery(.sns, action: "Publish", version: Self.version, parameters: parameters)
        guard let messageId = XMLText.first("MessageId", in: xml) else {
            throw .invalidResponse("Publish", "no MessageId in \(xml.prefix(200))")
        }
        return messageId
    }
}
