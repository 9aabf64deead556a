import Foundation
import HeraldCore

/// Listens on the wire: the body of `POST /herald/v1/members/{member_id}/listens`
/// (`{"event_type": "forums.post.*", "scope": "post-123"}`, `scope` optional) and a listen as the API shows it.
enum ListenJSON {
    /// The listen `body` asks for, or a validation error naming every problem.
    static func listen(_ body: JSONValue, serviceId: UUID, memberId: String) throws(NotifyError) -> Listen {
        var problems: [String] = []
        body.rejectMembers(otherThan: ["event_type", "scope"], in: "", problems: &problems)
        let text = body.optionalString("event_type", in: "", problems: &problems)
        if body["event_type"]?.isNull ?? true {
            problems.append("event_type is a required property")
        }
        let scope = body.optionalString("scope", in: "", problems: &problems)
        guard problems.isEmpty, let text else { throw .validation(problems) }
        return Listen(serviceId: serviceId, memberId: memberId, eventType: try eventType(text), scope: try scope.map(Self.scope))
    }

    /// An event type or wildcard pattern given by a client.
    static func eventType(_ text: String) throws(NotifyError) -> EventTypePattern {
        do {
            return try EventTypePattern(validating: text)
        } catch {
            throw .validation(["event_type '\(error.input)' \(error.reason.rawValue)"])
        }
    }

    /// A scope given by a client: 1 to 255 bytes.
    static func scope(_ text: String) throws(NotifyError) -> String {
        guard !text.isEmpty, text.utf8.count <= Listen.maximumScopeLength else {
            throw .validation(["scope must be 1 to \(Listen.maximumScopeLength) characters long (leave it out for every scope)"])
        }
        return text
    }

    /// A listen as the API shows it.
    static func json(_ listen: Listen) -> JSONValue {
        [
            "id": .string(listen.id.storageString), "member_id": .string(listen.memberId), "event_type": .string(listen.eventType.text),
            "scope": .optional(listen.scope), "created_at": .string(NotifyTimestamp.string(listen.createdAt)),
        ]
    }
}
