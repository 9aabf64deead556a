import Foundation
import HeraldTestSupport
import HeraldFeedback
import Testing

/// A fixture broken in one way, and the error that must say so.
struct BrokenFixture: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let path: String
    let change: @Sendable (inout [String: Any]) -> Void
    let reason: SESEventParseError.Reason

    static let all: [BrokenFixture] = [
        BrokenFixture(
            testDescription: "no mail", path: "fixtures/ses-events/delivery.json",
            change: { $0.set("mail", nil) }, reason: .missingField("mail")
        ),
        BrokenFixture(
            testDescription: "no messageId", path: "fixtures/ses-events/delivery.json",
            change: { $0.set("mail.messageId", nil) }, reason: .missingField("mail.messageId")
        ),
        BrokenFixture(
            testDescription: "no type", path: "fixtures/ses-events/delivery.json",
            change: { $0.set("eventType", nil) }, reason: .missingField("eventType or notificationType")
        ),
        BrokenFixture(
            testDescription: "unknown eventType", path: "fixtures/ses-events/delivery.json",
            change: { $0.set("eventType", "Bogus") }, reason: .unknownEventType("Bogus")
        ),
        BrokenFixture(
            testDescription: "eventType that only exists in event publishing used as notificationType",
            path: "fixtures/ses-notifications/delivery.json",
            change: { $0.set("notificationType", "Open") }, reason: .unknownEventType("Open")
        ),
        BrokenFixture(
            testDescription: "no type-specific object", path: "fixtures/ses-events/send.json",
            change: { $0.set("send", nil) }, reason: .missingField("send")
        ),
        BrokenFixture(
            testDescription: "bounce without bounceType", path: "fixtures/ses-events/bounce-permanent.json",
            change: { $0.set("bounce.bounceType", nil) }, reason: .missingField("bounce.bounceType")
        ),
        BrokenFixture(
            testDescription: "unknown bounceType", path: "fixtures/ses-events/bounce-permanent.json",
            change: { $0.set("bounce.bounceType", "Soft") },
            reason: .invalidValue(field: "bounce.bounceType", value: "Soft")
        ),
        BrokenFixture(
            testDescription: "bounce without bounceSubType", path: "fixtures/ses-notifications/bounce.json",
            change: { $0.set("bounce.bounceSubType", nil) }, reason: .missingField("bounce.bounceSubType")
        ),
        BrokenFixture(
            testDescription: "bounce without recipients", path: "fixtures/ses-events/bounce-permanent.json",
            change: { $0.set("bounce.bouncedRecipients", []) }, reason: .missingField("bounce.bouncedRecipients")
        ),
        BrokenFixture(
            testDescription: "delivery without recipients", path: "fixtures/ses-notifications/delivery.json",
            change: { $0.set("delivery.recipients", nil) }, reason: .missingField("delivery.recipients")
        ),
        BrokenFixture(
            testDescription: "recipient without address", path: "fixtures/ses-events/complaint.json",
            change: { $0.set("complaint.complainedRecipients", [["name": "x"]]) },
            reason: .missingField("complaint.complainedRecipients.0.emailAddress")
        ),
        BrokenFixture(
            testDescription: "timestamp that is not ISO 8601", path: "fixtures/ses-events/delivery.json",
            change: { $0.set("delivery.timestamp", "yesterday") },
            reason: .invalidValue(field: "delivery.timestamp", value: "yesterday")
        ),
        BrokenFixture(
            testDescription: "no timestamp at all", path: "fixtures/ses-events/send.json",
            change: { $0.set("mail.timestamp", nil) }, reason: .missingField("mail.timestamp")
        ),
    ]
}

@Suite("SES event parser: errors")
struct SESEventParserErrorTests {
    @Test("Names what is wrong with a broken record", arguments: BrokenFixture.all)
    func namesTheProblem(broken: BrokenFixture) throws {
        let data = try SharedFixtures.modified(broken.path, broken.change)
        #expect(throws: SESEventParseError(broken.reason)) { try SESEventParser.parse(data) }
    }

    @Test(arguments: [#"{"eventType": "Delivery","#, "", "<html>", #"{"eventType": "Delivery"} trailing"#])
    func notJSON(text: String) {
        let error = #expect(throws: SESEventParseError.self) { try SESEventParser.parse(Data(text.utf8)) }
        guard case .notJSON = error?.reason else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(error?.description.hasPrefix("SES feedback is not valid JSON: ") == true)
    }

    @Test(
        "Names the path of a field with the wrong JSON type",
        arguments: [
            ("[]", "(top level)"),
            (#"{"eventType": 3}"#, "eventType"),
            (#"{"eventType": "Send", "mail": {"destination": "a@example.net"}}"#, "mail.destination"),
            (#"{"eventType": "Send", "mail": {"destination": [null]}}"#, "mail.destination.0"),
        ]
    )
    func wrongShape(text: String, path: String) {
        let error = #expect(throws: SESEventParseError.self) { try SESEventParser.parse(Data(text.utf8)) }
        guard case .unexpectedShape(path, _) = error?.reason else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
    }

    @Test func descriptionsSayWhatIsWrong() {
        #expect(SESEventParseError(.missingField("mail.messageId")).description
            == "SES feedback is missing the required field 'mail.messageId'")
        #expect(SESEventParseError(.unknownEventType("Bogus")).description
            .hasPrefix("Unknown SES event type 'Bogus'; expected one of Send, "))
        #expect(SESEventParseError(.invalidValue(field: "bounce.bounceType", value: "Soft")).description
            == "SES feedback field 'bounce.bounceType' has an invalid value 'Soft'")
        #expect(SESEventParseError(.notAnSESEvent("an SNS SubscriptionConfirmation message")).description
            == "Not an SES event: an SNS SubscriptionConfirmation message")
        #expect(SESEventParseError(.unexpectedShape(path: "Message", detail: "Expected String")).description
            == "SES feedback has an unexpected shape at 'Message': Expected String")
    }
}
