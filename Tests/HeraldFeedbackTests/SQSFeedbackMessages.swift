import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// SQS message bodies built from the shared SES fixtures, addressed to one notification by its SES tag.
enum SQSFeedbackMessages {
    /// The fixture's SES event with its `mail` pointing at `notificationId`.
    static func sesEvent(_ path: String, notificationId: UUID) throws -> String {
        let data = try SharedFixtures.modified(path) { event in
            event.set("mail.messageId", "ses-\(notificationId.storageString)")
            event.set("mail.tags", [SESTags.notificationId: [notificationId.storageString]])
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// `message` inside the SNS envelope that moto delivered to SQS for the Delivery fixture.
    static func snsEnvelope(_ message: String) throws -> String {
        let capture = try #require(
            try JSONSerialization.jsonObject(with: SharedFixtures.data("captures/feedback-path/ses-events--delivery.json")) as? [String: Any]
        )
        let queued = try #require(capture["layer1_sqs_message_envelope_queue"] as? [String: Any])
        let body = try #require(queued["Body"] as? String)
        var envelope = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        #expect(envelope["Type"] as? String == "Notification")
        envelope["Message"] = message
        return String(decoding: try JSONSerialization.data(withJSONObject: envelope), as: UTF8.self)
    }
}
