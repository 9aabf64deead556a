import Foundation
import HeraldCore
import HeraldDelivery
import HeraldStore
import HeraldTestSupport
import Logging
import ServiceLifecycle
import Testing

/// Workers sharing a database share the provider's send rate.
@Suite struct PacedDeliveryTests {
    /// Records when each message reached it.
    actor RecordingProvider: EmailProvider {
        nonisolated let name = "paced"
        private(set) var sends: [(UUID, Date)] = []

        func send(_ email: OutgoingEmail) async throws(ProviderError) -> ProviderReceipt {
            sends.append((email.notificationId, Date()))
            return ProviderReceipt(messageId: "m-\(email.notificationId.storageString)", immediateOutcome: .delivered)
        }
    }

    @Test(arguments: TestDatabase.available)
    func twoWorkersTogetherStayUnderTheRateAndSendEachNotificationOnce(database: TestDatabase) async throws {
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let notifications = (0..<60).map { fixture.email(to: "member\($0)@example.org") }
            _ = try await store.enqueue(notifications, priority: .bulk)
            let provider = RecordingProvider()
            let rate = 30.0
            let configuration = DeliveryWorkerConfiguration(batchSize: 50, loops: 2, idlePoll: .milliseconds(20), maxSendRate: rate)
            let workers = (0..<2).map { _ in
                DeliveryWorker(store: store, provider: provider, configuration: configuration, logger: Logger(label: "test"))
            }
            try await DeliveryWorker.runUntilDrained(workers, store: store)
            let sends = await provider.sends
            #expect(sends.count == notifications.count)
            #expect(Set(sends.map(\.0)) == Set(notifications.map(\.id)))
            let times = sends.map(\.1).sorted()
            // Sends start on a schedule at 95% of the rate. The times here are taken inside each send task, so a
            // starved machine (CI runs many suites at once) can add a little scheduling jitter: any one second stays
            // within 5% of the rate, and the run as a whole under it.
            for (index, time) in times.enumerated() {
                let inWindow = times[index...].prefix { $0.timeIntervalSince(time) < 1 }.count
                #expect(Double(inWindow) <= rate * 1.05, "\(inWindow) sends within 1 s from \(time)")
            }
            #expect(Double(times.count - 1) / times.last!.timeIntervalSince(times.first!) <= rate)
            // And the schedule is not idle either: 60 sends at 95% of 30/s take about 2 s.
            #expect(times.last!.timeIntervalSince(times.first!) >= 1.9)
        }
    }
}
