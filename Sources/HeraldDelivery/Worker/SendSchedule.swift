import Foundation

/// Evenly spaced send times reserved from the cluster-wide pacer: send `i` starts at `start + i / rate`.
struct SendSchedule: Sendable {
    /// How late a send may start in its slot. A send that wakes later than this (the process was stalled) gives
    /// its slot up and reserves a new one, so a stalled worker never catches up in a burst.
    static let tolerance: TimeInterval = 0.02

    let start: Date
    let rate: Double

    func slot(_ index: Int) -> Date {
        start.addingTimeInterval(Double(index) / rate)
    }
}
