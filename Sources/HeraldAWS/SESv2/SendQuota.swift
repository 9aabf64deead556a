/// The account's SES sending limits (SES v2 `GetAccount` `SendQuota`).
public struct SendQuota: Sendable, Equatable, Decodable {
    /// Messages per second.
    public var maxSendRate: Double
    /// Messages per rolling 24 hours; -1 means unlimited.
    public var max24HourSend: Double
    public var sentLast24Hours: Double

    public init(maxSendRate: Double, max24HourSend: Double, sentLast24Hours: Double) {
        self.maxSendRate = maxSendRate
        self.max24HourSend = max24HourSend
        self.sentLast24Hours = sentLast24Hours
    }

    enum CodingKeys: String, CodingKey {
        case maxSendRate = "MaxSendRate"
        case max24HourSend = "Max24HourSend"
        case sentLast24Hours = "SentLast24Hours"
    }
}
