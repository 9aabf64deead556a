import Foundation
import HeraldCore
import Logging
import Synchronization

/// Tells live inbox streams when members' inboxes change, whichever process changed them: this process's writes at
/// once, and, while anyone subscribes, those of every process sharing the database (through PostgreSQL's
/// `LISTEN`, or a poll of SQLite every `pollInterval`).
public final class InboxChangeFeed: Sendable {
    /// The PostgreSQL channel that inbox writes notify.
    static let channel = "herald_inbox"

    let engine: any DatabaseEngine
    let logger: Logger
    let pollInterval: Duration
    private let state = Mutex(State())

    private struct State {
        var subscribers: [Int: AsyncStream<InboxChange>.Continuation] = [:]
        var nextId = 0
        var watcher: Task<Void, Never>?
        var stopped = false
    }

    init(engine: any DatabaseEngine, logger: Logger, pollInterval: Duration = .milliseconds(250)) {
        self.engine = engine
        self.logger = logger
        self.pollInterval = pollInterval
    }

    /// Every change from now on, until the consumer stops iterating or the store shuts down. The first subscriber
    /// starts watching the database; the last one to leave stops it.
    public func changes() -> AsyncStream<InboxChange> {
        let (stream, continuation) = AsyncStream.makeStream(of: InboxChange.self)
        let id = state.withLock { state in
            state.nextId += 1
            return state.nextId
        }
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        let subscribed = state.withLock { state in
            guard !state.stopped else { return false }
            state.subscribers[id] = continuation
            if state.watcher == nil {
                let since = Date()  // now, not when the task gets to run: what is written in between must be found
                state.watcher = Task { await self.watch(since: since) }
            }
            return true
        }
        if !subscribed { continuation.finish() }
        return stream
    }

    /// How many subscriptions are open (one per live stream).
    public var subscriberCount: Int {
        state.withLock { $0.subscribers.count }
    }

    /// Hands `change` to every subscriber of this process.
    func publish(_ change: InboxChange) {
        for subscriber in state.withLock({ Array($0.subscribers.values) }) {
            subscriber.yield(change)
        }
    }

    /// Ends every subscription and stops watching; later subscriptions end at once.
    func stop() async {
        let (subscribers, watcher) = state.withLock { state in
            state.stopped = true
            defer { (state.subscribers, state.watcher) = ([:], nil) }
            return (Array(state.subscribers.values), state.watcher)
        }
        subscribers.forEach { $0.finish() }
        watcher?.cancel()
        await watcher?.value
    }

    private func unsubscribe(_ id: Int) {
        let idle = state.withLock { state -> Task<Void, Never>? in
            state.subscribers[id] = nil
            guard state.subscribers.isEmpty else { return nil }
            defer { state.watcher = nil }
            return state.watcher
        }
        idle?.cancel()
    }

    /// Publishes other processes' changes until cancelled; items added `since` may have been missed before it starts.
    private func watch(since: Date) async {
        if let postgres = engine as? PostgresEngine {
            await listen(to: postgres, since: since)
        } else {
            await poll(since: since)
        }
    }
}
