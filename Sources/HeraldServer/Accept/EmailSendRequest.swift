import Foundation
import HeraldCore

/// A validated request to send one email, from the API (`POST /v2/notifications/email`) or the CLI.
public struct EmailSendRequest: Sendable {
    public var templateId: UUID
    public var emailAddress: String
    /// Template values, already converted the way Notify does (see `Personalisation`).
    public var personalisation: [String: String]
    /// The personalisation object as the client sent it, stored with the notification.
    public var personalisationJSON: String?
    public var reference: String?
    public var idempotencyKey: String?

    public init(
        templateId: UUID, emailAddress: String, personalisation: [String: String] = [:], personalisationJSON: String? = nil,
        reference: String? = nil, idempotencyKey: String? = nil
    ) {
        self.templateId = templateId
        self.emailAddress = emailAddress
        self.personalisation = personalisation
        self.personalisationJSON = personalisationJSON
        self.reference = reference
        self.idempotencyKey = idempotencyKey
    }

    /// Validates a JSON body against Notify's email request schema (`additionalProperties: false`),
    /// collecting every problem as Notify's `ValidationError` messages.
    public static func parse(_ object: JSONValue, idempotencyKey: String?) throws(NotifyError) -> EmailSendRequest {
        let allowed: Set = [
            "email_address", "template_id", "personalisation", "reference", "scheduled_for", "email_reply_to_id",
            "one_click_unsubscribe_url", "sanitise_content_for",
        ]
        var problems: [String] = []
        let keys = if case .object(let members) = object { Set(members.map(\.0)) } else { Set<String>() }
        let unexpected = keys.filter { !allowed.contains($0) }.sorted()
        if !unexpected.isEmpty {
            problems.append("Additional properties are not allowed (\(unexpected.joined(separator: ", ")) \(unexpected.count == 1 ? "was" : "were") unexpected)")
        }
        var email: String?
        switch object["email_address"] {
        case nil: problems.append("email_address is a required property")
        case .string(let text)?:
            if let valid = try? EmailAddress(validating: text) { email = valid.value } else { problems.append("email_address Not a valid email address") }
        case let other?: problems.append(ValidationMessage.notOfType("email_address", other, "string"))
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
            personalisation = Personalisation.values(from: values)
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
        if let replyTo = object["email_reply_to_id"], !replyTo.isNull, replyTo.stringValue.flatMap(UUID.init(uuidString:)) == nil {
            problems.append("email_reply_to_id is not a valid UUID")
        }
        if let url = object["one_click_unsubscribe_url"], !url.isNull, !(url.stringValue?.hasPrefix("https") ?? false) {
            problems.append("one_click_unsubscribe_url is not a valid https url")
        }
        guard problems.isEmpty, let email, let templateId else { throw .validation(problems) }
        return EmailSendRequest(
            templateId: templateId, emailAddress: email, personalisation: personalisation, personalisationJSON: personalisationJSON,
            reference: reference, idempotencyKey: idempotencyKey
        )
    }
}
