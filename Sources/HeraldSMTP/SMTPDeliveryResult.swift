/// What the server said about each recipient of one message.
///
/// A recipient refused at `RCPT TO` keeps that reply (550: refused for good, 451: try later) while the others
/// still get the message; an accepted recipient's outcome is the reply after the message data.
public struct SMTPDeliveryResult: Sendable, Hashable {
    /// Each recipient's `RCPT TO` reply, in envelope order.
    public var recipientReplies: [(recipient: String, reply: SMTPReply)] {
        get { zip(recipients, rcptReplies).map { ($0, $1) } }
    }
    private var recipients: [String]
    private var rcptReplies: [SMTPReply]
    /// The reply after the message data; `nil` when no recipient was accepted, so no data was sent.
    public var dataReply: SMTPReply?

    init(recipients: [(String, SMTPReply)], dataReply: SMTPReply?) {
        self.recipients = recipients.map(\.0)
        self.rcptReplies = recipients.map(\.1)
        self.dataReply = dataReply
    }

    /// The reply that decides `recipient`'s fate: its `RCPT TO` refusal, else the reply after the data.
    public func outcome(for recipient: String) -> SMTPReply? {
        guard let index = recipients.firstIndex(of: recipient) else { return nil }
        let rcpt = rcptReplies[index]
        return rcpt.isPositiveCompletion ? dataReply : rcpt
    }

    /// The recipients the server took responsibility for.
    public var deliveredRecipients: [String] {
        recipients.filter { outcome(for: $0)?.isPositiveCompletion == true }
    }
}
