import Foundation
import HeraldDelivery
import HeraldStore

extension DeliveryWorker {
    /// Runs `workers` side by side until `store` has no delivery jobs left (or `timeout` passes), then stops them.
    public static func runUntilDrained(_ workers: [DeliveryWorker], store: HeraldStore, timeout: TimeInterval = 30) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in workers {
                group.addTask { try await worker.run() }
            }
            let started = Date()
            while try await store.backlog().deliveries > 0, Date().timeIntervalSince(started) < timeout {
                try await Task.sleep(for: .milliseconds(20))
            }
            group.cancelAll()
        }
    }
}
