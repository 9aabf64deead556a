import Foundation
import HeraldCore
import HeraldMail

extension OutgoingEmail {
    /// The email as the MIME message every provider sends: the notification id in `X-Herald-Notification-Id` and,
    /// as the local part of the `Message-ID`, so a reply or a bounce quoting it can be traced back.
    func mailMessage(date: Date = Date()) -> MailMessage {
        MailMessage(
            from: MailAddress(from),
            to: [MailAddress(to)],
            subject: subject,
            textBody: textBody,
            messageID: "\(notificationId.storageString)@herald.local",
            date: date,
            extraHeaders: [MailHeader("X-Herald-Notification-Id", notificationId.storageString)]
        )
    }
}
