import Foundation

/// A member's subscription to happenings: of one event type or a wildcard of them, optionally only within one scope
/// (one forum, one post id). A listen without a scope hears the event type in every scope; one with a scope hears
/// only happenings in that scope.
public struct Listen: Sendable, Hashable {
    public var id: UUID
    public var serviceId: UUID
    public var memberId: String
    public var eventType: EventTypePattern
    /// Nil for every scope; otherwise non-empty.
    public var scope: String?
    public var createdAt: Date

    /// The longest scope accepted, in bytes.
    public static let maximumScopeLength = 255

    public init(id: UUID = UUID(), serviceId: UUID, memberId: String, eventType: EventTypePattern, scope: String? = nil, createdAt: Date = Date()) {
        self.id = id
        self.serviceId = serviceId
        self.memberId = memberId
        self.eventType = eventType
        self.scope = scope
        self.createdAt = createdAt
    }

    /// Whether a happening of `eventType` in `scope` (nil: a happening without one) reaches this listen's member.
    public func hears(_ eventType: EventType, in scope: String?) -> Bool {
        self.eventType.matches(eventType) && (self.scope == nil || self.scope == scope)
    }
}
