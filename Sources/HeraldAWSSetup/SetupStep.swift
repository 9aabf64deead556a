/// One resource of the set-up: what it is, whether it exists as wanted, and the call that would fix it.
public struct SetupStep: Sendable, Equatable {
    /// The resources in the order they are set up: from the end of the pipeline back to SES, so that SES only
    /// publishes into a topic whose queue can already take its events.
    public enum Resource: String, Sendable, CaseIterable {
        case deadLetterQueue = "dead-letter queue"
        case queue
        case topic
        case queuePolicy = "queue policy"
        case queueSubscription = "queue subscription"
        case webhookSubscription = "webhook subscription"
        case configurationSet = "configuration set"
        case eventDestination = "event destination"
    }

    public enum Status: Sendable, Equatable {
        /// It exists as wanted; nothing to do.
        case exists
        case missing
        /// It exists but is wrong in the ways listed.
        case wrong([String])
    }

    public var resource: Resource
    /// The resource's name, ARN or URL, as a person would look for it.
    public var name: String
    public var status: Status
    /// The call that creates or fixes it; nil exactly when it `exists`.
    public var action: SetupAction?

    public init(_ resource: Resource, _ name: String, _ status: Status, _ action: SetupAction?) {
        self.resource = resource
        self.name = name
        self.status = status
        self.action = action
    }

    static func exists(_ resource: Resource, _ name: String) -> SetupStep {
        SetupStep(resource, name, .exists, nil)
    }
}
