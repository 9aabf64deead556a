import Foundation

/// Evenly spaced send times reserved from the cluster-wide pacer: send `i` starts at `start + i / rate`.
struct SendSchedule: Sendable {
    /// How late a send may start after its slot. At 95% of the rate, starting up to 50 ms late still keeps any
    /// one second within the rate; later than that, the worker reserves fresh slots instead.
    static let tolerance: TimeInterval = 0.05

    let start: Date
    let rate: Double

    func slot(_ index: Int) -> Date {
        start.addingTimeInterval(Double(index) / rate)
    }
}
