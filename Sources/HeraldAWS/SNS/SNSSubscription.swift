/// One subscription of an SNS topic, as `ListSubscriptionsByTopic` lists it.
public struct SNSSubscription: Sendable, Equatable {
    /// The subscription's ARN, or `PendingConfirmation` while an HTTP(S) or email endpoint has not confirmed it.
    public var arn: String
    /// `sqs`, `https`, `http`, `email`, `lambda`, ….
    public var `protocol`: String
    /// The queue ARN, URL or address it delivers to.
    public var endpoint: String

    public init(arn: String, protocol: String, endpoint: String) {
        self.arn = arn
        self.protocol = `protocol`
        self.endpoint = endpoint
    }

    /// True while the endpoint has not confirmed the subscription (SNS lists no ARN for it yet).
    public var isPendingConfirmation: Bool { arn == "PendingConfirmation" }
}
