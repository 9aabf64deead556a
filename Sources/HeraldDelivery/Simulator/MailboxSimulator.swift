import Foundation
import HeraldCore

/// Decides what SES's mailbox simulator would do for a recipient and writes the SES event-publishing JSON it would publish.
///
/// Addresses are matched case-insensitively and a `+label` in the local part is ignored, as SES
/// does (`success+abc@simulator.amazonses.com`). The records carry the tags Herald sends
/// (``SESTags``) plus the `ses:` tags SES adds, for configuration set "herald" in account
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

    public static func outcome(for recipient: String) -> Outcome {
        let address = recipient.trimmingCharacters(in: .whitespaces).lowercased()
        guard let at = address.lastIndex(of: "@") else {
            return .delivered
        }
        let domain = address[address.index(after: at)...]
        var mailbox = address[..<at]
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

    /// SES event-publishing JSON documents (UTF-8 Data), in the order SES would publish them: "Send" then the outcome's events.
    public static func events(
        for recipient: String,
        messageId: String,
        notificationId: UUID,
        serviceId: UUID,
        source: String,
        subject: String,
        at date: Date
    ) -> [Data] {
        let mail = mail(recipient, messageId, notificationId, serviceId, source, subject, date)
        let feedback = Feedback(recipient: recipient, notificationId: notificationId, sentAt: date)
        let records = switch outcome(for: recipient) {
        case .delivered, .outOfOffice:
            [Record(eventType: "Send", mail: mail, send: Send()), feedback.delivery(mail)]
        case .hardBounce:
            [Record(eventType: "Send", mail: mail, send: Send()), feedback.bounce(mail, .hard)]
        case .softBounce:
            [Record(eventType: "Send", mail: mail, send: Send()), feedback.bounce(mail, .soft)]
        case .suppressed:
            [Record(eventType: "Send", mail: mail, send: Send()), feedback.bounce(mail, .suppressed)]
        case .complaint:
            [Record(eventType: "Send", mail: mail, send: Send()), feedback.delivery(mail), feedback.complaint(mail)]
        }
        // Encoding strings, integers and booleans cannot fail.
        return records.map { try! encoder.encode($0) }
    }

    static let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return encoder
    }()

    private static let headerDateStyle = Date.VerbatimFormatStyle(
        format: """
            \(weekday: .abbreviated), \(day: .twoDigits) \(month: .abbreviated) \(year: .defaultDigits) \
            \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits) +0000
            """,
        locale: Locale(identifier: "en_US_POSIX"),
        timeZone: .gmt,
        calendar: Calendar(identifier: .gregorian)
    )

    private static func mail(
        _ recipient: String,
        _ messageId: String,
        _ notificationId: UUID,
        _ serviceId: UUID,
        _ source: String,
        _ subject: String,
        _ date: Date
    ) -> Mail {
        let headerDate = date.formatted(headerDateStyle)
        let fromDomain = source.lastIndex(of: "@").map { String(source[source.index(after: $0)...]) } ?? source
        return Mail(
            timestamp: date.formatted(timestampStyle),
            source: source,
            sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/\(fromDomain)",
            sendingAccountId: "123456789012",
            messageId: messageId,
            destination: [recipient],
            headersTruncated: false,
            headers: [
                Header(name: "From", value: source),
                Header(name: "To", value: recipient),
                Header(name: "Subject", value: subject),
                Header(name: "Date", value: headerDate),
                Header(name: "MIME-Version", value: "1.0"),
            ],
            commonHeaders: CommonHeaders(
                from: [source], date: headerDate, to: [recipient], messageId: messageId, subject: subject
            ),
            tags: [
                SESTags.notificationId: [notificationId.uuidString.lowercased()],
                SESTags.serviceId: [serviceId.uuidString.lowercased()],
                "ses:configuration-set": ["herald"],
                "ses:operation": ["SendEmail"],
                "ses:from-domain": [fromDomain],
                "ses:caller-identity": ["herald"],
            ]
        )
    }
}
