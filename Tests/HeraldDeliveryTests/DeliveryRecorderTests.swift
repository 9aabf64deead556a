import Foundation
import HeraldCore
import HeraldDelivery
import HeraldStore
import HeraldTestSupport
import Testing

/// What the worker records for each kind of provider answer, on every engine.
@Suite struct DeliveryRecorderTests {
    @Test func backoffGrowsExponentiallyWithJitterAndStopsAtTheLastAttempt() {
        let policy = RetryPolicy(maxAttempts: 4, baseDelay: 2, maxDelay: 5)
        #expect(policy.delay(after: 1, random: 1) == 2)
        #expect(policy.delay(after: 1, random: 0) == 1)
        #expect(policy.delay(after: 2, random: 1) == 4)
        #expect(policy.delay(after: 3, random: 1) == 5)
        #expect(policy.delay(after: 4) == nil)
    }

    @Test(arguments: TestDatabase.available)
    func transientFailuresRetryUntilTheLastAttemptThenFailTechnically(database: TestDatabase) async throws {
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let n = fixture.email(to: "a@example.org")
            _ = try await store.enqueue([n], priority: .immediate)
            let recorder = DeliveryRecorder(store: store, retry: RetryPolicy(maxAttempts: 2, baseDelay: 10, maxDelay: 10))
            var now = Date()
            for attempt in 1...2 {
                let claimed = try await store.claimDeliveries(owner: "w", limit: 1, lease: 60, now: now)
                #expect(claimed.map(\.attempt) == [attempt])
                try await recorder.record(
                    [SendOutcome(notificationId: n.id, attempt: attempt, result: .failed(.transient("503 Service Unavailable")))], owner: "w", now: now
                )
                #expect(try await store.claimDeliveries(owner: "w", limit: 1, lease: 60, now: now.addingTimeInterval(4)).isEmpty)
                now = now.addingTimeInterval(11)
            }
            let failed = try #require(try await store.notification(id: n.id))
            #expect(failed.status == .technicalFailure)
            #expect(failed.statusReason == "gave up after 2 attempts: 503 Service Unavailable")
            #expect(failed.completedAt != nil)
            #expect(try await store.backlog().deliveries == 0)
            #expect(try await store.timeline(notificationId: n.id).map(\.event) == ["retry", "technical-failure"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func permanentRefusalsFailAtOnceAndSendsQueueTheirFeedback(database: TestDatabase) async throws {
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let refused = fixture.email(to: "a@example.org")
            let sent = fixture.email(to: "b@example.org")
            _ = try await store.enqueue([refused, sent], priority: .immediate)
            _ = try await store.claimDeliveries(owner: "w", limit: 2, lease: 60)
            let feedback = FeedbackDocument(source: "simulator", body: "{}", receivedAt: Date())
            try await DeliveryRecorder(store: store, retry: RetryPolicy()).record([
                SendOutcome(notificationId: refused.id, attempt: 1, result: .failed(.permanent("Email address is not verified."))),
                SendOutcome(notificationId: sent.id, attempt: 1, result: .sent(provider: "simulator", ProviderReceipt(messageId: "m-1", feedback: [feedback]))),
            ], owner: "w")
            let refusedNow = try #require(try await store.notification(id: refused.id))
            #expect(refusedNow.status == .permanentFailure)
            #expect(refusedNow.statusReason == "Email address is not verified.")
            let sentNow = try #require(try await store.notification(id: sent.id))
            #expect(sentNow.status == .sending)
            #expect(sentNow.providerMessageId == "m-1")
            #expect(sentNow.sentAt != nil)
            #expect(try await store.backlog() == (deliveries: 0, feedback: 1))
        }
    }
}
