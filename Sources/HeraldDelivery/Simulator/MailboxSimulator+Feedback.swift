import Foundation

extension MailboxSimulator {
    /// Builds the records that follow "Send" for one recipient, at fixed delays after sending.
    struct Feedback {
        let recipient: String
        let notificationId: UUID
        let sentAt: Date

        /// The bounces the simulator produces.
        enum BounceKind {
            case hard, soft, suppressed
        }

        private static let deliveryMillis = 1_200
        private static let bounceMillis = 900
        private static let suppressionMillis = 100
        private static let complaintMillis = 3_000

        func delivery(_ mail: Mail) -> Record {
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

        func bounce(_ mail: Mail, _ kind: BounceKind) -> Record {
            let bounce = switch kind {
            case .hard:
                bounce(
                    "Permanent", "General", after: Self.bounceMillis,
                    status: "5.1.1", diagnosticCode: "smtp; 550 5.1.1 user unknown",
                    reportingMTA: "dsn; a8-50.smtp-out.amazonses.com", remoteMtaIp: "198.51.100.80"
                )
            case .soft:
                bounce(
                    "Transient", "General", after: Self.bounceMillis,
                    status: "4.2.0", diagnosticCode: "smtp; 450 4.2.0 Mailbox temporarily unavailable",
                    reportingMTA: "dsn; a8-50.smtp-out.amazonses.com", remoteMtaIp: "198.51.100.80"
                )
            case .suppressed:
                bounce(
                    "Permanent", "OnAccountSuppressionList", after: Self.suppressionMillis,
                    status: "5.1.1",
                    diagnosticCode: "Amazon SES did not send the message to this address because it is on the "
                        + "suppression list for your account.",
                    reportingMTA: "dns; amazonses.com", remoteMtaIp: nil
                )
            }
            return Record(eventType: "Bounce", mail: mail, bounce: bounce)
        }

        func complaint(_ mail: Mail) -> Record {
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
                    BouncedRecipient(emailAddress: recipient, action: "failed", status: status, diagnosticCode: diagnosticCode),
                ],
                timestamp: timestamp(after: millis),
                feedbackId: feedbackId(after: millis),
                reportingMTA: reportingMTA,
                remoteMtaIp: remoteMtaIp
            )
        }

        private func timestamp(after millis: Int) -> String {
            date(after: millis).formatted(MailboxSimulator.timestampStyle)
        }

        /// Shaped like SES's: "0100", the event time in hex milliseconds, an id, "-000000".
        private func feedbackId(after millis: Int) -> String {
            let hexMillis = String(Int(date(after: millis).timeIntervalSince1970 * 1_000), radix: 16)
            let padded = String(repeating: "0", count: max(0, 12 - hexMillis.count)) + hexMillis
            return "0100\(padded)-\(notificationId.uuidString.lowercased())-000000"
        }

        private func date(after millis: Int) -> Date {
            sentAt.addingTimeInterval(Double(millis) / 1_000)
        }
    }
}
