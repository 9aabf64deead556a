import Foundation
import HeraldTestSupport
import HeraldCore
import HeraldFeedback
import Testing

@Suite("SES event parser: fields")
struct SESEventParserFieldTests {
    private static let deliveredAt = Date(timeIntervalSince1970: 1_795_166_104.119)

    @Test(
        "Reads ISO 8601 timestamps with and without fractional seconds or a UTC offset",
        arguments: [
            ("2026-11-20T09:15:04.119Z", deliveredAt),
            ("2026-11-20T09:15:04Z", Date(timeIntervalSince1970: 1_795_166_104)),
            ("2026-11-20T10:15:04.119+01:00", deliveredAt),
        ]
    )
    func readsTimestamp(text: String, date: Date) throws {
        let data = try SharedFixtures.modified("fixtures/ses-events/delivery.json") {
            $0.set("delivery.timestamp", text)
        }
        let event = try #require(try SESEventParser.parse(data).first)
        #expect(abs(event.occurredAt.timeIntervalSince(date)) < 0.000_5)
    }

    @Test func fallsBackToTheMailTimestamp() throws {
        let data = try SharedFixtures.modified("fixtures/ses-events/open.json") { $0.set("open.timestamp", nil) }
        let event = try #require(try SESEventParser.parse(data).first)
        #expect(abs(event.occurredAt.timeIntervalSince1970 - 1_795_166_102.512) < 0.000_5)
    }

    @Test func bounceGivesOneEventPerRecipientWithItsDiagnostic() throws {
        let data = try SharedFixtures.modified("fixtures/ses-events/bounce-transient-mailboxfull.json") {
            $0.set("bounce.bouncedRecipients", [
                ["emailAddress": "full@example.net", "diagnosticCode": "smtp; 552 5.2.2 Mailbox full"],
                ["emailAddress": "away@example.net"],
            ])
        }
        let events = try SESEventParser.parse(data)
        #expect(events.map(\.recipients) == [["full@example.net"], ["away@example.net"]])
        #expect(events.map(\.kind) == [
            .bounced(.transient, subtype: "MailboxFull", diagnostic: "smtp; 552 5.2.2 Mailbox full"),
            .bounced(.transient, subtype: "MailboxFull", diagnostic: nil),
        ])
        #expect(events[0].occurredAt == events[1].occurredAt)
    }

    @Test func deliveryGivesOneEventPerRecipient() throws {
        let data = try SharedFixtures.modified("fixtures/ses-notifications/delivery.json") {
            $0.set("delivery.recipients", ["a@example.net", "b@example.net"])
        }
        #expect(try SESEventParser.parse(data).map(\.recipients) == [["a@example.net"], ["b@example.net"]])
    }

    @Test func eventWithoutRecipientListCoversTheWholeDestination() throws {
        let data = try SharedFixtures.modified("fixtures/ses-events/send.json") {
            $0.set("mail.destination", ["a@example.net", "b@example.net"])
        }
        #expect(try SESEventParser.parse(data).map(\.recipients) == [["a@example.net", "b@example.net"]])
    }

    @Test(
        "Reads the notification id from the Herald tag",
        arguments: ["6f1c2a9e-4b7d-4e3a-9c58-0d2e1f3a4b5c", "6F1C2A9E-4B7D-4E3A-9C58-0D2E1F3A4B5C"]
    )
    func readsNotificationIdTag(tag: String) throws {
        let data = try SharedFixtures.modified("fixtures/ses-events/delivery.json") {
            $0.set("mail.tags.\(SESTags.notificationId)", [tag])
        }
        let event = try #require(try SESEventParser.parse(data).first)
        #expect(event.notificationId == UUID(uuidString: "6f1c2a9e-4b7d-4e3a-9c58-0d2e1f3a4b5c"))
    }

    @Test func ignoresANotificationIdTagThatIsNotAUUID() throws {
        let data = try SharedFixtures.modified("fixtures/ses-events/delivery.json") {
            $0.set("mail.tags.\(SESTags.notificationId)", ["not-a-uuid"])
        }
        let event = try #require(try SESEventParser.parse(data).first)
        #expect(event.notificationId == nil)
        #expect(event.providerMessageId == SESFixture.messageId)
    }
}
