import Foundation
import HeraldCore

/// Listens on the wire: the body of `POST /herald/v1/members/{member_id}/listens`
/// (`{"event_type": "forums.post.*", "scope": "post-123"}`, `scope` optional), an item of `POST /herald/v1/listens`
/// (the same with a `member_id`), and a listen as the API shows it.
enum ListenJSON {
    /// The listen `value` describes, or nil after adding every problem with it to `problems`, each message starting
    /// with `field` (`listens[3]`, or nothing for a whole body). The member is `memberId`, or the item's `member_id`
    /// when that is nil.
    static func listen(_ value: JSONValue, field: String, serviceId: UUID, memberId: String?, problems: inout [String]) -> Listen? {
        guard case .object = value else {
            problems.append(ValidationMessage.notOfType(field, value, "object"))
            return nil
        }
        let before = problems.count
        value.rejectMembers(otherThan: memberId == nil ? ["member_id", "event_type", "scope"] : ["event_type", "scope"], in: field, problems: &problems)
        let member = memberId ?? MemberJSON.memberId(of: value, in: field, problems: &problems)
        let pattern = value.requiredString("event_type", in: field, problems: &problems).flatMap {
            eventType($0, in: field, problems: &problems)
        }
        let scope = value.optionalString("scope", in: field, problems: &problems).flatMap { Self.scope($0, in: field, problems: &problems) }
        guard problems.count == before, let member, let pattern else { return nil }
        return Listen(serviceId: serviceId, memberId: member, eventType: pattern, scope: scope)
    }

    /// An event type or wildcard pattern a client gave, or nil after adding why it is not one to `problems`.
    static func eventType(_ text: String, in field: String, problems: inout [String]) -> EventTypePattern? {
        do {
            return try EventTypePattern(validating: text)
        } catch {
            problems.append("\(ValidationMessage.path(field, "event_type")) '\(error.input)' \(error.reason.rawValue)")
            return nil
        }
    }

    /// A scope a client gave (1 to 255 bytes), or nil after adding a problem.
    static func scope(_ text: String, in field: String, problems: inout [String]) -> String? {
        guard !text.isEmpty, text.utf8.count <= Listen.maximumScopeLength else {
            problems.append("\(ValidationMessage.path(field, "scope")) must be 1 to \(Listen.maximumScopeLength) characters long (leave it out for every scope)")
            return nil
        }
        return text
    }

    /// A listen as the API shows it.
    static func json(_ listen: Listen) -> JSONValue {
        [
            "id": .string(listen.id.storageString), "member_id": .string(listen.memberId), "event_type": .string(listen.eventType.text),
            "scope": .optional(listen.scope), "created_at": .string(NotifyTimestamp.string(listen.createdAt)),
        ]
    }}
