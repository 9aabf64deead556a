import Foundation
import HeraldCore

/// What changed in members' inboxes, as precisely as the writer knew it. A live stream re-reads its member's inbox
/// when a change concerns them: new items (those created at or after ``addedSince``) and the unread count.
public struct InboxChange: Sendable, Hashable {
    /// The service whose inboxes changed; nil for every service.
    public var serviceId: UUID?
    /// The members whose inboxes changed; nil for every member of the service.
    public var memberIds: Set<String>?
    /// Items were added, none of them created before this time; nil when items were only acknowledged.
    public var addedSince: Date?

    public init(serviceId: UUID?, memberIds: Set<String>?, addedSince: Date?) {
        self.serviceId = serviceId
        self.memberIds = memberIds
        self.addedSince = addedSince
    }

    /// Whether the member's inbox may have changed.
    public func concerns(serviceId: UUID, memberId: String) -> Bool {
        (self.serviceId == nil || self.serviceId == serviceId) && (memberIds?.contains(memberId) ?? true)
    }

    /// One change per service for newly stored items.
    static func added(_ items: [InboxItem]) -> [InboxChange] {
        Dictionary(grouping: items, by: \.serviceId).map { serviceId, items in
            InboxChange(serviceId: serviceId, memberIds: Set(items.map(\.memberId)), addedSince: items.map(\.createdAt).min())
        }
    }

    /// Items of a member were acknowledged.
    static func acknowledged(serviceId: UUID, memberId: String) -> InboxChange {
        InboxChange(serviceId: serviceId, memberIds: [memberId], addedSince: nil)
    }

    /// Anything may have been added since `time` (a watcher that missed changes while it reconnected says so).
    static func anything(since time: Date) -> InboxChange {
        InboxChange(serviceId: nil, memberIds: nil, addedSince: time)
    }
}
