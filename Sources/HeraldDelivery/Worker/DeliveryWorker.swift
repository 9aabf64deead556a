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
    /// The provider's send rate in messages per second, shared by every worker on the same database (for SES,
    /// the account's `MaxSendRate`); `nil` sends as fast as the provider takes them.
    public var maxSendRate: Double?
    /// How many soft bounces suppress an address.
    public var softBounces = SoftBouncePolicy()
    /// Outside production: who may get real messages; `nil` sends to everyone.
    public var playpen: Playpen?
    /// Herald's public URL: bulk mail (from jobs) then carries a one-click unsubscribe link to it. Without it, only
    /// mail whose client gave an unsubscribe page has one.
    public var publicURL: String?

    public init(
        batchSize: Int = 200, concurrency: Int = 64, loops: Int = 2, lease: TimeInterval = 60,
        idlePoll: Duration = .milliseconds(100), retry: RetryPolicy = RetryPolicy(), maxSendRate: Double? = nil, playpen: Playpen? = nil
    ) {
        self.batchSize = batchSize
        self.concurrency = concurrency
        self.loops = loops
        self.lease = lease
        self.idlePoll = idlePoll
        self.retry = retry
        self.maxSendRate = maxSendRate
        self.playpen = playpen
    }

    /// Jobs to claim at once: at a paced rate, no more than can be sent in half a lease, so a claimed job is
    /// never still waiting for its slot when its lease runs out.
    var claimLimit: Int {
        guard let maxSendRate else { return batchSize }
        return max(1, min(batchSize, Int(maxSendRate * lease / 2)))
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
    public let smsProvider: any SMSProvider
    public private(set) var configuration: DeliveryWorkerConfiguration
    public let owner: String
    let logger: Logger
    private var unsubscribeLinks: UnsubscribeLinks?

    public init(
        store: HeraldStore, provider: any EmailProvider, smsProvider: any SMSProvider = SimulatorSMSProvider(),
        configuration: DeliveryWorkerConfiguration = .init(), logger: Logger
    ) {
        self.store = store
        self.provider = provider
        self.smsProvider = smsProvider
        self.configuration = configuration
        self.owner = "\(ProcessInfo.processInfo.hostName):\(getpid()):\(UUID().uuidString.prefix(8))"
        self.logger = logger
    }

    public func run() async throws {
        var paced = self
        if let publicURL = configuration.publicURL {
            paced.unsubscribeLinks = try await UnsubscribeLinks.load(baseURL: publicURL, store: store)
        }
        if paced.configuration.maxSendRate == nil {
            paced.configuration.maxSendRate = await provider.accountSendRate()
        }
        let worker = paced
        logger.info("delivery worker started", metadata: [
            "owner": "\(owner)", "provider": "\(provider.name)", "sms_provider": "\(smsProvider.name)", "send_rate": "\(worker.configuration.maxSendRate.map { "\($0)/s" } ?? "unpaced")",
            "playpen": "\(configuration.playpen.map { "\($0.environment): only \($0.allowed.isEmpty ? "simulators" : $0.allowed.joined(separator: ", "))" } ?? "off")",
        ])
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<max(1, worker.configuration.loops) {
                group.addTask { await worker.loop() }
            }
        }
        logger.info("delivery worker stopped", metadata: ["owner": "\(owner)"])
    }

    private func loop() async {
        let recorder = DeliveryRecorder(store: store, retry: configuration.retry, softBounces: configuration.softBounces)
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let claimed = try await store.claimDeliveries(owner: owner, limit: configuration.claimLimit, lease: configuration.lease)
                if claimed.isEmpty {
                    await sleepUnlessShuttingDown(for: configuration.idlePoll)
                    continue
                }
                var (sendable, outcomes, unsent) = try await failSuppressed(claimed)
                let stopped = stopOutsidePlaypen(&sendable)
                outcomes += stopped
                // The send rate is the email provider's: text messages go out unpaced.
                let emails = sendable.filter { $0.notification.channel != .sms }
                let texts = sendable.filter { $0.notification.channel == .sms }
                if !emails.isEmpty {
                    outcomes += await send(emails, schedule: try await reserveSchedule(emails.count))
                }
                if !texts.isEmpty {
                    outcomes += await send(texts)
                }
                for index in outcomes.indices {
                    outcomes[index].unsent.merge(unsent[outcomes[index].notificationId] ?? [:]) { refused, _ in refused }
                }
                try await recorder.record(outcomes, owner: owner)
            } catch is CancellationError {
                return
            } catch {
                logger.error("delivery loop failed; retrying", metadata: ["error": "\(error)"])
                await sleepUnlessShuttingDown(for: .seconds(1))
            }
        }
    }

    /// Splits off the jobs whose recipient the service has suppressed: they fail permanently without reaching the
    /// provider. A message to several recipients goes to those not suppressed, the others left out with why
    /// (`unsent`); it fails only when all are suppressed. Returns the rest, to send.
    private func failSuppressed(
        _ claimed: [ClaimedDelivery]
    ) async throws -> (sendable: [ClaimedDelivery], failed: [SendOutcome], unsent: [UUID: [String: String]]) {
        let suppressed = try await store.suppressions(for: claimed.flatMap { delivery in
            delivery.notification.recipients.map { (delivery.notification.id, delivery.notification.serviceId, $0) }
        })
        var sendable: [ClaimedDelivery] = []
        var failed: [SendOutcome] = []
        var unsent: [UUID: [String: String]] = [:]
        for var delivery in claimed {
            let n = delivery.notification
            let blocking = (suppressed[n.id] ?? []).filter { $0.reason.blocks(n.origin) }
            guard let firstBlocking = blocking.first else {
                sendable.append(delivery)
                continue
            }
            let blocked = Set(blocking.map { $0.address.lowercased() })
            let remaining = n.recipients.filter { !blocked.contains($0.lowercased()) }
            guard let first = remaining.first else {
                failed.append(SendOutcome(notificationId: n.id, attempt: delivery.attempt, result: .failed(.permanent(Self.reason(firstBlocking)))))
                continue
            }
            delivery.notification.recipient = first
            delivery.notification.bcc = Array(remaining.dropFirst())
            unsent[n.id] = Dictionary(blocking.map { ($0.address.lowercased(), Self.reason($0)) }) { first, _ in first }
            sendable.append(delivery)
        }
        return (sendable, failed, unsent)
    }

    /// Takes out the jobs the playpen does not allow to reach a real recipient; returns their permanent failures.
    private func stopOutsidePlaypen(_ sendable: inout [ClaimedDelivery]) -> [SendOutcome] {
        guard let playpen = configuration.playpen else { return [] }
        var stopped: [SendOutcome] = []
        sendable.removeAll { delivery in
            let n = delivery.notification
            let reachesPeople = n.channel == .sms ? smsProvider.reachesRecipients : provider.reachesRecipients
            guard reachesPeople, let outside = n.recipients.first(where: { !playpen.allows($0) }) else { return false }
            stopped.append(SendOutcome(notificationId: n.id, attempt: delivery.attempt, result: .failed(.permanent(playpen.reason(for: outside)))))
            return true
        }
        return stopped
    }

    /// Why a notification to a suppressed address was not sent.
    static func reason(_ suppression: Suppression) -> String {
        "not sent: \(suppression.address) is on the service's suppression list (\(suppression.reason.rawValue) on "
            + UTCTimestamp.string(suppression.createdAt) + (suppression.source.map { ", \($0)" } ?? "") + ")"
    }

    /// When each of the next `count` sends may start, from the cluster-wide schedule; `nil` when unpaced.
    /// The schedule runs at 95% of the limit: requests leave on time but reach the provider with some jitter, and
    /// the headroom keeps any one second at the provider within the limit.
    private func reserveSchedule(_ count: Int) async throws -> SendSchedule? {
        guard let limit = configuration.maxSendRate else { return nil }
        let rate = limit * 0.95
        let start = try await store.reserveSendSlots(provider.name, count: count, ratePerSecond: rate)
        return SendSchedule(start: start, rate: rate)
    }

    /// Sends every claimed job, at most `concurrency` at a time, each started in order no earlier than its slot in
    /// `schedule`. When the sends fall behind their slots by more than ``SendSchedule/tolerance`` (the provider is
    /// slower than the rate, or the process stalled), the remaining sends get fresh slots instead of catching up in
    /// a burst: a late worker never pushes the cluster over the rate.
    func send(_ claimed: [ClaimedDelivery], schedule: SendSchedule? = nil) async -> [SendOutcome] {
        await withTaskGroup(of: SendOutcome.self) { group in
            var outcomes: [SendOutcome] = []
            outcomes.reserveCapacity(claimed.count)
            var schedule = schedule
            var slotIndex = 0
            for (index, delivery) in claimed.enumerated() {
                if index >= configuration.concurrency, let outcome = await group.next() {
                    outcomes.append(outcome)
                }
                if let current = schedule {
                    do {
                        if -current.slot(slotIndex).timeIntervalSinceNow > SendSchedule.tolerance {
                            schedule = try await reserveSchedule(claimed.count - index)
                            slotIndex = 0
                        }
                        try await Task.sleep(for: .seconds(max(0, (schedule ?? current).slot(slotIndex).timeIntervalSinceNow)))
                        slotIndex += 1
                    } catch {
                        let reason = ProviderError.transient("not sent: no send slot (\(error))")
                        outcomes += claimed[index...].map { SendOutcome(notificationId: $0.notification.id, attempt: $0.attempt, result: .failed(reason)) }
                        break
                    }
                }
                group.addTask { await self.send(delivery) }
            }
            for await outcome in group {
                outcomes.append(outcome)
            }
            return outcomes
        }
    }

    private func send(_ delivery: ClaimedDelivery) async -> SendOutcome {
        let n = delivery.notification
        do {
            switch n.channel {
            case .sms:
                let sms = OutgoingSMS(
                    notificationId: n.id, serviceId: n.serviceId, to: n.recipient, text: SMSPrefix.text(forServiceNamed: delivery.serviceName) + n.body
                )
                let receipt = try await smsProvider.send(sms)
                return SendOutcome(notificationId: n.id, attempt: delivery.attempt, result: .sent(provider: smsProvider.name, receipt))
            case .email, .letter:
                let email = OutgoingEmail(
                    notificationId: n.id, serviceId: n.serviceId, from: delivery.emailFrom, to: n.recipient, bcc: n.bcc, subject: n.subject ?? "", textBody: n.body,
                    htmlBody: n.htmlBody, replyTo: n.replyTo, unsubscribeURL: n.unsubscribeURL ?? (n.origin == .job || n.origin == .members ? unsubscribeLinks?.url(for: n.id) : nil)
                )
                let receipt = try await provider.send(email)
                return SendOutcome(
                    notificationId: n.id, attempt: delivery.attempt, result: .sent(provider: provider.name, receipt), unsent: receipt.refused
                )
            }
        } catch {
            return SendOutcome(notificationId: n.id, attempt: delivery.attempt, result: .failed(error))
        }
    }
}
