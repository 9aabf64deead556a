import Foundation
import HeraldCore

/// Decides what SES's mailbox simulator would do for a recipient and writes the SES
/// event-publishing JSON it would publish.
///
/// Addresses are matched case-insensitively and a `+label` in the local part is ignored, as SES
/// does (`success+abc@simulator.amazonses.com`). The records carry the tags Herald sends
/// (`SESTags`) plus the `ses:` tags SES adds, for configuration set "herald" in account
/// 123456789012, us-east-1. Output is deterministic for the same arguments.
public enum MailboxSimulator {
    /// What happens to a message sent to a simulator address.
    public enum Outcome: Sendable, Hashable {
        /// Delivered (`success@`, and any address that is not a simulator address).
        case delivered
        /// Permanent/General bounce (`bounce@`, Notify's `perm-fail@simulator.notify`).
        case hardBounce
        /// Transient/General bounce (Notify's `temp-fail@simulator.notify`).
        case softBounce
        /// Delivered, then an "abuse" complaint (`complaint@`).
        case complaint
        /// Delivered; the auto-reply goes to the sender and publishes no event (`ooto@`).
        case outOfOffice
        /// Permanent/OnAccountSuppressionList bounce (`suppressionlist@`).
        case suppressed
    }

    /// The simulator's reaction to `recipient`.
    public static func outcome(for recipient: String) -> Outcome {
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let trimmed = recipient.utf8.drop(while: isBlank).reversed().drop(while: isBlank)
        guard let at = trimmed.firstIndex(of: UInt8(ascii: "@")) else { return .delivered }
        // Reversed: the domain comes first, and every simulator domain is one of two lengths.
        let domainLength = trimmed.distance(from: trimmed.startIndex, to: at)
        guard domainLength == "simulator.amazonses.com".utf8.count || domainLength == "simulator.notify".utf8.count else {
            return .delivered
        }
        let address = String(decoding: trimmed.reversed(), as: UTF8.self).lowercased()
        let domain = address.suffix(domainLength)
        var mailbox = address.dropLast(domainLength + 1)
        if let plus = mailbox.firstIndex(of: "+") {
            mailbox = mailbox[..<plus]
        }
        switch (domain, mailbox) {
        case ("simulator.amazonses.com", "success"): return .delivered
        case ("simulator.amazonses.com", "bounce"): return .hardBounce
        case ("simulator.amazonses.com", "ooto"): return .outOfOffice
        case ("simulator.amazonses.com", "complaint"): return .complaint
        case ("simulator.amazonses.com", "suppressionlist"): return .suppressed
        case ("simulator.notify", "perm-fail"): return .hardBounce
        case ("simulator.notify", "temp-fail"): return .softBounce
        default: return .delivered
        }
    }

    /// SES event-publishing JSON documents (UTF-8 Data), in the order SES would publish them:
    /// "Send" for the message, then each recipient's outcome events.
    public static func events(
        for recipients: [String],
        messageId: String,
        notificationId: UUID,
        serviceId: UUID,
        source: String,
        subject: String,
        at date: Date
    ) -> [Data] {
        let message = SimulatedMessage(
            recipients: recipients,
            messageId: messageId,
            notificationId: notificationId,
            serviceId: serviceId,
            source: source,
            subject: subject,
            sentAt: date
        )
        let feedback = recipients.flatMap { recipient in
            switch outcome(for: recipient) {
            case .delivered, .outOfOffice: [message.delivery(to: recipient)]
            case .hardBounce: [message.bounce(.hard, from: recipient)]
            case .softBounce: [message.bounce(.soft, from: recipient)]
            case .suppressed: [message.bounce(.suppressed, from: recipient)]
            case .complaint: [message.delivery(to: recipient), message.complaint(from: recipient)]
            }
        }
        return ([message.send()] + feedback).map { Data($0.json.encoded()) }
    }
}
