import Foundation

/// When to try a transiently failed delivery again: exponential backoff with jitter, up to a number of attempts.
public struct RetryPolicy: Sendable {
    public var maxAttempts: Int
    public var baseDelay: TimeInterval
    public var maxDelay: TimeInterval

    public init(maxAttempts: Int = 10, baseDelay: TimeInterval = 2, maxDelay: TimeInterval = 300) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The delay before the attempt after `attempt` (1-based), or nil when `attempt` was the last one.
    /// The delay is drawn uniformly from the upper half of the exponential step, so retries spread out.
    public func delay(after attempt: Int, random: Double = Double.random(in: 0...1)) -> TimeInterval? {
        guard attempt < maxAttempts else { return nil }
        let step = min(maxDelay, baseDelay * pow(2, Double(attempt - 1)))
        return step * (0.5 + 0.5 * random)
    }
}
