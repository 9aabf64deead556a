import Foundation
import HeraldCore

/// An inbox item as the API and the live stream show it.
enum InboxItemJSON {
    static func json(_ item: InboxItem) -> JSONValue {
        [
            "id": .string(item.id.storageString), "member_id": .string(item.memberId), "kind": .string(item.kind.rawValue),
            "event_type": .optional(item.eventType?.name), "scope": .optional(item.scope), "title": .string(item.title),
            "body": .string(item.body), "link": .optional(item.link), "created_at": .string(NotifyTimestamp.string(item.createdAt)),
            "acknowledged_at": NotifyTimestamp.optional(item.acknowledgedAt), "expires_at": NotifyTimestamp.optional(item.expiresAt),
        ]
    }
}
