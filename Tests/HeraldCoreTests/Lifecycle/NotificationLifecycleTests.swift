import HeraldCore
import Testing

@Suite("Notification lifecycle")
struct NotificationLifecycleTests {
    @Test("Every event in every status", arguments: NotificationStatus.allCases, LifecycleCase.all)
    func everyEventInEveryStatus(status: NotificationStatus, row: LifecycleCase) {
        var lifecycle = NotificationLifecycle(status: status)
        let transition = lifecycle.receive(row.event)
        let expected = row.result(from: status)
        #expect(lifecycle.status == expected)
        #expect(lifecycle.facts == row.facts)
        #expect(transition == .init(statusChanged: expected != status, factsChanged: !row.facts.isEmpty))
    }

    @Test("A repeated event changes nothing", arguments: NotificationStatus.allCases, LifecycleCase.all)
    func repeatedEventIsNoOp(status: NotificationStatus, row: LifecycleCase) {
        var lifecycle = NotificationLifecycle(status: status)
        lifecycle.receive(row.event)
        let once = lifecycle
        #expect(lifecycle.receive(row.event).isNoOp)
        #expect(lifecycle == once)
    }

    /// Swapping any two adjacent events from any status gives the same result, so every
    /// permutation of any sequence of events does.
    @Test("The order of two events does not matter", arguments: NotificationStatus.allCases)
    func orderOfEventsDoesNotMatter(status: NotificationStatus) {
        for first in LifecycleCase.all {
            for second in LifecycleCase.all {
                var forward = NotificationLifecycle(status: status, facts: [.delayed])
                forward.receive(first.event)
                forward.receive(second.event)
                var backward = NotificationLifecycle(status: status, facts: [.delayed])
                backward.receive(second.event)
                backward.receive(first.event)
                #expect(forward == backward, "\(status) + \(first.label) + \(second.label)")
            }
        }
    }

    @Test func sendThenDeliveryIsDelivered() {
        var lifecycle = NotificationLifecycle(status: .created)
        #expect(lifecycle.receive(.accepted).statusChanged)
        #expect(lifecycle.status == .sending)
        #expect(lifecycle.receive(.delivered).statusChanged)
        #expect(lifecycle.status == .delivered)
    }

    @Test func deliveryBeforeSendIsNotUndoneBySend() {
        var lifecycle = NotificationLifecycle(status: .created)
        lifecycle.receive(.delivered)
        #expect(lifecycle.receive(.accepted).isNoOp)
        #expect(lifecycle.status == .delivered)
    }

    @Test func bounceAfterDeliveryMarksPermanentFailure() {
        var lifecycle = NotificationLifecycle(status: .delivered)
        lifecycle.receive(.bounced(.permanent, subtype: "General", diagnostic: nil))
        #expect(lifecycle.status == .permanentFailure)
    }

    @Test func softBounceAfterDeliveryChangesNothing() {
        var lifecycle = NotificationLifecycle(status: .delivered)
        #expect(lifecycle.receive(.bounced(.transient, subtype: "General", diagnostic: nil)).isNoOp)
        #expect(lifecycle.status == .delivered)
    }

    @Test func deliveryAfterSoftBounceMarksDelivered() {
        var lifecycle = NotificationLifecycle(status: .sending)
        lifecycle.receive(.bounced(.transient, subtype: "MailboxFull", diagnostic: nil))
        #expect(lifecycle.status == .temporaryFailure)
        lifecycle.receive(.delivered)
        #expect(lifecycle.status == .delivered)
    }

    @Test func deliveryAfterPermanentFailureChangesNothing() {
        var lifecycle = NotificationLifecycle(status: .permanentFailure)
        #expect(lifecycle.receive(.delivered).isNoOp)
    }

    @Test func openWhileSendingImpliesDelivery() {
        var lifecycle = NotificationLifecycle(status: .sending)
        lifecycle.receive(.opened)
        #expect(lifecycle == NotificationLifecycle(status: .delivered, facts: .opened))
    }

    @Test func clickImpliesDeliveryAndOpen() {
        var lifecycle = NotificationLifecycle(status: .sending)
        lifecycle.receive(.clicked(link: nil))
        #expect(lifecycle == NotificationLifecycle(status: .delivered, facts: [.opened, .clicked]))
    }

    @Test func complaintKeepsDeliveredAndRecordsTheFact() {
        var lifecycle = NotificationLifecycle(status: .delivered)
        let transition = lifecycle.receive(.complained(feedbackType: "abuse"))
        #expect(transition == .init(statusChanged: false, factsChanged: true))
        #expect(lifecycle == NotificationLifecycle(status: .delivered, facts: .complained))
    }

    @Test func delayKeepsSendingAndRecordsTheFact() {
        var lifecycle = NotificationLifecycle(status: .created)
        lifecycle.receive(.delayed(delayType: "TransientCommunicationFailure"))
        #expect(lifecycle == NotificationLifecycle(status: .sending, facts: .delayed))
    }

    @Test func technicalFailureAfterDeliveryChangesNothing() {
        var lifecycle = NotificationLifecycle(status: .delivered)
        #expect(lifecycle.receive(.technicalFailure(reason: "gave up")).isNoOp)
    }

    @Test func sesReceiptOverridesTheWorkersTechnicalFailure() {
        var lifecycle = NotificationLifecycle(status: .sending)
        lifecycle.receive(.technicalFailure(reason: "timed out waiting for SES"))
        lifecycle.receive(.accepted)
        #expect(lifecycle.status == .technicalFailure)
        lifecycle.receive(.delivered)
        #expect(lifecycle.status == .delivered)
    }

    @Test func rejectIsPermanentFailure() {
        var lifecycle = NotificationLifecycle(status: .sending)
        lifecycle.receive(.rejected(reason: "Bad content"))
        #expect(lifecycle.status == .permanentFailure)
    }
}
