import Foundation
import HeraldAWS
import HeraldCore
import HeraldFeedback
import HeraldStore
import HeraldTestSupport
import Logging
import ServiceLifecycle
import Testing

/// The SQS feedback consumer against moto's SQS and each test database.
@Suite(.enabled(if: Moto.endpoint != nil, "HERALD_TEST_AWS_ENDPOINT is not set"))
struct SQSFeedbackConsumerMotoTests {
    static func createQueue(_ client: AWSClient) async throws -> String {
        let request = try JSONSerialization.data(withJSONObject: ["QueueName": "herald-feedback-\(UUID().uuidString.prefix(8))"])
        let created = try await client.awsJSON(.sqs, target: "AmazonSQS.CreateQueue", json: request)
        return try #require((try JSONSerialization.jsonObject(with: created) as? [String: String])?["QueueUrl"])
    }

    static func send(_ body: String, to queueUrl: String, _ client: AWSClient) async throws {
        let request = try JSONSerialization.data(withJSONObject: ["QueueUrl": queueUrl, "MessageBody": body])
        _ = try await client.awsJSON(.sqs, target: "AmazonSQS.SendMessage", json: request)
    }

    static func consumer(
        _ client: AWSClient, queueUrl: String, store: HeraldStore, waitTimeSeconds: Int, visibilityTimeoutSeconds: Int = 2
    ) -> SQSFeedbackConsumer {
        SQSFeedbackConsumer(
            sqs: SQS(client: client), store: store,
            configuration: SQSFeedbackConsumerConfiguration(
                queueURL: queueUrl, pollers: 2, waitTimeSeconds: waitTimeSeconds, visibilityTimeoutSeconds: visibilityTimeoutSeconds,
                minBackoff: .milliseconds(100)
            ),
            logger: TestDatabase.logger
        )
    }

    /// An SNS-enveloped Delivery and a raw Bounce are stored, deleted from the queue and applied; a body that is
    /// not JSON is neither stored nor deleted, so the queue's redrive policy can dead-letter it.
    @Test(arguments: TestDatabase.available)
    func feedbackIsStoredThenDeletedAndGarbageStaysInTheQueue(database: TestDatabase) async throws {
        let client = try Moto.client()
        let queueUrl = try await Self.createQueue(client)
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let delivered = fixture.email(to: "alice@example.net")
            let bounced = fixture.email(to: "nobody@example.net")
            _ = try await store.enqueue([delivered, bounced], priority: .immediate)
            let enveloped = try SQSFeedbackMessages.snsEnvelope(
                try SQSFeedbackMessages.sesEvent("fixtures/ses-events/delivery.json", notificationId: delivered.id)
            )
            let raw = try SQSFeedbackMessages.sesEvent("fixtures/ses-events/bounce-permanent.json", notificationId: bounced.id)
            for body in [enveloped, raw, "not json"] {
                try await Self.send(body, to: queueUrl, client)
            }

            let group = ServiceGroup(
                // A visibility timeout long enough that a busy test machine cannot let a stored message reappear
                // before its delete (SQS would then deliver it twice, harmless in effect but not what this checks).
                services: [Self.consumer(client, queueUrl: queueUrl, store: store, waitTimeSeconds: 1, visibilityTimeoutSeconds: 6)],
                gracefulShutdownSignals: [], logger: TestDatabase.logger
            )
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                let started = ContinuousClock.now
                while try await store.backlog().feedback < 2, ContinuousClock.now - started < .seconds(20) {
                    try await Task.sleep(for: .milliseconds(50))
                }
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }

            let inbox = try await store.write { try await $0.claimFeedback(limit: 100, now: Date()) }
            #expect(inbox.map(\.document.source) == ["sqs", "sqs"])
            #expect(Set(inbox.map(\.document.body)) == [enveloped, raw])

            let left = try await SQS(client: client).receiveMessage(queueUrl: queueUrl, maxNumberOfMessages: 10, waitTimeSeconds: 15, visibilityTimeout: 30)
            #expect(left.map(\.body) == ["not json"])
            #expect(Int(left.first?.attributes["ApproximateReceiveCount"] ?? "") ?? 0 >= 2, "the consumer received it and let it reappear")

            let pass = try await FeedbackApplier(store: store).applyPass(limit: 100)
            #expect(pass.applied == 2 && pass.deadLettered == 0)
            #expect(try await store.notification(id: delivered.id)?.status == .delivered)
            #expect(try await store.notification(id: bounced.id)?.status == .permanentFailure)
        }
    }

    /// While the store is slow (here: another transaction holds SQLite's write lock for 4 s), the batch's messages
    /// stay hidden past their 2 s visibility timeout, so no other consumer receives them meanwhile.
    @Test func aSlowStoreKeepsTheBatchHidden() async throws {
        let client = try Moto.client()
        let queueUrl = try await Self.createQueue(client)
        try await TestDatabase.sqlite.withStore { store in
            let body = try SQSFeedbackMessages.sesEvent("fixtures/ses-events/delivery.json", notificationId: UUID())
            try await Self.send(body, to: queueUrl, client)
            let group = ServiceGroup(
                // A visibility timeout long enough that a busy test machine cannot let a stored message reappear
                // before its delete (SQS would then deliver it twice, harmless in effect but not what this checks).
                services: [Self.consumer(client, queueUrl: queueUrl, store: store, waitTimeSeconds: 1, visibilityTimeoutSeconds: 6)],
                gracefulShutdownSignals: [], logger: TestDatabase.logger
            )
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await store.write { _ in try await Task.sleep(for: .seconds(4)) } }
                try await Task.sleep(for: .milliseconds(200))
                tasks.addTask { try await group.run() }
                try await Task.sleep(for: .seconds(3))
                let meanwhile = try await SQS(client: client).receiveMessage(queueUrl: queueUrl, waitTimeSeconds: 0)
                #expect(meanwhile.isEmpty, "the message became visible while its batch was being stored")
                let started = ContinuousClock.now
                while try await store.backlog().feedback < 1, ContinuousClock.now - started < .seconds(20) {
                    try await Task.sleep(for: .milliseconds(50))
                }
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            #expect(try await store.backlog().feedback == 1)
            #expect(try await SQS(client: client).receiveMessage(queueUrl: queueUrl, waitTimeSeconds: 3).isEmpty)
        }
    }

    /// Graceful shutdown abandons a long poll in flight instead of waiting out its 20 seconds.
    @Test func shutdownDoesNotWaitForALongPoll() async throws {
        let client = try Moto.client()
        let queueUrl = try await Self.createQueue(client)
        try await TestDatabase.sqlite.withStore { store in
            let group = ServiceGroup(
                services: [Self.consumer(client, queueUrl: queueUrl, store: store, waitTimeSeconds: 20)],
                gracefulShutdownSignals: [], logger: TestDatabase.logger
            )
            let elapsed = try await ContinuousClock().measure {
                try await withThrowingTaskGroup(of: Void.self) { tasks in
                    tasks.addTask { try await group.run() }
                    try await Task.sleep(for: .milliseconds(500))
                    await group.triggerGracefulShutdown()
                    try await tasks.waitForAll()
                }
            }
            #expect(elapsed < .seconds(5))
        }
    }
}
