import Foundation
import HeraldTestSupport
import HeraldCore
import HeraldDelivery
import HeraldFeedback
import Testing

@Suite("Mailbox simulator")
struct MailboxSimulatorTests {
    private static let messageId = "0100019a8c1e2f3b-5d2c8e7a-1b2c-4d5e-8f90-a1b2c3d4e5f6-000000"
    private static let notificationId = UUID(uuidString: "6F1C2A9E-4B7D-4E3A-9C58-0D2E1F3A4B5C")!
    private static let serviceId = UUID(uuidString: "0D9B3C1E-2A4F-4B6D-8E0F-1A2B3C4D5E6F")!
    private static let sentAt = Date(timeIntervalSince1970: 1_795_166_102.512)

    private static func events(for address: String, subject: String = "Your order has shipped") -> [Data] {
        MailboxSimulator.events(
            for: [address],
            messageId: messageId,
            notificationId: notificationId,
            serviceId: serviceId,
            source: "noreply@example.com",
            subject: subject,
            at: sentAt
        )
    }

    private static func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("Decides the outcome from the address", arguments: SimulatorCase.all)
    func decidesOutcome(simulated: SimulatorCase) {
        #expect(MailboxSimulator.outcome(for: simulated.address) == simulated.outcome)
    }

    @Test(arguments: ["", "not-an-address", "@simulator.amazonses.com"])
    func deliversAnythingElse(address: String) {
        #expect(MailboxSimulator.outcome(for: address) == .delivered)
    }

    @Test("Its records parse and drive the lifecycle to the expected status", arguments: SimulatorCase.all)
    func roundTrip(simulated: SimulatorCase) throws {
        let parsed = try Self.events(for: simulated.address).map { try SESEventParser.parse($0) }
        #expect(parsed.map(\.count) == Array(repeating: 1, count: simulated.events.count))
        let events = parsed.flatMap(\.self)
        #expect(events.map(\.name) == simulated.events)
        for event in events {
            #expect(event.providerMessageId == Self.messageId)
            #expect(event.notificationId == Self.notificationId)
            #expect(event.recipients == [simulated.address])
            #expect(event.occurredAt.timeIntervalSince(Self.sentAt) > -0.001)
        }
        #expect(events.map(\.occurredAt) == events.map(\.occurredAt).sorted())

        var inOrder = NotificationLifecycle(status: .created)
        var reversed = NotificationLifecycle(status: .created)
        events.forEach { inOrder.receive($0.kind) }
        events.reversed().forEach { reversed.receive($0.kind) }
        #expect(inOrder == NotificationLifecycle(status: simulated.status, facts: simulated.facts))
        #expect(reversed == inOrder)
    }

    @Test(
        "Bounces carry SES's type, subtype and diagnostic",
        arguments: [
            (
                "bounce@simulator.amazonses.com",
                DeliveryEvent.Kind.bounced(.permanent, subtype: "General", diagnostic: "smtp; 550 5.1.1 user unknown")
            ),
            (
                "temp-fail@simulator.notify",
                .bounced(.transient, subtype: "General", diagnostic: "smtp; 450 4.2.0 Mailbox temporarily unavailable")
            ),
            (
                "suppressionlist@simulator.amazonses.com",
                .bounced(
                    .permanent,
                    subtype: "OnAccountSuppressionList",
                    diagnostic: "Amazon SES did not send the message to this address because it is on the "
                        + "suppression list for your account."
                )
            ),
        ]
    )
    func bounceDetails(address: String, kind: DeliveryEvent.Kind) throws {
        let bounce = try #require(Self.events(for: address).last)
        #expect(try SESEventParser.parse(bounce).map(\.kind) == [kind])
    }

    @Test func complaintIsAbuse() throws {
        let complaint = try #require(Self.events(for: "complaint@simulator.amazonses.com").last)
        #expect(try SESEventParser.parse(complaint).map(\.kind) == [.complained(feedbackType: "abuse")])
    }

    /// Every field the simulator writes is one SES writes, at the same place.
    @Test("Uses the field names and nesting of the SES fixtures", arguments: SimulatorCase.all)
    func matchesFixtureShape(simulated: SimulatorCase) throws {
        for data in Self.events(for: simulated.address) {
            let record = try Self.object(data)
            let fixture = try Self.object(SharedFixtures.data("fixtures/ses-events/\(Self.fixtureName(for: record))"))
            let extra = Self.keyPaths(record).subtracting(Self.keyPaths(fixture))
            #expect(extra.isEmpty, "not in the fixture: \(extra.sorted())")
            let mail = try #require(record["mail"] as? [String: Any])
            let fixtureMail = try #require(fixture["mail"] as? [String: Any])
            #expect(Set(mail.keys) == Set(fixtureMail.keys))
        }
    }

    @Test func tagsNameTheNotificationAndService() throws {
        for data in Self.events(for: "success@simulator.amazonses.com") {
            let tags = try #require((try Self.object(data)["mail"] as? [String: Any])?["tags"] as? [String: [String]])
            #expect(tags[SESTags.notificationId] == ["6f1c2a9e-4b7d-4e3a-9c58-0d2e1f3a4b5c"])
            #expect(tags[SESTags.serviceId] == ["0d9b3c1e-2a4f-4b6d-8e0f-1a2b3c4d5e6f"])
            #expect(tags["ses:configuration-set"] != nil)
        }
    }

    @Test func escapesUserData() throws {
        let subject = "He said \"hi\"\n\\ ünïcødé </script> {\"eventType\":\"Bounce\"}"
        for data in Self.events(for: "success@simulator.amazonses.com", subject: subject) {
            let mail = try #require(try Self.object(data)["mail"] as? [String: Any])
            #expect((mail["commonHeaders"] as? [String: Any])?["subject"] as? String == subject)
        }
    }

    @Test func isDeterministic() {
        let address = "complaint@simulator.amazonses.com"
        #expect(Self.events(for: address) == Self.events(for: address))
    }

    @Test func sendRecordIsStampedWithTheSendTime() throws {
        let send = try Self.object(try #require(Self.events(for: "success@simulator.amazonses.com").first))
        #expect(send["eventType"] as? String == "Send")
        #expect((send["mail"] as? [String: Any])?["timestamp"] as? String == "2026-11-20T09:15:02.512Z")
        let headers = (send["mail"] as? [String: Any])?["commonHeaders"] as? [String: Any]
        #expect(headers?["date"] as? String == "Fri, 20 Nov 2026 09:15:02 +0000")
    }

    @Test func aMessageToSeveralPublishesOneSendAndEachRecipientsOwnOutcome() throws {
        let recipients = ["success@simulator.amazonses.com", "bounce@simulator.amazonses.com", "complaint@simulator.amazonses.com"]
        let documents = MailboxSimulator.events(
            for: recipients, messageId: Self.messageId, notificationId: Self.notificationId, serviceId: Self.serviceId,
            source: "noreply@example.com", subject: "AGM", at: Self.sentAt
        )
        let events = try documents.flatMap { try SESEventParser.parse($0) }
        #expect(events.map(\.name) == ["accepted", "delivered", "bounced", "delivered", "complained"])
        #expect(events.map(\.recipients) == [recipients, [recipients[0]], [recipients[1]], [recipients[2]], [recipients[2]]])
        let send = try Self.object(documents[0])
        let mail = try #require(send["mail"] as? [String: Any])
        #expect(mail["destination"] as? [String] == recipients)
        #expect((mail["commonHeaders"] as? [String: Any])?["to"] as? [String] == ["undisclosed-recipients:;"])
    }

    /// The fixture with the same kind of record.
    private static func fixtureName(for record: [String: Any]) -> String {
        let bounce = record["bounce"] as? [String: Any]
        switch (record["eventType"] as? String, bounce?["bounceType"] as? String, bounce?["bounceSubType"] as? String) {
        case ("Bounce", "Transient", _): return "bounce-transient-mailboxfull.json"
        case ("Bounce", _, "OnAccountSuppressionList"): return "bounce-suppressed.json"
        case ("Bounce", _, _): return "bounce-permanent.json"
        case (let type, _, _): return "\(type ?? "").json".lowercased()
        }
    }

    /// Dotted paths of every key, with `[]` for array elements; tag names are left out
    /// because they are the sender's own.
    private static func keyPaths(_ value: Any, prefix: String = "") -> Set<String> {
        if let object = value as? [String: Any] {
            guard prefix != "mail.tags" else {
                return [prefix]
            }
            return object.reduce(into: [prefix]) { paths, entry in
                paths.formUnion(keyPaths(entry.value, prefix: prefix.isEmpty ? entry.key : "\(prefix).\(entry.key)"))
            }
        }
        if let array = value as? [Any] {
            return array.reduce(into: [prefix]) { $0.formUnion(keyPaths($1, prefix: "\(prefix)[]")) }
        }
        return [prefix]
    }
}
