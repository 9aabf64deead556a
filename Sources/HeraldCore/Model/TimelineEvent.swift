import Foundation

/// One entry of a notification's history: a status change or a tracking fact, with the raw provider event that caused it.
public struct TimelineEvent: Sendable, Hashable, Codable {
    public var notificationId: UUID
    /// What happened, e.g. `accepted`, `delivered`, `bounced`, `retry`.
    public var event: String
    /// The notification's status after the event.
    public var status: NotificationStatus
    public var detail: String?
    /// The provider's event as received (SES JSON), when there is one.
    public var raw: String?
    public var occurredAt: Date
    public var recordedAt: Date

    public init(
        notificationId: UUID,
        event: String,
        status: NotificationStatus,
        detail: String? = nil,
        raw: String? = nil,
        occurredAt: Date,
        recordedAt: Date = Date()
    ) {
        self.notificationId = notificationId
        self.event = event
        self.status = status
        self.detail = detail
        self.raw = raw
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
    }
}
