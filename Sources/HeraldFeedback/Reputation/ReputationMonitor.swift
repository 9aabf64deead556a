import Foundation
import HeraldCore
import HeraldStore
import Logging
import Metrics
import ServiceLifecycle

/// Measures each service's bounce and complaint rates every `policy.interval`, publishes them as gauges
/// (`herald_email_bounce_rate`, `herald_email_complaint_rate` and `herald_emails_sent`, labelled `service_id`, with
/// `all` for every service together), and logs a warning when a rate crosses the policy's threshold (and a notice
/// when it comes back under).
public struct ReputationMonitor: ServiceLifecycle.Service {
    let store: HeraldStore
    let logger: Logger
    let metrics: any MetricsFactory
    private let policy: ReputationPolicy

    public init(store: HeraldStore, policy: ReputationPolicy, metrics: any MetricsFactory = MetricsSystem.factory, logger: Logger) {
        self.store = store
        self.policy = policy
        self.metrics = metrics
        self.logger = logger
    }

    public func run() async throws {
        var alarm = ReputationAlarm(policy: policy)
        var published: Set<String> = []
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                published = try await measure(&alarm, published: published)
            } catch {
                logger.warning("could not measure sending reputation", metadata: ["error": "\(error)"])
            }
            await sleepUnlessShuttingDown(for: policy.interval)
        }
    }

    /// One measurement: gauges set (to 0 for services that sent nothing in the window since the last one), crossings
    /// logged. Returns the services with gauges.
    @discardableResult
    public func measure(_ alarm: inout ReputationAlarm, published: Set<String> = [], now: Date = Date()) async throws -> Set<String> {
        let reputations = try await store.sendingReputation(since: now.addingTimeInterval(-policy.window))
        var rows = reputations.map { (label: $0.serviceId.storageString, sent: $0.sent, bounce: $0.bounceRate, complaint: $0.complaintRate) }
        let overall = reputations.overall
        rows.append(("all", overall.sent, overall.bounceRate, overall.complaintRate))
        for label in published.subtracting(rows.map(\.label)) {
            rows.append((label, 0, 0, 0))
        }
        for row in rows {
            let dimensions = [("service_id", row.label)]
            Gauge(label: "herald_email_bounce_rate", dimensions: dimensions, factory: metrics).record(row.bounce)
            Gauge(label: "herald_email_complaint_rate", dimensions: dimensions, factory: metrics).record(row.complaint)
            Gauge(label: "herald_emails_sent", dimensions: dimensions, factory: metrics).record(row.sent)
        }
        for crossing in alarm.observe(reputations) {
            let metadata: Logger.Metadata = [
                "service_id": "\(crossing.serviceId?.storageString ?? "all")", "rate": "\(crossing.rate.rawValue)",
                "value": "\(crossing.value)", "threshold": "\(crossing.threshold)", "window_hours": "\(policy.window / 3600)",
            ]
            if crossing.isOver {
                logger.warning("email \(crossing.rate.rawValue) rate is over its threshold: SES may review or pause the account", metadata: metadata)
            } else {
                logger.notice("email \(crossing.rate.rawValue) rate is back under its threshold", metadata: metadata)
            }
        }
        return Set(rows.filter { $0.label != "all" && $0.sent > 0 }.map(\.label))
    }
}
