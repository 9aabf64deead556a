import Foundation
import HeraldCore

extension MailboxSimulator {
    /// One message sent to its recipients; builds the records SES would publish for it, with
    /// feedback about each recipient at fixed delays after the send.
    struct SimulatedMessage {
        let notificationId: UUID
        let sentAt: Date
        /// The `mail` object every record of this message repeats, built once.
        let mail: JSONValue

        /// The bounces the simulator produces.
        enum BounceKind {
            case hard, soft, suppressed
        }

        private static let deliveryMillis = 1_200
        private static let bounceMillis = 900
        private static let suppressionMillis = 100
        private static let complaintMillis = 3_000
        init(
            recipients: [String],
            messageId: String,
            notificationId: UUID,
            serviceId: UUID,
            source: String,
            subject: String,
            sentAt: Date
        ) {
            self.notificationId = notificationId
            self.sentAt = sentAt
            let headerDate = UTCTimestamp.rfc5322(sentAt)
            let to = recipients.count == 1 ? recipients[0] : "undisclosed-recipients:;"
            let fromDomain = source.lastIndex(of: "@").map { String(source[source.index(after: $0)...]) } ?? source
            mail = Mail(
                timestamp: UTCTimestamp.string(sentAt),
                source: source,
                sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/\(fromDomain)",
                sendingAccountId: "123456789012",
                messageId: messageId,
                destination: recipients,
                headersTruncated: false,
                headers: [
                    Header(name: "From", value: source),
                    Header(name: "To", value: to),
                    Header(name: "Subject", value: subject),
                    Header(name: "Date", value: headerDate),
                    Header(name: "MIME-Version", value: "1.0"),
                ],
                commonHeaders: CommonHeaders(
                    from: [source], date: headerDate, to: [to], messageId: messageId, subject: subject
                ),
                tags: [
                    SESTags.notificationId: [notificationId.storageString],
                    SESTags.serviceId: [serviceId.storageString],
                    "ses:configuration-set": ["herald"],
                    "ses:operation": ["SendEmail"],
                    "ses:from-domain": [fromDomain],
                    "ses:caller-identity": ["herald"],
                ]
            ).json
        }

        func send() -> Record {
            Record(eventType: "Send", mail: mail, send: Send())
        }

        func delivery(to recipient: String) -> Record {
            let delivery = Delivery(
                timestamp: timestamp(after: Self.deliveryMillis),
                processingTimeMillis: Self.deliveryMillis,
                recipients: [recipient],
                smtpResponse: "250 2.6.0 Message received",
                reportingMTA: "a8-50.smtp-out.amazonses.com",
                remoteMtaIp: "198.51.100.80"
            )
            return Record(eventType: "Delivery", mail: mail, delivery: delivery)
        }

        func bounce(_ kind: BounceKind, from recipient: String) -> Record {
            let bounce = switch kind {
            case .hard:
                bounce(
                    recipient, "Permanent", "General", after: Self.bounceMillis,
                    status: "5.1.1", diagnosticCode: "smtp; 550 5.1.1 user unknown",
                    reportingMTA: "dsn; a8-50.smtp-out.amazonses.com", remoteMtaIp: "198.51.100.80"
                )
            case .soft:
                bounce(
                    recipient, "Transient", "General", after: Self.bounceMillis,
                    status: "4.2.0", diagnosticCode: "smtp; 450 4.2.0 Mailbox temporarily unavailable",
                    reportingMTA: "dsn; a8-50.smtp-out.amazonses.com", remoteMtaIp: nil
                )
            case .suppressed:
                bounce(
                    recipient, "Permanent", "OnAccountSuppressionList", after: Self.suppressionMillis,
                    status: "5.1.1",
                    diagnosticCode: "Amazon SES did not send the message to this address because it is on the "
                        + "suppression list for your account.",
                    reportingMTA: "dns; amazonses.com", remoteMtaIp: nil
                )
            }
            return Record(eventType: "Bounce", mail: mail, bounce: bounce)
        }

        func complaint(from recipient: String) -> Record {
            let complaint = Complaint(
                feedbackId: feedbackId(after: Self.complaintMillis),
                complainedRecipients: [ComplainedRecipient(emailAddress: recipient)],
                timestamp: timestamp(after: Self.complaintMillis),
                userAgent: "Amazon SES Mailbox Simulator",
                complaintFeedbackType: "abuse",
                arrivalDate: timestamp(after: Self.deliveryMillis)
            )
            return Record(eventType: "Complaint", mail: mail, complaint: complaint)
        }

        private func bounce(
            _ recipient: String,
            _ type: String,
            _ subtype: String,
            after millis: Int,
            status: String,
            diagnosticCode: String,
            reportingMTA: String,
            remoteMtaIp: String?
        ) -> Bounce {
            Bounce(
                bounceType: type,
                bounceSubType: subtype,
                bouncedRecipients: [
                    BouncedRecipient(
                        emailAddress: recipient, action: "failed", status: status, diagnosticCode: diagnosticCode
                    ),
                ],
                timestamp: timestamp(after: millis),
                feedbackId: feedbackId(after: millis),
                reportingMTA: reportingMTA,
                remoteMtaIp: remoteMtaIp
            )
        }

        private func timestamp(after millis: Int) -> String {
            UTCTimestamp.string(date(after: millis))
        }

        /// Shaped like SES's: "0100", the event time in hex milliseconds, an id, "-000000".
        private func feedbackId(after millis: Int) -> String {
            let hexMillis = String(Int(date(after: millis).timeIntervalSince1970 * 1_000), radix: 16)
            let padded = String(repeating: "0", count: max(0, 12 - hexMillis.count)) + hexMillis
            return "0100\(padded)-\(notificationId.storageString)-000000"
        }

        private func date(after millis: Int) -> Date {
            sentAt.addingTimeInterval(Double(millis) / 1_000)
        }
    }
}
