import HeraldStore

/// Group commit for feedback arriving over HTTP: documents from concurrent requests go into the feedback inbox
/// together, many per transaction, while each caller still waits until its own document is durably stored.
/// Same scheme as ``AcceptBatcher``: up to `maxFlushes` transactions at once, new arrivals collect meanwhile.
actor FeedbackInbox {
    private struct Pending {
        let document: FeedbackDocument
        let continuation: CheckedContinuation<Void, any Error>
    }

    private let store: HeraldStore
    private let maxBatch: Int
    private let maxFlushes: Int
    private var pending: [Pending] = []
    private var flushes = 0

    init(store: HeraldStore, maxBatch: Int = 500, maxFlushes: Int = 2) {
        self.store = store
        self.maxBatch = maxBatch
        self.maxFlushes = maxFlushes
    }

    /// Stores `document`; returns once committed.
    func append(_ document: FeedbackDocument) async throws {
        try await withCheckedThrowingContinuation { continuation in
            pending.append(Pending(document: document, continuation: continuation))
            startFlushes()
        }
    }

    private func startFlushes() {
        while flushes < maxFlushes, !pending.isEmpty {
            let batch = Array(pending.prefix(maxBatch))
            pending.removeFirst(batch.count)
            flushes += 1
            Task {
                await Self.flush(batch, store: store)
                self.flushFinished()
            }
        }
    }

    private func flushFinished() {
        flushes -= 1
        startFlushes()
    }

    private static func flush(_ batch: [Pending], store: HeraldStore) async {
        do {
            try await store.write { try await $0.appendFeedback(batch.map(\.document)) }
            for item in batch { item.continuation.resume() }
        } catch {
            for item in batch { item.continuation.resume(throwing: error) }
        }
    }
}
