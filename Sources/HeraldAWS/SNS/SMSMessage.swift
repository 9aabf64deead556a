/// A text message for SNS `Publish` to a phone number, with the SMS settings SNS takes as message attributes.
public struct SMSMessage: Sendable, Equatable {
    /// How SNS should route the message: `Transactional` (one-time codes, alerts) is delivered more reliably.
    public enum Kind: String, Sendable {
        case transactional = "Transactional"
        case promotional = "Promotional"
    }

    /// E.164, e.g. `+447700900123`.
    public var phoneNumber: String
    public var text: String
    /// `AWS.SNS.SMS.SMSType`.
    public var kind: Kind?
    /// `AWS.SNS.SMS.SenderID`: an alphanumeric sender, where the destination country allows one.
    public var senderId: String?
    /// `AWS.MM.SMS.OriginationNumber`: the number to send from.
    public var originationNumber: String?

    public init(phoneNumber: String, text: String, kind: Kind? = nil, senderId: String? = nil, originationNumber: String? = nil) {
        self.phoneNumber = phoneNumber
        self.text = text
        self.kind = kind
        self.senderId = senderId
        self.originationNumber = originationNumber
    }

    /// The `MessageAttributes.entry.N.*` form parameters for the settings that are present.
    var attributeParameters: [(String, String)] {
        let attributes = [
            ("AWS.SNS.SMS.SMSType", kind?.rawValue), ("AWS.SNS.SMS.SenderID", senderId), ("AWS.MM.SMS.OriginationNumber", originationNumber),
        ].compactMap { name, value in value.map { (name, $0) } }
        return attributes.enumerated().flatMap { index, attribute in
            let prefix = "MessageAttributes.entry.\(index + 1)"
            return [("\(prefix).Name", attribute.0), ("\(prefix).Value.DataType", "String"), ("\(prefix).Value.StringValue", attribute.1)]
        }
    }
}
