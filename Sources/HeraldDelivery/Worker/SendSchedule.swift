import Foundation

/// Evenly spaced send times reserved from the cluster-wide pacer: send `i` starts at `start + i × interval`.
struct SendSchedule: Sendable {
    let start: Date
    let interval: TimeInterval

    func slot(_ index: Int) -> Date {
        start.addingTimeInterval(Double(index) * interval)
    }
}
