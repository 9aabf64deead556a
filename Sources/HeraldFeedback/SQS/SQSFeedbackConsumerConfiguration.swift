/// Which queue the SQS feedback consumer reads and how: long polls of up to `waitTimeSeconds`, `maxMessages` at a
/// time, on `pollers` concurrent loops.
public struct SQSFeedbackConsumerConfiguration: Sendable {
    public var queueURL: String
    public var pollers: Int
    /// Long-poll wait, 0…20 seconds.
    public var waitTimeSeconds: Int
    /// Messages per receive, 1…10.
    public var maxMessages: Int
    /// Seconds a received message stays hidden from other consumers; a batch still being stored after half of it
    /// has its messages hidden for this long again.
    public var visibilityTimeoutSeconds: Int
    /// The first pause after a failed AWS or store call; it doubles on each further failure up to `maxBackoff`.
    public var minBackoff: Duration
    public var maxBackoff: Duration

    public init(
        queueURL: String, pollers: Int = 2, waitTimeSeconds: Int = 20, maxMessages: Int = 10, visibilityTimeoutSeconds: Int = 60,
        minBackoff: Duration = .seconds(1), maxBackoff: Duration = .seconds(30)
    ) {
        self.queueURL = queueURL
        self.pollers = pollers
        self.waitTimeSeconds = waitTimeSeconds
        self.maxMessages = maxMessages
        self.visibilityTimeoutSeconds = visibilityTimeoutSeconds
        self.minBackoff = minBackoff
        self.maxBackoff = maxBackoff
    }

    /// The pause after `failures` earlier consecutive failures: `minBackoff`, doubling, at most `maxBackoff`.
    public func backoff(afterFailures failures: Int) -> Duration {
        min(minBackoff * (1 << min(failures, 20)), maxBackoff)
    }
}
