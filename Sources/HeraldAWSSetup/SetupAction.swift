import HeraldAWS

/// One AWS call that brings a resource to what `herald setup aws` wants. Queues are named, not given by URL,
/// because a queue created earlier in the same run has no URL when the plan is made.
public enum SetupAction: Sendable, Equatable {
    case createConfigurationSet(String)
    case createEventDestination(SESEventDestination, configurationSet: String)
    case updateEventDestination(SESEventDestination, configurationSet: String)
    case createTopic(String)
    case createQueue(name: String, attributes: [String: String])
    case setQueueAttributes(queue: String, attributes: [String: String])
    case subscribe(topicArn: String, protocol: String, endpoint: String, attributes: [String: String])
    case setSubscriptionAttribute(subscriptionArn: String, name: String, value: String)
}
