import Foundation
import HeraldCore
import HeraldDelivery
import HeraldStore
import HeraldTestSupport
import Logging
import Testing

/// Permanent bounces and complaints suppress the address; later emails to it are not sent.
@Suite struct SuppressionDeliveryTests {
    /// The simulator, counting what reaches it.
    actor CountingSimulator: EmailProvider {
        nonisolated let name = "simulator"
        private let simulator: SimulatorProvider
        private(set) var recipients: [String] = []

        init() throws { simulator = try SimulatorProvider() }

        func send(_ email: OutgoingEmail) async throws(ProviderError) -> ProviderReceipt {
            recipients.append(email.to)
            return try await simulator.send(email)
        }
    }

    private func deliverAll(_ store: HeraldStore, provider: any EmailProvider) async throws {
        let worker = DeliveryWorker(
            store: store, provider: provider, configuration: DeliveryWorkerConfiguration(idlePoll: .milliseconds(20)), logger: Logger(label: "test")
        )
        try await DeliveryWorker.runUntilDrained([worker], store: store)
    }

    @Test(arguments: TestDatabase.available)
    func aHardBounceAndAComplaintStopLaterSends(database: TestDatabase) async throws {
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let provider = try CountingSimulator()
            let bounced = fixture.email(to: "bounce@simulator.amazonses.com")
            let complained = fixture.email(to: "complaint@simulator.amazonses.com")
            let softBounced = fixture.email(to: "temp-fail@simulator.notify")
            _ = try await store.enqueue([bounced, complained, softBounced], priority: .immediate)
            try await deliverAll(store, provider: provider)

            let suppressions = try await store.suppressions(serviceId: fixture.service.id)
            #expect(Dictionary(uniqueKeysWithValues: suppressions.map { ($0.address, $0.reason) }) == [
                "bounce@simulator.amazonses.com": .bounce, "complaint@simulator.amazonses.com": .complaint,
            ])
            let bouncedNow = try #require(try await store.notification(id: bounced.id))
            #expect(suppressions.first { $0.reason == .bounce }?.source == bouncedNow.providerMessageId)

            let again = fixture.email(to: "Bounce@Simulator.AmazonSES.com")
            _ = try await store.enqueue([again], priority: .immediate)
            try await deliverAll(store, provider: provider)
            let stored = try #require(try await store.notification(id: again.id))
            #expect(stored.status == .permanentFailure)
            #expect(stored.statusReason?.contains("is on the service's suppression list (bounce on ") == true)
            #expect(await provider.recipients.filter { $0.lowercased() == "bounce@simulator.amazonses.com" }.count == 1)
        }
    }

    @Test(arguments: TestDatabase.available)
    func repeatedSoftBouncesSuppressOnceTheLimitIsReached(database: TestDatabase) async throws {
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let provider = try CountingSimulator()
            var configuration = DeliveryWorkerConfiguration(idlePoll: .milliseconds(20))
            configuration.softBounces = SoftBouncePolicy(limit: 2, window: 86_400)
            let worker = DeliveryWorker(store: store, provider: provider, configuration: configuration, logger: Logger(label: "test"))

            let first = fixture.email(to: "temp-fail@simulator.notify")
            _ = try await store.enqueue([first], priority: .immediate)
            try await DeliveryWorker.runUntilDrained([worker], store: store)
            #expect(try await store.suppressions(serviceId: fixture.service.id).isEmpty)
            // The same soft bounce reported again (an SNS redelivery) counts once.
            try await store.write { writer in
                try await writer.addSuppressions(
                    [SuppressionFinding(notificationId: first.id, address: "temp-fail@simulator.notify", reason: .bounce, source: nil, isSoftBounce: true)],
                    now: Date(), softBounces: SoftBouncePolicy(limit: 2, window: 86_400)
                )
            }
            #expect(try await store.suppressions(serviceId: fixture.service.id).isEmpty)

            let second = fixture.email(to: "TEMP-FAIL@simulator.notify")
            _ = try await store.enqueue([second], priority: .immediate)
            try await DeliveryWorker.runUntilDrained([worker], store: store)
            let suppressions = try await store.suppressions(serviceId: fixture.service.id)
            #expect(suppressions.map(\.address) == ["temp-fail@simulator.notify"])
            #expect(suppressions.first?.reason == .bounce)
            #expect(suppressions.first?.source == "soft bounces within 1 days: 2")

            let third = fixture.email(to: "temp-fail@simulator.notify")
            _ = try await store.enqueue([third], priority: .immediate)
            try await DeliveryWorker.runUntilDrained([worker], store: store)
            #expect(try await store.notification(id: third.id)?.status == .permanentFailure)
            #expect(await provider.recipients.count == 2)
        }
    }

    @Test(arguments: TestDatabase.available)
    func softBouncesOutsideTheWindowDoNotCount(database: TestDatabase) async throws {
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let old = fixture.email(to: "slow@example.org"), recent = fixture.email(to: "slow@example.org")
            _ = try await store.enqueue([old, recent], priority: .immediate)
            let policy = SoftBouncePolicy(limit: 2, window: 3600)
            for (notification, at) in [(old, Date().addingTimeInterval(-7200)), (recent, Date())] {
                try await store.write { writer in
                    try await writer.addSuppressions(
                        [SuppressionFinding(notificationId: notification.id, address: "slow@example.org", reason: .bounce, source: nil, isSoftBounce: true)],
                        now: at, softBounces: policy
                    )
                }
            }
            #expect(try await store.suppressions(serviceId: fixture.service.id).isEmpty)
        }
    }

    /// Several bounces and a complaint for one address in one batch (bulk mail to a dead mailbox) make one suppression.
    @Test(arguments: TestDatabase.available)
    func severalFindingsForOneAddressInOneBatchMakeOneSuppression(database: TestDatabase) async throws {
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let sent = (0..<3).map { _ in fixture.email(to: "gone@example.org") }
            _ = try await store.enqueue(sent, priority: .immediate)
            try await store.write { writer in
                try await writer.addSuppressions([
                    SuppressionFinding(notificationId: sent[0].id, address: "gone@example.org", reason: .complaint, source: "m0"),
                    SuppressionFinding(notificationId: sent[1].id, address: "Gone@example.org", reason: .bounce, source: "m1"),
                    SuppressionFinding(notificationId: sent[2].id, address: "gone@example.org", reason: .bounce, source: "m2"),
                ], now: Date())
            }
            let suppressions = try await store.suppressions(serviceId: fixture.service.id)
            #expect(suppressions.count == 1)
            #expect(suppressions.first?.reason == .bounce)
        }
    }
}
