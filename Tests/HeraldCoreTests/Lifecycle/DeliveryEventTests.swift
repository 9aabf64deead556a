import Foundation
import HeraldCore
import Testing

@Suite("Delivery event")
struct DeliveryEventTests {
    @Test func namesAreShortAndDistinct() {
        let names = LifecycleCase.all.map(\.event.name)
        #expect(Set(names) == [
            "accepted", "rejected", "delivered", "bounced", "complained", "opened", "clicked", "delayed",
            "rendering-failed", "technical-failure", "subscription",
        ])
    }

    @Test func eventNameIsItsKindsName() {
        let event = DeliveryEvent(
            kind: .bounced(.transient, subtype: "MailboxFull", diagnostic: nil),
            occurredAt: Date(timeIntervalSince1970: 0),
            providerMessageId: "m",
            notificationId: nil,
            recipients: ["a@example.net"]
        )
        #expect(event.name == "bounced")
    }
}
