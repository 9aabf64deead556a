/// The SNS calls `herald setup aws` makes: a topic and its subscriptions.
extension SNS {
    /// `GetTopicAttributes`, or nil when there is no such topic.
    public func topicAttributes(_ topicArn: String) async throws(AWSError) -> [String: String]? {
        do throws(AWSError) {
            return XMLText.entries(in: try await call("GetTopicAttributes", [("TopicArn", topicArn)])[...])
        } catch where error.code == "NotFound" {
            return nil
        }
    }

    /// `CreateTopic` (idempotent: the ARN of a topic of that name that already exists); returns the topic ARN.
    public func createTopic(name: String) async throws(AWSError) -> String {
        let xml = try await call("CreateTopic", [("Name", name)])
        guard let arn = XMLText.first("TopicArn", in: xml) else { throw .invalidResponse("CreateTopic", "no TopicArn in \(xml.prefix(200))") }
        return arn
    }

    /// Every page of `ListSubscriptionsByTopic`.
    public func subscriptions(topicArn: String) async throws(AWSError) -> [SNSSubscription] {
        var result: [SNSSubscription] = []
        var nextToken: String?
        repeat {
            let xml = try await call("ListSubscriptionsByTopic", [("TopicArn", topicArn)] + (nextToken.map { [("NextToken", $0)] } ?? []))
            let list = XMLText.elements("Subscriptions", in: xml[...]).first ?? ""
            result += XMLText.elements("member", in: list).map { member in
                let text = String(member)
                return SNSSubscription(
                    arn: XMLText.first("SubscriptionArn", in: text) ?? "", protocol: XMLText.first("Protocol", in: text) ?? "",
                    endpoint: XMLText.first("Endpoint", in: text) ?? ""
                )
            }
            nextToken = XMLText.first("NextToken", in: xml).flatMap { $0.isEmpty ? nil : $0 }
        } while nextToken != nil
        return result
    }

    /// `Subscribe` with subscription `attributes` (e.g. `RawMessageDelivery`); returns the subscription ARN, which is
    /// `pending confirmation` for an HTTP(S) endpoint that has not confirmed yet.
    public func subscribe(topicArn: String, protocol: String, endpoint: String, attributes: [String: String] = [:]) async throws(AWSError) -> String {
        let entries = attributes.sorted { $0.key < $1.key }.enumerated().flatMap { index, attribute in
            [("Attributes.entry.\(index + 1).key", attribute.key), ("Attributes.entry.\(index + 1).value", attribute.value)]
        }
        let parameters = [("TopicArn", topicArn), ("Protocol", `protocol`), ("Endpoint", endpoint), ("ReturnSubscriptionArn", "true")] + entries
        let xml = try await call("Subscribe", parameters)
        guard let arn = XMLText.first("SubscriptionArn", in: xml) else { throw .invalidResponse("Subscribe", "no SubscriptionArn in \(xml.prefix(200))") }
        return arn
    }

    /// `GetSubscriptionAttributes`.
    public func subscriptionAttributes(_ subscriptionArn: String) async throws(AWSError) -> [String: String] {
        XMLText.entries(in: try await call("GetSubscriptionAttributes", [("SubscriptionArn", subscriptionArn)])[...])
    }

    /// `SetSubscriptionAttributes` for one attribute.
    public func setSubscriptionAttribute(_ subscriptionArn: String, name: String, value: String) async throws(AWSError) {
        _ = try await call("SetSubscriptionAttributes", [("SubscriptionArn", subscriptionArn), ("AttributeName", name), ("AttributeValue", value)])
    }

    private func call(_ action: String, _ parameters: [(String, String)]) async throws(AWSError) -> String {
        try await client.awsQuery(.sns, action: action, version: Self.version, parameters: parameters)
    }
}
