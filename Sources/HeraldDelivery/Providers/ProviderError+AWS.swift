import HeraldAWS

extension ProviderError {
    /// An AWS answer as a delivery outcome: throttling, 5xx, timeouts, broken connections and an exhausted daily
    /// quota are retried; `permanentCodes` (the message itself was refused, e.g. SES `MessageRejected`) fail the
    /// notification for good; anything else (an unverified sender, a paused account, missing permissions) is
    /// Herald's configuration at fault, a technical failure. The provider's own words are kept as the reason.
    init(_ error: AWSError, provider: String, permanentCodes: Set<String>) {
        if error.isRetryable || Self.dailyQuotaCodes.contains(error.code) {
            self = .transient("\(provider): \(error)")
        } else if permanentCodes.contains(error.code) {
            self = .permanent("\(provider): \(error)")
        } else {
            self = .technical("\(provider): \(error)")
        }
    }

    /// The daily sending quota is used up: it frees again within 24 hours.
    private static let dailyQuotaCodes: Set = ["LimitExceededException", "LimitExceeded", "DailyQuotaExceeded"]
}
