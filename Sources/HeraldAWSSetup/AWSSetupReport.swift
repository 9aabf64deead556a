/// What `herald setup aws` found and did: each resource with its outcome, and the names, ARNs and URLs Herald
/// needs (`HERALD_SES_CONFIGURATION_SET`, `HERALD_FEEDBACK_QUEUE_URL`, `--sns-topic-arn`).
public struct AWSSetupReport: Sendable, Equatable {
    /// One resource of the plan and whether its action ran.
    public struct Entry: Sendable, Equatable {
        public var step: SetupStep
        public var applied: Bool

        /// `existed`, `created`, `fixed`; under `--dry-run`, `missing` or `wrong` for what would be created or fixed.
        public var outcome: String {
            switch step.status {
            case .exists: "existed"
            case .missing: applied ? "created" : "missing"
            case .wrong: applied ? "fixed" : "wrong"
            }
        }

        /// For a person: `created  topic: arn:aws:sns:…`, then a line for each thing that was wrong with it.
        public var lines: [String] {
            ["\(outcome)\(String(repeating: " ", count: max(1, 9 - outcome.count)))\(step.resource.rawValue): \(step.name)"]
                + problems.map { "         - \($0)" }
        }

        /// What was wrong with it (empty when nothing was).
        public var problems: [String] {
            if case .wrong(let problems) = step.status { return problems }
            return []
        }
    }

    public var target: AWSSetupTarget
    public var dryRun: Bool
    public var entries: [Entry]
    /// The feedback queue's URL (nil under `--dry-run` when it does not exist yet).
    public var queueURL: String?
    public var deadLetterQueueURL: String?
    public var queueSubscriptionArn: String?
    public var webhookSubscriptionArn: String?

    public init(
        target: AWSSetupTarget, dryRun: Bool, entries: [Entry], queueURL: String? = nil, deadLetterQueueURL: String? = nil,
        queueSubscriptionArn: String? = nil, webhookSubscriptionArn: String? = nil
    ) {
        self.target = target
        self.dryRun = dryRun
        self.entries = entries
        self.queueURL = queueURL
        self.deadLetterQueueURL = deadLetterQueueURL
        self.queueSubscriptionArn = queueSubscriptionArn
        self.webhookSubscriptionArn = webhookSubscriptionArn
    }

    /// Whether anything was created or fixed.
    public var changed: Bool { entries.contains { $0.applied } }

    /// One line per resource for a person, and one for each thing that was wrong.
    public var lines: [String] { entries.flatMap(\.lines) }
}
