import Foundation
import HeraldStore

/// Which services' rates are over the policy's thresholds, and the crossings since the last measurement: a warning
/// when a rate goes over, a notice when it comes back under. Pure: the monitor does the measuring and the logging.
public struct ReputationAlarm: Sendable {
    /// A rate Herald watches.
    public enum Rate: String, Sendable, Hashable {
        case bounce
        case complaint
    }

    /// A rate of a service (or of all services together, `serviceId` nil) crossing its threshold.
    public struct Crossing: Sendable, Equatable {
        public var serviceId: UUID?
        public var rate: Rate
        public var value: Double
        public var threshold: Double
        /// True when it went over; false when it came back under.
        public var isOver: Bool
    }

    public let policy: ReputationPolicy
    private var over: Set<Key> = []

    private struct Key: Hashable {
        let serviceId: UUID?
        let rate: Rate
    }

    public init(policy: ReputationPolicy) {
        self.policy = policy
    }

    /// Takes one measurement of every service that sent in the window; returns the crossings it causes.
    public mutating func observe(_ reputations: [SendingReputation]) -> [Crossing] {
        let overall = reputations.overall
        var crossings: [Crossing] = []
        var nowOver: Set<Key> = []
        let measured = reputations.map { (serviceId: Optional($0.serviceId), sent: $0.sent, bounceRate: $0.bounceRate, complaintRate: $0.complaintRate) }
            + [(serviceId: nil, sent: overall.sent, bounceRate: overall.bounceRate, complaintRate: overall.complaintRate)]
        for reputation in measured {
            let serviceId = reputation.serviceId
            for (rate, value, threshold) in [
                (Rate.bounce, reputation.bounceRate, policy.bounceRateWarning), (.complaint, reputation.complaintRate, policy.complaintRateWarning),
            ] {
                let key = Key(serviceId: serviceId, rate: rate)
                let isOver = reputation.sent >= policy.minimumVolume && value >= threshold
                if isOver { nowOver.insert(key) }
                if isOver != over.contains(key) {
                    crossings.append(Crossing(serviceId: serviceId, rate: rate, value: value, threshold: threshold, isOver: isOver))
                }
            }
        }
        over = nowOver
        return crossings
    }
}
