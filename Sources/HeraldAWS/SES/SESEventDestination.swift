/// Where a configuration set publishes SES's events: here, an SNS topic (SES v1 `EventDestination`).
public struct SESEventDestination: Sendable, Equatable {
    public var name: String
    public var enabled: Bool
    /// SES v1 event type names: `send`, `reject`, `bounce`, `complaint`, `delivery`, `open`, `click`,
    /// `renderingFailure`, `deliveryDelay`, `subscription`.
    public var matchingEventTypes: [String]
    /// The SNS topic the events go to, or nil for a destination of another kind (CloudWatch, Firehose, …).
    public var snsTopicArn: String?

    public init(name: String, enabled: Bool = true, matchingEventTypes: [String], snsTopicArn: String?) {
        self.name = name
        self.enabled = enabled
        self.matchingEventTypes = matchingEventTypes
        self.snsTopicArn = snsTopicArn
    }

    /// The `EventDestination.*` form parameters.
    var parameters: [(String, String)] {
        [("EventDestination.Name", name), ("EventDestination.Enabled", enabled ? "true" : "false")]
            + matchingEventTypes.enumerated().map { ("EventDestination.MatchingEventTypes.member.\($0.offset + 1)", $0.element) }
            + (snsTopicArn.map { [("EventDestination.SNSDestination.TopicARN", $0)] } ?? [])
    }

    /// One `<member>` of `DescribeConfigurationSet`'s `EventDestinations`.
    init(member xml: Substring) {
        self.init(
            name: XMLText.first("Name", in: String(xml)) ?? "",
            enabled: XMLText.first("Enabled", in: String(xml)) == "true",
            matchingEventTypes: XMLText.members(of: "MatchingEventTypes", in: xml),
            snsTopicArn: XMLText.elements("SNSDestination", in: xml).first.flatMap { XMLText.first("TopicARN", in: String($0)) }
        )
    }
}
