import Foundation
import HeraldTestSupport
import HeraldCore
import HeraldFeedback
import Testing

@Suite("SES event parser: fixtures")
struct SESEventParserFixtureTests {
    @Test("Reads the event from every fixture", arguments: SESFixture.all)
    func readsFixture(fixture: SESFixture) throws {
        let events = try SESEventParser.parse(SharedFixtures.data(fixture.path))
        try #require(events.count == 1)
        let event = events[0]
        #expect(event.kind == fixture.kind)
        #expect(abs(event.occurredAt.timeIntervalSince(try fixture.expectedDate())) < 0.000_5)
        #expect(event.providerMessageId == SESFixture.messageId)
        #expect(event.notificationId == nil)
        #expect(event.recipients == [fixture.recipient])
    }

    @Test("Every fixture moves a sending notification to its Notify status", arguments: SESFixture.all)
    func movesSendingNotification(fixture: SESFixture) throws {
        var lifecycle = NotificationLifecycle(status: .sending)
        for event in try SESEventParser.parse(SharedFixtures.data(fixture.path)) {
            lifecycle.receive(event.kind)
        }
        #expect(lifecycle.status == fixture.status)
    }

    @Test("Reads what SQS, raw SQS and the webhook received for every fixture", arguments: SESFixture.all)
    func readsEveryTransport(fixture: SESFixture) throws {
        let expected = try SESEventParser.parse(SharedFixtures.data(fixture.path))
        let capture = try #require(
            try JSONSerialization.jsonObject(with: SharedFixtures.data(fixture.capturePath)) as? [String: Any]
        )
        let queued = try #require((capture["layer1_sqs_message_envelope_queue"] as? [String: Any])?["Body"] as? String)
        let raw = try #require((capture["raw_queue_message"] as? [String: Any])?["Body"] as? String)
        let posted = try #require((capture["http_webhook_posts"] as? [[String: Any]])?.first?["body"] as? String)
        for body in [queued, raw, posted] {
            #expect(try SESEventParser.parse(Data(body.utf8)) == expected)
        }
    }

    @Test func everyFixtureFileIsTested() throws {
        var onDisk: Set<String> = []
        for folder in ["fixtures/ses-events", "fixtures/ses-notifications"] {
            let url = SharedFixtures.awsDirectory.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) where name.hasSuffix(".json") {
                onDisk.insert("\(folder)/\(name)")
            }
        }
        #expect(Set(SESFixture.all.map(\.path)) == onDisk)
    }
}
