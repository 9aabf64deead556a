import Foundation
import HeraldTestSupport
import HeraldCore
import HeraldFeedback
import Testing

@Suite("SES event parser: SNS envelopes")
struct SESEventParserEnvelopeTests {
    @Test(
        "Reads the SES record inside a signed SNS notification",
        arguments: [
            "sns-signing/messages/v1/notification.json",
            "sns-signing/messages/v1/notification-no-subject.json",
            "sns-signing/messages/v2/notification.json",
            "sns-signing/messages/v2/notification-no-subject.json",
        ]
    )
    func readsSignedNotification(path: String) throws {
        let events = try SESEventParser.parse(SharedFixtures.data(path))
        try #require(events.count == 1)
        #expect(events[0].kind == .bounced(
            .permanent,
            subtype: "General",
            diagnostic: "smtp; 550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown"
        ))
        #expect(events[0].recipients == ["nobody@example.net"])
    }

    @Test(
        "Rejects SNS messages that are not notifications",
        arguments: [
            "sns-signing/messages/v2/subscription-confirmation.json",
            "sns-signing/messages/v2/unsubscribe-confirmation.json",
        ]
    )
    func rejectsSubscriptionMessages(path: String) throws {
        let error = #expect(throws: SESEventParseError.self) {
            try SESEventParser.parse(SharedFixtures.data(path))
        }
        guard case .notAnSESEvent = error?.reason else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
    }

    /// moto publishes the SES record as a JSON object instead of a string.
    @Test func rejectsMessageThatIsAnObject() throws {
        let record = try JSONSerialization.jsonObject(with: SharedFixtures.data("fixtures/ses-events/delivery.json"))
        let envelope = try JSONSerialization.data(withJSONObject: ["Type": "Notification", "Message": record])
        let error = #expect(throws: SESEventParseError.self) { try SESEventParser.parse(envelope) }
        guard case .unexpectedShape(path: "Message", _) = error?.reason else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
    }

    @Test func rejectsEnvelopeInsideEnvelope() throws {
        let inner = try SharedFixtures.data("sns-signing/messages/v2/notification.json")
        let envelope = try JSONSerialization.data(withJSONObject: [
            "Type": "Notification", "Message": String(decoding: inner, as: UTF8.self),
        ])
        #expect(throws: SESEventParseError(.notAnSESEvent("an SNS envelope inside an SNS envelope"))) {
            try SESEventParser.parse(envelope)
        }
    }

    @Test func envelopeWithoutMessageIsMissingAField() throws {
        let envelope = Data(#"{"Type":"Notification","MessageId":"x"}"#.utf8)
        #expect(throws: SESEventParseError(.missingField("Message"))) { try SESEventParser.parse(envelope) }
    }

    @Test(
        "Set-up messages SES publishes to a new topic carry no events",
        arguments: [
            #"{"notificationType":"AmazonSnsSubscriptionSucceeded","message":"You have successfully subscribed "#
                + #"your Amazon SNS topic 'arn:aws:sns:us-east-1:123456789012:ses-events' to receive 'Bounce' "#
                + #"notifications from Amazon SES for identity 'example.com'."}"#,
            "Successfully validated SNS topic for Amazon SES event publishing.",
        ]
    )
    func setUpMessagesCarryNoEvents(message: String) throws {
        let envelope = try JSONSerialization.data(withJSONObject: ["Type": "Notification", "Message": message + "\n"])
        #expect(try SESEventParser.parse(envelope).isEmpty)
    }
}
