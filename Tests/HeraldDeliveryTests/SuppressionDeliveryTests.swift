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
}
