import Foundation

/// One notification in a member's in-app inbox: what the platform shows under its top-right badge, newest first,
/// unread until the member acknowledges it, gone once it expires.
public struct InboxItem: Sendable, Hashable {
    public var id: UUID
    public var serviceId: UUID
    public var memberId: String
    public var kind: MemberNotificationKind
    /// The happening's event type, when the item comes from one.
    public var eventType: EventType?
    /// The happening's scope (a forum, a post id), when it has one.
    public var scope: String?
    public var title: String
    public var body: String
    /// A path on the platform (`/forums/post/123`), relative so that the platform resolves it against its own host.
    public var link: String?
    public var createdAt: Date
    /// When the member acknowledged (read) it; nil while unread.
    public var acknowledgedAt: Date?
    /// When it stops showing and counting; nil to keep it.
    public var expiresAt: Date?

    public init(
        id: UUID = .timeOrdered(), serviceId: UUID, memberId: String, kind: MemberNotificationKind, eventType: EventType? = nil, scope: String? = nil,
        title: String, body: String, link: String? = nil, createdAt: Date = Date(), acknowledgedAt: Date? = nil, expiresAt: Date? = nil
    ) {
        self.id = id
        self.serviceId = serviceId
        self.memberId = memberId
        self.kind = kind
        self.eventType = eventType
        self.scope = scope
        self.title = title
        self.body = body
        self.link = link
        self.createdAt = createdAt
        self.acknowledgedAt = acknowledgedAt
        self.expiresAt = expiresAt
    }

    /// Whether `link` is one an item may carry: a path on the platform, starting with one `/` (not `//`, which
    /// would name another host).
    public static func isRelativeLink(_ link: String) -> Bool {
        link.hasPrefix("/") && !link.hasPrefix("//") && !link.hasPrefix("/\\")
    }
}
