/// GOV.UK Notify's API key types: what a key may reach and whether its messages are really delivered.
public enum KeyType: String, Sendable, Codable, CaseIterable {
    /// A live key: delivers to anyone (or the team and guest list while the service is in trial mode).
    case normal
    /// Delivers only to the service's team and guest list.
    case team
    /// Never delivers: messages walk through a simulated lifecycle.
    case test

    /// How Notify names the key type in rate-limit messages.
    public var displayName: String {
        switch self {
        case .normal: "LIVE"
        case .team: "TEAM"
        case .test: "TEST"
        }
    }
}
