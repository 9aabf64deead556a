import Foundation
import HeraldCore
import HeraldStore

/// Group commit for the accept path: notifications accepted by concurrent requests are written together, many per
/// transaction, while each caller still waits until its own notification is durably stored.
///
/// Up to `maxFlushes` transactions run at once (PostgreSQL commits them in parallel; SQLite queues them on its one
/// writer). While all are busy, new arrivals collect into the next batch, so under load a transaction's cost is
/// shared by up to `maxBatch` requests, and under light load nothing waits for a batch to fill.
actor AcceptBatcher {
    private struct Pending {
        let notification: NotificationRecord
        let continuation: CheckedContinuation<EnqueueOutcome, any Error>
    }

    private let store: HeraldStore
    private let maxBatch: Int
    private let maxFlushes: Int
    private var pending: [DeliveryPriority: [Pending]] = [:]
    private var flushes = 0

    init(store: HeraldStore, maxBatch: Int = 500, maxFlushes: Int = 4) {
        self.store = store
        self.maxBatch = maxBatch
        self.maxFlushes = maxFlushes
    }

    /// Stores `notification` and its delivery job; returns once committed.
    func enqueue(_ notification: NotificationRecord, priority: DeliveryPriority) async throws -> EnqueueOutcome {
        try await withCheckedThrowingContinuation { continuation in
            pending[priority, default: []].append(Pending(notification: notification, continuation: continuation))
            startFlushes()
        }
    }

    /// Starts a flush per free slot, most urgent priority first.
    private func startFlushes() {
        while flushes < maxFlushes, let priority = pending.keys.sorted().first {
            var items = pending[priority] ?? []
            let batch = Array(items.prefix(maxBatch))
            items.removeFirst(batch.count)
            pending[priority] = items.isEmpty ? nil : items
            flushes += 1
            Task {
                await Self.flush(batch, priority: priority, store: store)
                self.flushFinished()
            }
        }
    }

    private func flushFinished() {
        flushes -= 1
        startFlushes()
    }

    private static func flush(_ batch: [Pending], priority: DeliveryPriority, store: HeraldStore) async {
        do {
            let outcomes = try await store.enqueue(batch.map(\.notification), priority: priority)
            for (item, outcome) in zip(batch, outcomes) {
                item.continuation.resume(returning: outcome)
            }
        } catch where batch.count > 1 {
            // One bad row must not fail its neighbours: retry each on its own.
            for item in batch {
                await flush([item], priority: priority, store: store)
            }
        } catch {
            batch.first?.continuation.resume(throwing: error)
        }
    }
}
