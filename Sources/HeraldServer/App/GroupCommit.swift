/// Group commit: items submitted by concurrent requests are written together, many per transaction, while each
/// caller still waits until its own item is durably stored. The accept path uses it for notifications, the SNS
/// webhook for feedback.
///
/// Up to `maxFlushes` writes run at once (PostgreSQL commits them in parallel; SQLite queues them on its one
/// writer). While all are busy, new arrivals collect into the next batch of their lane, most urgent lane (the
/// lowest) first, so under load a transaction's cost is shared by up to `maxBatch` requests, and under light load
/// nothing waits for a batch to fill. When a batch fails, its items are retried one by one, so one bad item cannot
/// fail its neighbours.
actor GroupCommit<Lane: Comparable & Hashable & Sendable, Item: Sendable, Outcome: Sendable> {
    /// Writes one batch of one lane in one transaction; returns an outcome per item, in order.
    typealias Write = @Sendable (Lane, [Item]) async throws -> [Outcome]

    private struct Pending {
        let item: Item
        let continuation: CheckedContinuation<Outcome, any Error>
    }

    private let write: Write
    private let maxBatch: Int
    private let maxFlushes: Int
    private var pending: [Lane: [Pending]] = [:]
    private var flushes = 0

    init(maxBatch: Int = 500, maxFlushes: Int, write: @escaping Write) {
        self.write = write
        self.maxBatch = maxBatch
        self.maxFlushes = maxFlushes
    }

    /// Writes `item` in `lane`; returns its outcome once committed.
    func submit(_ item: Item, lane: Lane) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            pending[lane, default: []].append(Pending(item: item, continuation: continuation))
            startFlushes()
        }
    }

    /// Starts a flush per free slot, most urgent lane first.
    private func startFlushes() {
        while flushes < maxFlushes, let lane = pending.keys.min() {
            var items = pending[lane] ?? []
            let batch = Array(items.prefix(maxBatch))
            items.removeFirst(batch.count)
            pending[lane] = items.isEmpty ? nil : items
            flushes += 1
            Task {
                await Self.flush(batch, lane: lane, write: write)
                self.flushFinished()
            }
        }
    }

    private func flushFinished() {
        flushes -= 1
        startFlushes()
    }

    private static func flush(_ batch: [Pending], lane: Lane, write: Write) async {
        do {
            let outcomes = try await write(lane, batch.map(\.item))
            for (item, outcome) in zip(batch, outcomes) {
                item.continuation.resume(returning: outcome)
            }
        } catch where batch.count > 1 {
            for item in batch {
                await flush([item], lane: lane, write: write)
            }
        } catch {
            batch.first?.continuation.resume(throwing: error)
        }
    }
}
