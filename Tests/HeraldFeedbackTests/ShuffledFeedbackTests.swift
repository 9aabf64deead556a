import Foundation
import HeraldCore
import HeraldFeedback
import HeraldStore
import HeraldTestSupport
import Testing

/// Property: whatever order the network delivers a message's SES events in, and however often each arrives, the
/// feedback pipeline (parser, matcher, lifecycle, store) ends in the state the lifecycle gives for the events in
/// their own order. Sequences are random but seeded, so a failure names the seed that reproduces it.
@Suite struct ShuffledFeedbackTests {
    /// SplitMix64: small, fast and reproducible.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: TestDatabase.available)
    func shuffledAndRepeatedEventsReachTheSameState(database: TestDatabase) async throws {
        let documents = try SESFixture.all.map { ($0, String(decoding: try SharedFixtures.data($0.path), as: UTF8.self)) }
        let seeds = database == .sqlite ? 100 : 30
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            try await store.setCallback(ServiceCallback(
                serviceId: fixture.service.id, kind: .complaint, url: "https://app.example/complaints", bearerToken: "app-secret-123"
            ))
            for seed in 1...UInt64(seeds) {
                var random = SeededGenerator(state: seed)
                let chosen = documents.filter { _ in Bool.random(using: &random) }
                guard !chosen.isEmpty else { continue }
                var model = NotificationLifecycle(status: .sending, facts: [])
                for (fixture, _) in chosen { model.receive(fixture.kind) }

                // Each chosen event once or more, in a random order, under a message id of this run's own.
                let messageId = "shuffle-\(seed)-\(UUID().uuidString)"
                let delivered = chosen.flatMap { item in Array(repeating: item.1, count: Int.random(in: 1...3, using: &random)) }
                    .shuffled(using: &random)
                    .map { $0.replacingOccurrences(of: SESFixture.messageId, with: messageId) }
                let notification = fixture.email(to: "alice@example.net")
                _ = try await store.enqueue([notification], priority: .immediate)
                try await store.write { writer in
                    try await writer.update([NotificationUpdate(
                        id: notification.id, status: .sending, facts: [], provider: "ses", providerMessageId: messageId, sentAt: Date(), updatedAt: Date()
                    )])
                }
                // Arriving in batches of random size, each applied before the next arrives.
                var rest = delivered[...]
                while !rest.isEmpty {
                    let batch = rest.prefix(Int.random(in: 1...4, using: &random))
                    rest = rest.dropFirst(batch.count)
                    try await store.write { writer in
                        try await writer.appendFeedback(batch.map { FeedbackDocument(source: "sqs", body: $0, receivedAt: Date()) })
                    }
                    _ = try await FeedbackApplier(store: store).applyPass(limit: 100)
                }
                let stored = try #require(try await store.notification(id: notification.id))
                let labels = chosen.map(\.0.path).joined(separator: ", ")
                #expect(stored.status == model.status, "seed \(seed): \(labels)")
                #expect(stored.facts == model.facts, "seed \(seed): \(labels)")
                // However often the complaint arrives, the app is told once.
                let callbacks = try await store.claimCallbacks(limit: 100, lease: 60)
                let complaints = callbacks.filter { $0.callback.kind == .complaint && $0.notification.id == notification.id }
                #expect(complaints.count == (model.facts.contains(.complained) ? 1 : 0), "seed \(seed): \(labels)")
                try await store.completeCallbacks(ids: callbacks.map(\.id))
            }
        }
    }
}
