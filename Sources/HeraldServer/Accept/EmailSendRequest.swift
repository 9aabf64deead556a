import Foundation
import HeraldCore

/// A validated `POST /herald/v1/emails`: one email, templated or already formatted, to one or many recipients, each
/// with their own personalisation on top of the shared one, or to many people at once by blind copy.
public struct EmailSendRequest: Sendable {
    /// What the emails say.
    public enum Content: Sendable, Hashable {
        /// A stored email template, filled from each recipient's personalisation.
        case template(UUID)
        /// Subject and plain-text body written by the caller, optionally with an HTML alternative; `((placeholders))`
        /// in them are filled as in a template (HTML-escaped in `html`).
        case formatted(subject: String, body: String, html: String?)
    }

    /// One recipient with the personalisation for them (the shared values overlaid with their own).
    public struct Recipient: Sendable {
        public var address: String
        public var personalisation: [String: String]
        public var personalisationJSON: String?
        public var reference: String?
    }

    /// The most recipients one call may carry.
    public static let maximumRecipients = 50_000
    /// The most recipients of one message by blind copy: SES's limit for one message, which SMTP servers (that must
    /// take 100) and the simulator also take, whichever provider the workers use.
    public static let blindCopyBatchSize = 50
    static let fields: Set = [
        "template_id", "subject", "body", "html", "recipients", "bcc", "personalisation", "reference", "reply_to", "delivery", "batch_id",
        "batch_readers", "in_app",
    ]

    public var content: Content
    /// One email per recipient; empty when the email goes by ``bcc``.
    public var recipients: [Recipient]
    /// One email to all these people by blind copy (no one sees the others), sent as one message per
    /// ``blindCopyBatchSize`` of them, filled from the shared personalisation; empty when sent per recipient.
    public var bcc: [String]
    /// The shared personalisation, for ``bcc`` emails.
    public var personalisation: [String: String]
    public var personalisationJSON: String?
    public var reference: String?
    /// The address replies go to (`Reply-To`).
    public var replyTo: String?
    /// `queued` (bulk priority, the default) or `immediate`.
    public var priority: DeliveryPriority
    public var batch: BatchGrant?
    /// The caller asked for an in-app notification alongside each email (see ``InAppInbox``).
    public var inApp: Bool
    /// The request's `Idempotency-Key` header: a repeat of the call with the same key from the same service sends
    /// nothing new and answers with the emails the first call made.
    public var idempotencyKey: String?

    /// Validates a body, collecting every problem as Notify's `ValidationError` messages (the first 100).
    static func parse(_ object: JSONValue, idempotencyKey: String? = nil) throws(NotifyError) -> EmailSendRequest {
        var problems: [String] = []
        object.rejectMembers(otherThan: fields, in: "", problems: &problems)
        let content = Self.content(of: object, problems: &problems)
        let shared: [(String, JSONValue)]
        switch object["personalisation"] {
        case nil, .null?: shared = []
        case .object(let members)?: shared = members
        case let other?:
            problems.append(ValidationMessage.notOfType("personalisation", other, "object"))
            shared = []
        }
        let reference = object.optionalString("reference", in: "", problems: &problems)
        var recipients: [Recipient] = []
        var bcc: [String] = []
        switch (object["recipients"], object["bcc"]) {
        case (.array(let items)?, nil) where !items.isEmpty && items.count <= maximumRecipients:
            recipients = items.enumerated().compactMap { index, item in
                recipient(item, field: "recipients[\(index)]", shared: shared, reference: reference, problems: &problems)
            }
        case (.array(let items)?, nil):
            problems.append("recipients must have 1 to \(maximumRecipients) items, not \(items.count)")
        case (nil, .array(let items)?) where !items.isEmpty && items.count <= maximumRecipients:
            bcc = blindCopies(items, problems: &problems)
            if let reference, reference.count > 1000 { problems.append("reference is too long") }
        case (nil, .array(let items)?):
            problems.append("bcc must have 1 to \(maximumRecipients) items, not \(items.count)")
        case (nil, nil):
            problems.append("Either recipients or bcc is required")
        case (.some, .some):
            problems.append("recipients and bcc cannot both be given")
        case (let other?, nil):
            problems.append(ValidationMessage.notOfType("recipients", other, "array"))
        case (nil, let other?):
            problems.append(ValidationMessage.notOfType("bcc", other, "array"))
        }
        var replyTo: String?
        if let text = object.optionalString("reply_to", in: "", problems: &problems) {
            replyTo = try? EmailAddress(validating: text).value
            if replyTo == nil { problems.append("reply_to Not a valid email address") }
        }
        var priority = DeliveryPriority.bulk
        switch object.optionalString("delivery", in: "", problems: &problems) {
        case nil, "queued": break
        case "immediate": priority = .immediate
        case let other?: problems.append("delivery \(other) is not one of [immediate, queued]")
        }
        var inApp = false
        switch object["in_app"] {
        case nil, .null?: break
        case .bool(let flag)?: inApp = flag
        case let other?: problems.append(ValidationMessage.notOfType("in_app", other, "boolean"))
        }
        let batch = BatchGrant.parse(object, problems: &problems)
        guard problems.isEmpty, let content else { throw .validation(Array(problems.prefix(100))) }
        let values = JSONValue.object(shared)
        return EmailSendRequest(
            content: content, recipients: recipients, bcc: bcc, personalisation: Personalisation.values(from: values, lists: .markdownBullets),
            personalisationJSON: shared.isEmpty ? nil : String(decoding: values.encoded(), as: UTF8.self), reference: reference, replyTo: replyTo,
            priority: priority, batch: batch, inApp: inApp, idempotencyKey: idempotencyKey
        )
    }

    /// The items of `bcc`: valid email addresses, each once (compared without case), in the order given.
    private static func blindCopies(_ items: [JSONValue], problems: inout [String]) -> [String] {
        var seen: Set<String> = []
        var addresses: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item else {
                problems.append(ValidationMessage.notOfType("bcc[\(index)]", item, "string"))
                continue
            }
            guard let address = try? EmailAddress(validating: text).value else {
                problems.append("bcc[\(index)] Not a valid email address")
                continue
            }
            if seen.insert(address.lowercased()).inserted {
                addresses.append(address)
            }
        }
        return addresses
    }

    /// Either `template_id`, or `subject` and `body` (with `html` optional); never both.
    private static func content(of object: JSONValue, problems: inout [String]) -> Content? {
        let subject = object.optionalString("subject", in: "", problems: &problems)
        let body = object.optionalString("body", in: "", problems: &problems)
        let html = object.optionalString("html", in: "", problems: &problems)
        switch object["template_id"] {
        case nil, .null?:
            guard let subject, let body, !subject.isEmpty else {
                problems.append("Either template_id, or subject and body (html optional), are required")
                return nil
            }
            return .formatted(subject: subject, body: body, html: html)
        case .string(let text)?:
            guard let id = UUID(uuidString: text) else {
                problems.append("template_id is not a valid UUID")
                return nil
            }
            if subject != nil || body != nil || html != nil {
                problems.append("template_id cannot be given with subject, body or html")
            }
            return .template(id)
        case .some:
            problems.append("template_id is not a valid UUID")
            return nil
        }
    }

    /// One item of `recipients`: `{"email_address": …, "personalisation": {…}, "reference": …}`.
    private static func recipient(
        _ item: JSONValue, field: String, shared: [(String, JSONValue)], reference: String?, problems: inout [String]
    ) -> Recipient? {
        guard case .object = item else {
            problems.append(ValidationMessage.notOfType(field, item, "object"))
            return nil
        }
        let before = problems.count
        item.rejectMembers(otherThan: ["email_address", "personalisation", "reference"], in: field, problems: &problems)
        var address: String?
        if let text = item.requiredString("email_address", in: field, problems: &problems) {
            address = try? EmailAddress(validating: text).value
            if address == nil { problems.append("\(field).email_address Not a valid email address") }
        }
        var members = shared
        switch item["personalisation"] {
        case nil, .null?: break
        case .object(let own)?:
            let keys = Set(own.map(\.0))
            members = shared.filter { !keys.contains($0.0) } + own
        case let other?: problems.append(ValidationMessage.notOfType("\(field).personalisation", other, "object"))
        }
        let ownReference = item.optionalString("reference", in: field, problems: &problems) ?? reference
        if let ownReference, ownReference.count > 1000 { problems.append("\(field).reference is too long") }
        guard problems.count == before, let address else { return nil }
        let values = JSONValue.object(members)
        return Recipient(
            address: address, personalisation: Personalisation.values(from: values, lists: .markdownBullets),
            personalisationJSON: members.isEmpty ? nil : String(decoding: values.encoded(), as: UTF8.self), reference: ownReference
        )
    }
}
