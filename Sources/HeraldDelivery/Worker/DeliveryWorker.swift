import Foundation
import HeraldCore
import HeraldStore
import Logging
import ServiceLifecycle

/// How a worker process pulls from the delivery queue.
public struct DeliveryWorkerConfiguration: Sendable {
    /// Jobs leased per claim.
    public var batchSize: Int
    /// Sends in flight at once, per loop.
    public var concurrency: Int
    /// Independent claim-send-record loops; more than one overlaps database round trips with sending.
    public var loops: Int
    /// How long a claimed job stays leased; a worker that dies returns its jobs after this.
    public var lease: TimeInterval
    /// How long an idle loop waits before looking for due jobs again.
    public var idlePoll: Duration
    public var retry: RetryPolicy

    public init(
        batchSize: Int = 200, concurrency: Int = 64, loops: Int = 2, lease: TimeInterval = 60,
        idlePoll: Duration = .milliseconds(100), retry: RetryPolicy = RetryPolicy()
    ) {
        self.batchSize = batchSize
        self.concurrency = concurrency
        self.loops = loops
        self.lease = lease
        self.idlePoll = idlePoll
        self.retry = retry
    }
}

/// Claims due delivery jobs, sends them through the provider with bounded concurrency and records the outcomes.
///
/// On graceful shutdown (SIGTERM) a loop stops claiming, finishes the batch it holds and records it, so nothing
/// is left leased. After a crash (kill -9) the leases run out and other workers take the jobs: delivery is
/// at-least-once, and only the jobs in flight in the dead process can be sent twice.
public struct DeliveryWorker: ServiceLifecycle.Service {
    public let store: HeraldStore
    public let provider: any EmailProvider
    public let configuration: DeliveryWorkerConfiguration
    public let owner: String
    let logger: Logger

    public init(store: HeraldStore, provider: any EmailProvider, configuration: DeliveryWorkerConfiguration = .init(), logger: Logger) {
        self.store = store
        self.provider = provider
        self.configuration = configuration
        self.owner = "\(ProcessInfo.processInfo.hostName):\(getpid()):\(UUID().uuidString.prefix(8))"
        self.logger = logger
    }

    public func run() async throws {
        logger.info("delivery worker started", metadata: ["owner": "\(owner)", "provider": "\(provider.name)"])
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<max(1, configuration.loops) {
                group.addTask { await self.loop() }
            }
        }
        logger.info("delivery worker stopped", metadata: ["owner": "\(owner)"])
    }

    private func loop() async {
        let recorder = DeliveryRecorder(store: store, retry: configuration.retry)
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let claimed = try await store.claimDeliveries(owner: owner, limit: configuration.batchSize, lease: configuration.lease)
                if claimed.isEmpty {
                    await sleepUnlessShuttingDown(for: configuration.idlePoll)
                    continue
                }
                let outcomes = await send(claimed)
                try await recorder.record(outcomes, owner: owner)
            } catch {
                logger.error("delivery loop failed; retrying", metadata: ["error": "\(error)"])
                await sleepUnlessShuttingDown(for: .seconds(1))
            }
        }
    }

    /// Sends every claimed job, at most `concurrency` at a time.
    func send(_ claimed: [ClaimedDelivery]) async -> [SendOutcome] {
        await withTaskGroup(of: SendOutcome.self) { group in
            var outcomes: [SendOutcome] = []
            outcomes.reserveCapacity(claimed.count)
            var pending = claimed.makeIterator()
            for _ in 0..<configuration.concurrency {
                guard let next = pending.next() else { break }
                group.addTask { await self.send(next) }
            }
            for await outcome in group {
                outcomes.append(outcome)
                if let next = pending.next() {
                    group.addTask { await self.send(next) }
                }
            }
            return outcomes
        }
    }

    private func send(_ delivery: ClaimedDelivery) async -> SendOutcome {
        let n = delivery.notification
        let email = OutgoingEmail(
            notificationId: n.id, serviceId: n.serviceId, from: delivery.emailFrom, to: n.recipient, subject: n.subject ?? "", textBody: n.body
        )
        do {
            let receipt = try await provider.send(email)
            return SendOutcome(notificationId: n.id, attempt: delivery.attempt, result: .sent(provider: provider.name, receipt))
        } catch {
            return SendOutcome(notificationId: n.id, attempt: delivery.attempt, result: .failed(error))
        }
    }
}
