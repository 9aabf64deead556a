import Foundation
import HeraldCore
import HeraldMail

extension OutgoingEmail {
    /// The email as the MIME message every provider sends: the notification id in `X-Herald-Notification-Id` and,
    /// as the local part of the `Message-ID`, so a reply or a bounce quoting it can be traced back; `Reply-To` and an
    /// HTML alternative when the email has them; no `To` for blind copies. With an
    /// unsubscribe page, RFC 2369's `List-Unsubscribe` (a mailto to the sender and the https page) and RFC 8058's
    /// `List-Unsubscribe-Post`, which mail clients show as a one-click unsubscribe button.
    func mailMessage(date: Date = Date()) -> MailMessage {
        MailMessage(
            from: MailAddress(from),
            to: bcc.isEmpty ? [MailAddress(to)] : [],
            replyTo: replyTo.map { MailAddress($0) },
            subject: subject,
            textBody: textBody,
            htmlBody: htmlBody,
            listUnsubscribe: unsubscribeURL.map { ListUnsubscribe(mailto: "\(from)?subject=unsubscribe%20\(notificationId.storageString)", url: $0) },
            messageID: "\(notificationId.storageString)@herald.local",
            date: date,
            extraHeaders: [MailHeader("X-Herald-Notification-Id", notificationId.storageString)]
        )
    }
}
