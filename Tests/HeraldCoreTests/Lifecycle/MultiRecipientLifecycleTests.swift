import HeraldCore
import Testing

@Suite("Multi-recipient lifecycle")
struct MultiRecipientLifecycleTests {
    private static let addresses = ["ada@example.org", "Bo@example.org", "cy@example.org"]
    private static let hardBounce = DeliveryEvent.Kind.bounced(.permanent, subtype: "General", diagnostic: nil)
    private static let softBounce = DeliveryEvent.Kind.bounced(.transient, subtype: "MailboxFull", diagnostic: nil)

    private func lifecycle() -> MultiRecipientLifecycle {
        MultiRecipientLifecycle(addresses: Self.addresses, message: NotificationLifecycle(status: .created))
    }

    @Test func oneBounceAmongDeliveriesFailsOnlyThatRecipient() {
        var message = lifecycle()
        message.receive(.accepted, affecting: Self.addresses)
        message.receive(.delivered, affecting: ["ada@example.org"])
        message.receive(Self.hardBounce, affecting: ["bo@example.org"])
        #expect(message.message.status == .sending)  // Cy is not heard of yet
        message.receive(.delivered, affecting: ["cy@example.org"])
        #expect(message.message.status == .delivered)
        #expect(message.recipients["bo@example.org"]?.status == .permanentFailure)
        #expect(message.recipients["ada@example.org"]?.status == .delivered)
    }

    @Test func everyoneFailingFailsTheMessagePermanentlyIfAnyFailureIsPermanent() {
        var message = lifecycle()
        message.receive(Self.softBounce, affecting: ["ada@example.org", "cy@example.org"])
        message.receive(Self.hardBounce, affecting: ["bo@example.org"])
        #expect(message.message.status == .permanentFailure)

        var soft = lifecycle()
        soft.receive(Self.softBounce, affecting: Self.addresses)
        #expect(soft.message.status == .temporaryFailure)
    }

    @Test func aComplaintIsTheRecipientsAndAFactOfTheMessage() {
        var message = lifecycle()
        let (transition, changed) = message.receive(.complained(feedbackType: "abuse"), affecting: ["cy@example.org"])
        #expect(changed == ["cy@example.org"])
        #expect(transition.factsChanged)
        #expect(message.message.facts == .complained)
        #expect(message.recipients["cy@example.org"] == NotificationLifecycle(status: .delivered, facts: .complained))
    }

    @Test func opensAreFactsOfTheMessageOnlyAndUnknownAddressesAreIgnored() {
        var message = lifecycle()
        let (_, changed) = message.receive(.opened, affecting: Self.addresses)
        #expect(changed.isEmpty)
        #expect(message.message == NotificationLifecycle(status: .created, facts: .opened))
        #expect(message.receive(.delivered, affecting: ["stranger@example.org"]).changedRecipients.isEmpty)
        #expect(message.message.status == .created)
    }

    /// Every order of the same events, with one duplicated, ends in the same state.
    @Test func anyOrderOfTheSameEventsEndsTheSame() {
        let events: [(DeliveryEvent.Kind, [String])] = [
            (.accepted, Self.addresses), (.delivered, ["ada@example.org"]), (Self.hardBounce, ["bo@example.org"]),
            (.complained(feedbackType: nil), ["ada@example.org"]), (.opened, Self.addresses), (Self.softBounce, ["cy@example.org"]),
            (.delivered, ["cy@example.org"]),
        ]
        var ends: Set<MultiRecipientLifecycle> = []
        for order in permutations(Array(events.indices)) {
            var message = lifecycle()
            for index in order + [order[0]] {
                message.receive(events[index].0, affecting: events[index].1)
            }
            ends.insert(message)
        }
        #expect(ends.count == 1)
        #expect(ends.first?.message == NotificationLifecycle(status: .delivered, facts: [.complained, .opened]))
        #expect(ends.first?.recipients["cy@example.org"]?.status == .delivered)
    }

    private func permutations(_ items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { index in
            var rest = items
            let first = rest.remove(at: index)
            return permutations(rest).map { [first] + $0 }
        }
    }
}
