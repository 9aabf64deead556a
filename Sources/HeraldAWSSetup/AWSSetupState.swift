import HeraldAWS

/// What already exists in AWS for an `AWSSetupTarget`, as `AWSSetup.inspect` found it; the input of a plan.
public struct AWSSetupState: Sendable, Equatable {
    /// A queue that exists: its URL and attributes.
    public struct Queue: Sendable, Equatable {
        public var url: String
        public var attributes: [String: String]

        public init(url: String, attributes: [String: String] = [:]) {
            self.url = url
            self.attributes = attributes
        }
    }

    /// The configuration set's event destinations, or nil when there is no configuration set.
    public var eventDestinations: [SESEventDestination]?
    public var topicExists: Bool
    public var deadLetterQueue: Queue?
    public var queue: Queue?
    /// The topic's subscriptions (none when there is no topic).
    public var subscriptions: [SNSSubscription]
    /// The attributes of the subscriptions that deliver to Herald (its queue or its webhook), by subscription ARN.
    public var subscriptionAttributes: [String: [String: String]]

    public init(
        eventDestinations: [SESEventDestination]? = nil, topicExists: Bool = false, deadLetterQueue: Queue? = nil, queue: Queue? = nil,
        subscriptions: [SNSSubscription] = [], subscriptionAttributes: [String: [String: String]] = [:]
    ) {
        self.eventDestinations = eventDestinations
        self.topicExists = topicExists
        self.deadLetterQueue = deadLetterQueue
        self.queue = queue
        self.subscriptions = subscriptions
        self.subscriptionAttributes = subscriptionAttributes
    }

    /// Nothing exists yet.
    public static let empty = AWSSetupState()
}
