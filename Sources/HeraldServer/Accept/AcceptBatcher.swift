import Foundation
import HeraldCore
import HeraldStore

/// Group commit for the accept path: notifications accepted by concurrent requests are written together, many per
/// transaction, while each caller still waits until its own notification is durably stored.
///
/// One flush runs at a time; whatever arrives during a flush forms the next batch. Under light load a batch holds
/// one notification and nothing waits; under heavy load a transaction's cost is shared by up to `maxBatch` requests.
actor AcceptBatcher {
    private struct Pending {
        let notification: NotificationRecord
        let continuation: CheckedContinuation<EnqueueOutcome, any Error>
    }

    private let store: HeraldStore
    private let maxBatch: Int
    private var pending: [DeliveryPriority: [Pending]] = [:]
    private var flushing = false

    init(store: HeraldStore, maxBatch: Int = 500) {
        self.store = store
        self.maxBatch = maxBatch
    }

    /// Stores `notification` and its delivery job; returns once committed.
    func enqueue(_ notification: NotificationRecord, priority: DeliveryPriority) async throws -> EnqueueOutcome {
        try await withCheckedThrowingContinuation { continuation in
            pending[priority, default: []].append(Pending(notification: notification, continuation: continuation))
            if !flushing {
                flushing = true
                Task { await self.flushAll() }
            }
        }
    }

    private func flushAll() async {
        while let priority = pending.keys.sorted().first {
            var items = pending[priority] ?? []
            let batch = Array(items.prefix(maxBatch))
            items.removeFirst(batch.count)
            pending[priority] = items.isEmpty ? nil : items
            await flush(batch, priority: priority)
        }
        flushing = false
    }

    private func flush(_ batch: [Pending], priority: DeliveryPriority) async {
        do {
            let outcomes = try await store.enqueue(batch.map(\.notification), priority: priority)
            for (item, outcome) in zip(batch, outcomes) {
                item.continuation.resume(returning: outcome)
            }
        } catch where batch.count > 1 {
            // One bad row must not fail its neighbours: retry each on its own.
            for item in batch {
                await flush([item], priority: priority)
            }
        } catch {
            batch.first?.continuation.resume(throwing: error)
        }
    }
}
