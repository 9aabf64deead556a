import Foundation
import HeraldStore
import Logging
import ServiceLifecycle

/// Deletes expired inbox items every `interval`, `batchSize` rows per statement so that no statement holds its
/// locks for long. Expired items already neither show nor count: this only reclaims their space.
public struct InboxExpiryCleaner: ServiceLifecycle.Service {
    let store: HeraldStore
    let interval: Duration
    let batchSize: Int
    let logger: Logger

    public init(store: HeraldStore, interval: Duration = .seconds(60), batchSize: Int = 5_000, logger: Logger) {
        self.store = store
        self.interval = interval
        self.batchSize = batchSize
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await cleanUp()
            } catch {
                logger.warning("could not delete expired inbox items", metadata: ["error": "\(error)"])
            }
            await sleepUnlessShuttingDown(for: interval)
        }
    }

    /// Deletes every item expired by `now`, batch by batch; returns how many.
    @discardableResult
    public func cleanUp(now: Date = Date()) async throws -> Int {
        var total = 0
        while !Task.isShuttingDownGracefully {
            let deleted = try await store.deleteExpiredInboxItems(now: now, limit: batchSize)
            total += deleted
            if deleted < batchSize { break }
        }
        return total
    }
}
