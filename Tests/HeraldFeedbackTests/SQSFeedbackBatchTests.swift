import Foundation
import HeraldAWS
import HeraldFeedback
import Testing

/// What the SQS consumer stores, deletes and leaves in the queue, decided from the bodies alone.
@Suite struct SQSFeedbackBatchTests {
    static func message(_ id: String, _ body: String) -> SQSMessage {
        SQSMessage(messageId: id, receiptHandle: "handle-\(id)", body: body)
    }

    @Test func feedbackIsStoredSetUpMessagesDiscardedAndGarbageLeftInTheQueue() throws {
        let notificationId = UUID()
        let delivery = try SQSFeedbackMessages.sesEvent("fixtures/ses-events/delivery.json", notificationId: notificationId)
        let bounce = try SQSFeedbackMessages.sesEvent("fixtures/ses-events/bounce-permanent.json", notificationId: notificationId)
        let batch = SQSFeedbackBatch([
            Self.message("enveloped", try SQSFeedbackMessages.snsEnvelope(delivery)),
            Self.message("raw", bounce),
            Self.message("garbage", "not json"),
            Self.message("check", try SQSFeedbackMessages.snsEnvelope("Successfully validated SNS topic for Amazon SES event publishing.")),
            Self.message("confirmation", #"{"Type":"SubscriptionConfirmation","Message":"x"}"#),
        ])
        #expect(batch.toStore.map(\.messageId) == ["enveloped", "raw"])
        #expect(batch.toDiscard.map(\.messageId) == ["check"])
        #expect(batch.toDelete.map(\.messageId) == ["enveloped", "raw", "check"])
        #expect(batch.unparseable.map(\.message.messageId) == ["garbage", "confirmation"])
        guard case .notJSON = batch.unparseable.first?.error.reason else {
            Issue.record("garbage should be reported as not JSON")
            return
        }
    }

    @Test func anEmptyReceiveDoesNothing() {
        let batch = SQSFeedbackBatch([])
        #expect(batch.toDelete.isEmpty && batch.unparseable.isEmpty)
    }

    @Test func backoffDoublesFromOneSecondUpToThirty() {
        let configuration = SQSFeedbackConsumerConfiguration(queueURL: "http://127.0.0.1/123456789012/q")
        #expect((0..<7).map { configuration.backoff(afterFailures: $0) } == [1, 2, 4, 8, 16, 30, 30].map { Duration.seconds($0) })
        #expect(configuration.backoff(afterFailures: 1_000) == .seconds(30))
    }
}
