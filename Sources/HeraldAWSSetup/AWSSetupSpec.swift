/// What `herald setup aws` sets up, named after one base name: the SES configuration set `<name>`, its event
/// destination `<name>-sns`, the SNS topic and SQS queue `<name>-ses-events`, the dead-letter queue
/// `<name>-ses-events-dlq` and, optionally, an HTTPS subscription of Herald's webhook. `deploy/herald-aws.yaml`
/// derives the same names from its `Name` parameter.
public struct AWSSetupSpec: Sendable, Equatable {
    public var name: String
    /// Herald's `POST /aws/sns` URL to subscribe to the topic, or nil for none.
    public var webhookURL: String?
    /// Receives after which SQS moves a message to the dead-letter queue.
    public var maxReceiveCount: Int

    /// Checks the name (letters, digits, `-` and `_`, at most 40 characters, so that every derived name fits
    /// SES's, SNS's and SQS's limits) and that the webhook is an `https://` URL.
    public init(name: String, webhookURL: String? = nil, maxReceiveCount: Int = 5) throws(AWSSetupSpecError) {
        guard (1...40).contains(name.count), name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }) else {
            throw .invalidName(name)
        }
        if let webhookURL {
            guard webhookURL.lowercased().hasPrefix("https://"), webhookURL.count > "https://".count else { throw .webhookNotHTTPS(webhookURL) }
        }
        self.name = name
        self.webhookURL = webhookURL
        self.maxReceiveCount = maxReceiveCount
    }

    public var configurationSet: String { name }
    public var eventDestination: String { "\(name)-sns" }
    public var topic: String { "\(name)-ses-events" }
    public var queue: String { "\(name)-ses-events" }
    public var deadLetterQueue: String { "\(name)-ses-events-dlq" }

    /// Every SES event type a configuration set can publish (SES v1 names), so Herald hears about each one.
    public static let eventTypes = [
        "send", "reject", "bounce", "complaint", "delivery", "open", "click", "renderingFailure", "deliveryDelay", "subscription",
    ]

    /// Seconds a message is kept in either queue: 14 days, SQS's maximum, so feedback outlives a long outage.
    static let messageRetentionSeconds = 1_209_600
    /// Attributes a new feedback queue gets (its redrive policy is added by the plan).
    static let queueAttributes = [
        "VisibilityTimeout": "60", "ReceiveMessageWaitTimeSeconds": "20", "MessageRetentionPeriod": "\(messageRetentionSeconds)",
    ]
}

/// A `herald setup aws` setting that cannot be used.
public enum AWSSetupSpecError: Error, Equatable, CustomStringConvertible {
    case invalidName(String)
    case webhookNotHTTPS(String)

    public var description: String {
        switch self {
        case .invalidName(let name):
            "'\(name)' cannot name AWS resources: use 1 to 40 letters, digits, '-' or '_'"
        case .webhookNotHTTPS(let url):
            "the webhook URL '\(url)' must start with https:// (SNS delivers to Herald's POST /aws/sns over HTTPS)"
        }
    }
}
