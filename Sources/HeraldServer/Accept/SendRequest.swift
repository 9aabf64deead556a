import Foundation
import HeraldCore

/// A validated request to send one email or text message, from the API (`POST /v2/notifications/email|sms`) or the
/// CLI.
public struct SendRequest: Sendable {
    public var channel: Channel
    public var templateId: UUID
    /// The email address (whitespace stripped) or the phone number in E.164 form.
    public var recipient: String
    /// Template values, already converted the way Notify does (see `Personalisation`).
    public var personalisation: [String: String]
    /// The personalisation object as the client sent it, stored with the notification.
    public var personalisationJSON: String?
    public var reference: String?
    public var idempotencyKey: String?
    /// Notify's `one_click_unsubscribe_url`: the client's https page, sent as the email's `List-Unsubscribe`.
    public var unsubscribeURL: String?
    /// Herald's `batch_id` and `batch_readers`.
    public var batch: BatchGrant?

    public init(
        channel: Channel, templateId: UUID, recipient: String, personalisation: [String: String] = [:], personalisationJSON: String? = nil,
        reference: String? = nil, idempotencyKey: String? = nil, unsubscribeURL: String? = nil, batch: BatchGrant? = nil
    ) {
        self.channel = channel
        self.templateId = templateId
        self.recipient = recipient
        self.personalisation = personalisation
        self.personalisationJSON = personalisationJSON
        self.reference = reference
        self.idempotencyKey = idempotencyKey
        self.unsubscribeURL = unsubscribeURL
        self.batch = batch
    }

    /// Validates a JSON body against Notify's request schema for `channel` (`additionalProperties: false`) with
    /// Herald's `batch_id` and `batch_readers` added, collecting every problem as Notify's `ValidationError` messages. Phone numbers in national form belong to
    /// `homeCountryCode`.
    public static func parse(
        _ object: JSONValue, channel: Channel, idempotencyKey: String?, homeCountryCode: String = PhoneNumber.ukCountryCode
    ) throws(NotifyError) -> SendRequest {
        let schema = Schema(channel)
        var problems: [String] = []
        let keys = if case .object(let members) = object { Set(members.map(\.0)) } else { Set<String>() }
        let unexpected = keys.filter { !schema.allowed.contains($0) }.sorted()
        if !unexpected.isEmpty {
            problems.append("Additional properties are not allowed (\(unexpected.joined(separator: ", ")) \(unexpected.count == 1 ? "was" : "were") unexpected)")
        }
        var recipient: String?
        switch object[schema.recipientField] {
        case nil: problems.append("\(schema.recipientField) is a required property")
        case .string(let text)?:
            switch channel {
            case .sms:
                do { recipient = try PhoneNumber(validating: text, homeCountryCode: homeCountryCode).e164 } catch {
                    problems.append("phone_number \(error.reason.rawValue)")
                }
            case .email, .letter:
                if let valid = try? EmailAddress(validating: text) { recipient = valid.value } else { problems.append("email_address Not a valid email address") }
            }
        case let other?: problems.append(ValidationMessage.notOfType(schema.recipientField, other, "string"))
        }
        var templateId: UUID?
        switch object["template_id"] {
        case nil: problems.append("template_id is a required property")
        case .string(let text)?:
            templateId = UUID(uuidString: text)
            if templateId == nil { problems.append("template_id is not a valid UUID") }
        case .some: problems.append("template_id is not a valid UUID")
        }
        var personalisation: [String: String] = [:]
        var personalisationJSON: String?
        switch object["personalisation"] {
        case nil, .null?: break
        case .object(let members)?:
            let values = JSONValue.object(members)
            personalisation = Personalisation.values(from: values, lists: channel == .email ? .markdownBullets : .inline)
            personalisationJSON = String(decoding: values.encoded(), as: UTF8.self)
        case let other?: problems.append(ValidationMessage.notOfType("personalisation", other, "object"))
        }
        var reference: String?
        switch object["reference"] {
        case nil, .null?: break
        case .string(let text)?:
            if text.count > 1000 { problems.append("reference \(text) is too long") } else { reference = text }
        case let other?: problems.append(ValidationMessage.notOfType("reference", other, "string"))
        }
        for field in schema.optionalUUIDs {
            if let value = object[field], !value.isNull, value.stringValue.flatMap(UUID.init(uuidString:)) == nil {
                problems.append("\(field) is not a valid UUID")
            }
        }
        var unsubscribeURL: String?
        if let url = object["one_click_unsubscribe_url"], !url.isNull {
            if let text = url.stringValue, text.hasPrefix("https://"), URL(string: text)?.host != nil {
                unsubscribeURL = text
            } else {
                problems.append("one_click_unsubscribe_url is not a valid https url")
            }
        }
        let batch = BatchGrant.parse(object, problems: &problems)
        guard problems.isEmpty, let recipient, let templateId else { throw .validation(problems) }
        return SendRequest(
            channel: channel, templateId: templateId, recipient: recipient, personalisation: personalisation,
            personalisationJSON: personalisationJSON, reference: reference, idempotencyKey: idempotencyKey, unsubscribeURL: unsubscribeURL,
            batch: batch
        )
    }

    /// What Notify's JSON schema for a channel allows.
    private struct Schema {
        let recipientField: String
        let allowed: Set<String>
        let optionalUUIDs: [String]

        init(_ channel: Channel) {
            let common: Set = ["template_id", "personalisation", "reference", "scheduled_for", "batch_id", "batch_readers"]
            switch channel {
            case .sms:
                recipientField = "phone_number"
                optionalUUIDs = ["sms_sender_id"]
                allowed = common.union(["phone_number", "sms_sender_id"])
            case .email, .letter:
                recipientField = "email_address"
                optionalUUIDs = ["email_reply_to_id"]
                allowed = common.union(["email_address", "email_reply_to_id", "one_click_unsubscribe_url", "sanitise_content_for"])
            }
        }
    }
}
