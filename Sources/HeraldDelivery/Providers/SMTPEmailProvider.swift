import HeraldCore
import HeraldMail
import HeraldSMTP

/// Delivers through an SMTP server (a relay such as Postfix, or a provider's submission port) with the MIME
/// message Herald builds, over the ``SMTPClient``'s pool of reused connections.
///
/// SMTP has no feedback channel: the server's 250 after the data is all Herald hears, and bounces the server
/// sends later go by mail to the envelope sender. So a message the server accepted counts as `delivered` (as the
/// `log` provider's written file does), rather than staying `sending` forever; a bounce that reaches Herald
/// later through feedback can still turn it into a permanent failure.
public struct SMTPEmailProvider: EmailProvider {
    public let name = "smtp"
    private let client: SMTPClient

    public init(client: SMTPClient) {
        self.client = client
    }

    public func send(_ email: OutgoingEmail) async throws(ProviderError) -> ProviderReceipt {
        let message = email.mailMessage()
        let recipients = email.recipients.map { MailAddress($0).encodedAddress }
        let result: SMTPDeliveryResult
        do {
            if email.bcc.isEmpty {
                result = try await client.send(message)
            } else {
                // Blind copies are in the envelope only.
                let envelope = SMTPEnvelope(sender: message.from.encodedAddress, recipients: recipients)
                result = try await client.send(envelope: envelope, data: Array(message.rendered().utf8))
            }
        } catch {
            throw Self.classify(error)
        }
        // The message counts as sent when any recipient took it; a refusal only fails it when everyone refused.
        let replies = recipients.map { result.outcome(for: $0) }
        guard replies.contains(where: { $0?.isPositiveCompletion == true }) else {
            guard let reply = replies.compactMap({ $0 }).first else { throw .technical("SMTP: no reply for the recipient") }
            throw Self.classify(SMTPError.rejected(command: result.dataReply == nil ? "RCPT TO" : "DATA", reply: reply))
        }
        let refused = zip(email.recipients, replies).compactMap { address, reply in
            reply?.isPositiveCompletion == false ? (address.lowercased(), "refused by the SMTP server: \(reply!)") : nil
        }
        return ProviderReceipt(
            messageId: message.messageID, immediateOutcome: .delivered, refused: Dictionary(refused) { first, _ in first }
        )
    }

    /// The server's answer as a delivery outcome, its own words kept as the reason: 5xx refuses this message for
    /// good, 4xx and anything on the way (connecting, TLS, timeouts, a dropped connection, garbled replies) is
    /// retried, refused credentials or a server that cannot meet the configuration (no STARTTLS when required,
    /// no usable AUTH) are Herald's configuration at fault. An address that needs SMTPUTF8 the server lacks can
    /// never be sent there: permanent.
    static func classify(_ error: SMTPError) -> ProviderError {
        switch error {
        case .rejected(_, let reply) where reply.isPermanentFailure:
            .permanent("\(error)")
        case .rejected, .connectionFailed, .timedOut, .protocolViolation:
            .transient("\(error)")
        case .authenticationFailed, .authenticationUnavailable, .startTLSUnavailable:
            .technical("\(error)")
        case .smtpUTF8Unavailable:
            .permanent("\(error)")
        }
    }
}
