import Foundation
import HeraldCore

/// Turns SES feedback into `DeliveryEvent`s: either SES format, bare or inside an SNS envelope.
///
/// Two set-up messages that SES publishes to a topic carry no event and parse to `[]`: the
/// identity notification `AmazonSnsSubscriptionSucceeded` and the plain-text event-publishing
/// check "Successfully validated SNS topic for Amazon SES event publishing.".
public enum SESEventParser {
    /// Parses one SES feedback message in either SES format (event publishing: top-level
    /// "eventType"; identity notifications: "notificationType"), also when wrapped in an SNS
    /// envelope (JSON with "Type":"Notification" and the SES JSON as the string "Message").
    /// Returns one DeliveryEvent per affected recipient where the event names recipients
    /// (bounce/complaint/delivery, and delivery delay), else one event for `mail.destination`.
    public static func parse(_ data: Data) throws(SESEventParseError) -> [DeliveryEvent] {
        let document = try decode(data)
        guard let envelopeType = document.envelopeType else {
            return try events(in: document)
        }
        guard envelopeType == "Notification" else {
            throw SESEventParseError(.notAnSESEvent("an SNS \(envelopeType) message"))
        }
        let message = try require(document.envelopeMessage, "Message")
        if message.trimmingCharacters(in: .whitespacesAndNewlines) == eventPublishingCheck {
            return []
        }
        let record = try decode(Data(message.utf8))
        guard record.envelopeType == nil else {
            throw SESEventParseError(.notAnSESEvent("an SNS envelope inside an SNS envelope"))
        }
        return try events(in: record)
    }

    private static let eventPublishingCheck = "Successfully validated SNS topic for Amazon SES event publishing."
    private static let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// SES's record types, named as in `eventType`.
    private enum RecordType: String {
        case send = "Send", reject = "Reject", bounce = "Bounce", complaint = "Complaint"
        case delivery = "Delivery", open = "Open", click = "Click", renderingFailure = "Rendering Failure"
        case deliveryDelay = "DeliveryDelay", subscription = "Subscription"
    }

    private static func events(in document: Document) throws(SESEventParseError) -> [DeliveryEvent] {
        guard let type = try recordType(of: document) else {
            return []
        }
        let mail = try require(document.mail, "mail")
        let record = Record(
            mail: mail,
            messageId: try require(mail.messageId, "mail.messageId"),
            notificationId: mail.tags?[SESTags.notificationId]?.first.flatMap(UUID.init(uuidString:))
        )
        switch type {
        case .send:
            return [try record.event(.accepted, detail: document.send, named: "send")]
        case .reject:
            let reason = document.reject?.reason ?? "Rejected by SES"
            return [try record.event(.rejected(reason: reason), detail: document.reject, named: "reject")]
        case .bounce:
            let bounce = try require(document.bounce, "bounce")
            let rawType = try require(bounce.bounceType, "bounce.bounceType")
            guard let bounceType = DeliveryEvent.BounceType(rawValue: rawType) else {
                throw SESEventParseError(.invalidValue(field: "bounce.bounceType", value: rawType))
            }
            let subtype = try require(bounce.bounceSubType, "bounce.bounceSubType")
            return try record.eventPerRecipient(
                bounce.bouncedRecipients, of: bounce, named: "bounce", list: "bouncedRecipients"
            ) { .bounced(bounceType, subtype: subtype, diagnostic: $0.diagnosticCode) }
        case .complaint:
            let complaint = try require(document.complaint, "complaint")
            return try record.eventPerRecipient(
                complaint.complainedRecipients, of: complaint, named: "complaint", list: "complainedRecipients"
            ) { _ in .complained(feedbackType: complaint.complaintFeedbackType) }
        case .delivery:
            let delivery = try require(document.delivery, "delivery")
            let recipients = delivery.recipients?.map { Recipient(emailAddress: $0) }
            return try record.eventPerRecipient(
                recipients, of: delivery, named: "delivery", list: "recipients"
            ) { _ in .delivered }
        case .deliveryDelay:
            let delay = try require(document.deliveryDelay, "deliveryDelay")
            return try record.eventPerRecipient(
                delay.delayedRecipients, of: delay, named: "deliveryDelay", list: "delayedRecipients"
            ) { _ in .delayed(delayType: delay.delayType) }
        case .open:
            return [try record.event(.opened, detail: document.open, named: "open")]
        case .click:
            return [try record.event(.clicked(link: document.click?.link), detail: document.click, named: "click")]
        case .renderingFailure:
            let message = document.failure?.errorMessage ?? "SES could not render the template"
            return [try record.event(.renderingFailed(message: message), detail: document.failure, named: "failure")]
        case .subscription:
            return [try record.event(.subscription, detail: document.subscription, named: "subscription")]
        }
    }

    /// The record's type, or `nil` for SES's `AmazonSnsSubscriptionSucceeded` set-up notice.
    private static func recordType(of document: Document) throws(SESEventParseError) -> RecordType? {
        if let eventType = document.eventType {
            guard let type = RecordType(rawValue: eventType) else {
                throw SESEventParseError(.unknownEventType(eventType))
            }
            return type
        }
        let notificationType = try require(document.notificationType, "eventType or notificationType")
        switch notificationType {
        case "Bounce": return .bounce
        case "Complaint": return .complaint
        case "Delivery": return .delivery
        case "AmazonSnsSubscriptionSucceeded": return nil
        default: throw SESEventParseError(.unknownEventType(notificationType))
        }
    }

    /// What every event built from one SES record shares.
    private struct Record {
        let mail: Mail
        let messageId: String
        let notificationId: UUID?

        /// One event for all of `mail.destination`, for records that do not list recipients.
        func event(
            _ kind: DeliveryEvent.Kind,
            detail: Detail?,
            named name: String
        ) throws(SESEventParseError) -> DeliveryEvent {
            let detail = try require(detail, name)
            let date = try occurredAt(detail, named: name)
            return make(kind, at: date, recipients: mail.destination ?? [])
        }

        /// One event per entry of `recipients`, the list `list` of the object `name`.
        func eventPerRecipient(
            _ recipients: [Recipient]?,
            of detail: Detail,
            named name: String,
            list: String,
            kind: (Recipient) -> DeliveryEvent.Kind
        ) throws(SESEventParseError) -> [DeliveryEvent] {
            guard let recipients, !recipients.isEmpty else {
                throw SESEventParseError(.missingField("\(name).\(list)"))
            }
            let date = try occurredAt(detail, named: name)
            var events: [DeliveryEvent] = []
            events.reserveCapacity(recipients.count)
            for (index, recipient) in recipients.enumerated() {
                let address = try require(recipient.emailAddress, "\(name).\(list).\(index).emailAddress")
                events.append(make(kind(recipient), at: date, recipients: [address]))
            }
            return events
        }

        /// The type-specific timestamp, falling back to `mail.timestamp`.
        private func occurredAt(_ detail: Detail, named name: String) throws(SESEventParseError) -> Date {
            if let timestamp = detail.timestamp {
                return try date(timestamp, field: "\(name).timestamp")
            }
            return try date(require(mail.timestamp, "mail.timestamp"), field: "mail.timestamp")
        }

        private func make(_ kind: DeliveryEvent.Kind, at date: Date, recipients: [String]) -> DeliveryEvent {
            DeliveryEvent(
                kind: kind,
                occurredAt: date,
                providerMessageId: messageId,
                notificationId: notificationId,
                recipients: recipients
            )
        }
    }

    /// Parses ISO 8601 with or without fractional seconds.
    private static func date(_ text: String, field: String) throws(SESEventParseError) -> Date {
        do {
            return try timestampStyle.parse(text)
        } catch {
            throw SESEventParseError(.invalidValue(field: field, value: text))
        }
    }

    private static func require<Value>(_ value: Value?, _ field: String) throws(SESEventParseError) -> Value {
        guard let value else {
            throw SESEventParseError(.missingField(field))
        }
        return value
    }

    private static func decode(_ data: Data) throws(SESEventParseError) -> Document {
        let json: JSONValue
        do {
            json = try JSONValue(parsing: data)
        } catch {
            throw SESEventParseError(.notJSON(error.description))
        }
        return try Document(json)
    }
}
