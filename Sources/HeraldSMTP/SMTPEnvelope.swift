/// The SMTP envelope (RFC 5321 §2.3.1): who the message is from (the bounce address) and who it is for.
/// Addresses are written as given inside `<…>`; use A-label domains (``MailAddress/encodedAddress``).
public struct SMTPEnvelope: Sendable, Hashable {
    public var sender: String
    public var recipients: [String]

    public init(sender: String, recipients: [String]) {
        self.sender = sender
        self.recipients = recipients
    }

    /// The first address that is not ASCII (a domain should already be an A-label, so it is the local
    /// part): the message then needs SMTPUTF8.
    var addressNeedingSMTPUTF8: String? {
        ([sender] + recipients).first { !$0.unicodeScalars.allSatisfy(\.isASCII) }
    }
}
