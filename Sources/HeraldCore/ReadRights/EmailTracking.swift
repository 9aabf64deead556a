import Foundation

/// An email's tracking record: when it was sent, delivered, opened, clicked, bounced and complained about, each nil
/// until it happened.
///
/// Each time is the first timeline event of that kind (the provider's own timestamp). When the status or the facts
/// say something happened but its event is not on the timeline, the time is the best one recorded: a delivery proven
/// by an open, click or complaint takes the first such event's time, else the completion time; an open implied by a
/// click takes the click's time; any other fact without its event takes the notification's last update.
public struct EmailTracking: Sendable, Hashable {
    public var sent: Date?
    public var delivered: Date?
    public var opened: Date?
    public var clicked: Date?
    public var bounced: Date?
    public var complained: Date?

    /// The timeline events the record is made from; other events may be left out of `timeline`.
    public static let eventNames = ["accepted", "delivered", "opened", "clicked", "bounced", "complained"]

    public init(sent: Date? = nil, delivered: Date? = nil, opened: Date? = nil, clicked: Date? = nil, bounced: Date? = nil, complained: Date? = nil) {
        self.sent = sent
        self.delivered = delivered
        self.opened = opened
        self.clicked = clicked
        self.bounced = bounced
        self.complained = complained
    }

    /// The record of `notification`, from its status, facts and `timeline`.
    public init(notification n: NotificationRecord, timeline: [TimelineEvent]) {
        var first: [String: Date] = [:]
        for event in timeline {
            first[event.event] = min(first[event.event] ?? event.occurredAt, event.occurredAt)
        }
        func fact(_ name: String, _ fact: TrackingFacts, else fallback: Date?) -> Date? {
            first[name] ?? (n.facts.contains(fact) ? fallback ?? n.updatedAt : nil)
        }
        clicked = fact("clicked", .clicked, else: nil)
        opened = fact("opened", .opened, else: clicked)
        complained = fact("complained", .complained, else: nil)
        bounced = first["bounced"]
        sent = n.sentAt ?? first["accepted"]
        let proof = ["opened", "clicked", "complained"].compactMap { first[$0] }.min()
        delivered = first["delivered"] ?? (n.status == .delivered ? proof ?? n.completedAt ?? n.updatedAt : nil)
    }
}
