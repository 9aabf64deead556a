import Foundation
import HeraldCore
import Testing

/// An email's tracking record, from its status, facts and timeline.
@Suite struct EmailTrackingTests {
    let base = Date(timeIntervalSince1970: 1_800_000_000)

    func email(status: NotificationStatus, facts: TrackingFacts = [], sentAt: Date? = nil, completedAt: Date? = nil) -> NotificationRecord {
        NotificationRecord(
            serviceId: UUID(), templateId: UUID(), templateVersion: 1, channel: .email, recipient: "a@example.org", subject: "S", body: "B",
            status: status, facts: facts, keyType: .normal, origin: .api, createdAt: base, sentAt: sentAt, completedAt: completedAt,
            updatedAt: base.addingTimeInterval(100)
        )
    }

    func event(_ name: String, at seconds: TimeInterval, _ n: NotificationRecord) -> TimelineEvent {
        TimelineEvent(notificationId: n.id, event: name, status: n.status, occurredAt: base.addingTimeInterval(seconds))
    }

    @Test func eachTimeIsTheFirstEventOfItsKind() {
        let n = email(status: .delivered, facts: [.opened, .clicked, .complained], sentAt: base.addingTimeInterval(1), completedAt: base.addingTimeInterval(3))
        let tracking = EmailTracking(notification: n, timeline: [
            event("accepted", at: 1, n), event("delivered", at: 2, n), event("opened", at: 9, n), event("opened", at: 5, n),
            event("clicked", at: 6, n), event("complained", at: 7, n),
        ])
        #expect(tracking == EmailTracking(
            sent: base.addingTimeInterval(1), delivered: base.addingTimeInterval(2), opened: base.addingTimeInterval(5),
            clicked: base.addingTimeInterval(6), complained: base.addingTimeInterval(7)
        ))
    }

    @Test func nothingHappenedYet() {
        #expect(EmailTracking(notification: email(status: .created), timeline: []) == EmailTracking())
    }

    @Test func aBounceAfterDeliveryKeepsTheDeliveryTime() {
        let n = email(status: .permanentFailure, sentAt: base)
        let tracking = EmailTracking(notification: n, timeline: [event("delivered", at: 2, n), event("bounced", at: 4, n)])
        #expect(tracking == EmailTracking(sent: base, delivered: base.addingTimeInterval(2), bounced: base.addingTimeInterval(4)))
    }

    @Test func statusAndFactsFillInWhatTheTimelineLacks() {
        // A complaint proved delivery (no Delivery event arrived); a click implies an open.
        let n = email(status: .delivered, facts: [.opened, .clicked, .complained], sentAt: base)
        let tracking = EmailTracking(notification: n, timeline: [event("clicked", at: 8, n), event("complained", at: 6, n)])
        #expect(tracking.delivered == base.addingTimeInterval(6))
        #expect(tracking.opened == base.addingTimeInterval(8))
        let bare = EmailTracking(notification: email(status: .delivered, facts: [.complained], completedAt: base.addingTimeInterval(3)), timeline: [])
        #expect(bare.complained == base.addingTimeInterval(100))
        #expect(bare.delivered == base.addingTimeInterval(3))
    }
}
