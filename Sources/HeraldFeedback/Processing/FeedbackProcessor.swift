import Foundation
import HeraldStore
import Logging
import ServiceLifecycle

/// The long-running service that drains the feedback inbox. Several can run (in several processes) at once.
public struct FeedbackProcessor: ServiceLifecycle.Service {
    public let applier: FeedbackApplier
    public let batchSize: Int
    public let idlePoll: Duration
    let logger: Logger

    public init(
        store: HeraldStore, batchSize: Int = 500, idlePoll: Duration = .milliseconds(100), unmatched: UnmatchedEventPolicy = .init(),
        softBounces: SoftBouncePolicy = .init(), logger: Logger
    ) {
        self.applier = FeedbackApplier(store: store, unmatched: unmatched, softBounces: softBounces)
        self.batchSize = batchSize
        self.idlePoll = idlePoll
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let pass = try await applier.applyPass(limit: batchSize)
                if pass.deadLettered > 0 {
                    logger.warning("feedback moved to dead letters", metadata: ["count": "\(pass.deadLettered)"])
                }
                if pass.claimed < batchSize {
                    await sleepUnlessShuttingDown(for: idlePoll)
                }
            } catch {
                logger.error("feedback pass failed; retrying", metadata: ["error": "\(error)"])
                await sleepUnlessShuttingDown(for: .seconds(1))
            }
        }
    }
}
