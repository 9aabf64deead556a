import HeraldAWS

/// What `herald setup aws` has to do: one step per resource, in an order in which each call finds what it
/// needs (the dead-letter queue before the queue that names it, the queue and topic before the policy and
/// subscription that join them, the topic before the event destination that publishes to it) and SES publishes
/// last. Computed from an `AWSSetupState` alone, without I/O.
public struct AWSSetupPlan: Sendable, Equatable {
    public var target: AWSSetupTarget
    public var steps: [SetupStep]

    public init(target: AWSSetupTarget, state: AWSSetupState) {
        self.target = target
        let spec = target.spec
        let subscriptions = state.topicExists ? state.subscriptions : []
        steps = [
            state.deadLetterQueue == nil
                ? SetupStep(.deadLetterQueue, target.deadLetterQueueArn, .missing, .createQueue(
                    name: spec.deadLetterQueue, attributes: ["MessageRetentionPeriod": "\(AWSSetupSpec.messageRetentionSeconds)"]))
                : .exists(.deadLetterQueue, target.deadLetterQueueArn),
            Self.queueStep(target, state.queue),
            state.topicExists ? .exists(.topic, target.topicArn) : SetupStep(.topic, target.topicArn, .missing, .createTopic(spec.topic)),
            Self.queuePolicyStep(target, state.queue),
            Self.queueSubscriptionStep(target, subscriptions, state.subscriptionAttributes),
        ]
        if let webhookURL = spec.webhookURL {
            steps.append(Self.webhookSubscriptionStep(target, webhookURL, subscriptions, state.subscriptionAttributes))
        }
        steps += [
            state.eventDestinations == nil
                ? SetupStep(.configurationSet, spec.configurationSet, .missing, .createConfigurationSet(spec.configurationSet))
                : .exists(.configurationSet, spec.configurationSet),
            Self.eventDestinationStep(target, state.eventDestinations ?? []),
        ]
    }

    /// Whether running the plan would change anything.
    public var hasChanges: Bool { steps.contains { $0.action != nil } }

    static func eventDestinationStep(_ target: AWSSetupTarget, _ destinations: [SESEventDestination]) -> SetupStep {
        let topicArn = target.topicArn
        let existing = destinations.first { $0.snsTopicArn == topicArn } ?? destinations.first { $0.name == target.spec.eventDestination }
        let wanted = SESEventDestination(
            name: existing?.name ?? target.spec.eventDestination, matchingEventTypes: AWSSetupSpec.eventTypes, snsTopicArn: topicArn
        )
        let configurationSet = target.spec.configurationSet
        guard let existing else {
            return SetupStep(.eventDestination, wanted.name, .missing, .createEventDestination(wanted, configurationSet: configurationSet))
        }
        var problems: [String] = []
        if !existing.enabled { problems.append("it is disabled") }
        if existing.snsTopicArn != topicArn { problems.append("it publishes to \(existing.snsTopicArn ?? "no SNS topic"), not to \(topicArn)") }
        let missingTypes = AWSSetupSpec.eventTypes.filter { !existing.matchingEventTypes.contains($0) }
        if !missingTypes.isEmpty { problems.append("it does not publish \(missingTypes.joined(separator: ", ")) events") }
        return problems.isEmpty
            ? .exists(.eventDestination, existing.name)
            : SetupStep(.eventDestination, existing.name, .wrong(problems), .updateEventDestination(wanted, configurationSet: configurationSet))
    }

    static func queueStep(_ target: AWSSetupTarget, _ queue: AWSSetupState.Queue?) -> SetupStep {
        let wanted = RedrivePolicy(deadLetterTargetArn: target.deadLetterQueueArn, maxReceiveCount: target.spec.maxReceiveCount)
        guard let queue else {
            let attributes = AWSSetupSpec.queueAttributes.merging(["RedrivePolicy": wanted.attribute]) { $1 }
            return SetupStep(.queue, target.queueArn, .missing, .createQueue(name: target.spec.queue, attributes: attributes))
        }
        let problem: String
        switch RedrivePolicy(attribute: queue.attributes["RedrivePolicy"]) {
        case .some(let redrive) where redrive.deadLetterTargetArn == wanted.deadLetterTargetArn:
            return .exists(.queue, target.queueArn)
        case .some(let redrive):
            problem = "its redrive policy moves messages to \(redrive.deadLetterTargetArn), not to \(wanted.deadLetterTargetArn)"
        case .none:
            problem = "it has no redrive policy, so a message Herald cannot read comes back forever"
        }
        return SetupStep(.queue, target.queueArn, .wrong([problem]),
                         .setQueueAttributes(queue: target.spec.queue, attributes: ["RedrivePolicy": wanted.attribute]))
    }

    static func queuePolicyStep(_ target: AWSSetupTarget, _ queue: AWSSetupState.Queue?) -> SetupStep {
        let existing = queue?.attributes["Policy"]
        let fix = SetupAction.setQueueAttributes(
            queue: target.spec.queue,
            attributes: ["Policy": QueuePolicy.adding(to: existing, topicArn: target.topicArn, queueArn: target.queueArn)]
        )
        let name = "SNS \(target.spec.topic) → SQS \(target.spec.queue)"
        guard queue != nil else { return SetupStep(.queuePolicy, name, .missing, fix) }
        if QueuePolicy.allows(existing, topicArn: target.topicArn, queueArn: target.queueArn) { return .exists(.queuePolicy, name) }
        let problem = existing == nil
            ? "the queue has no policy, so SNS cannot deliver to it"
            : "the queue's policy does not let \(target.topicArn) send to it, so SNS cannot deliver to it"
        return SetupStep(.queuePolicy, name, .wrong([problem]), fix)
    }

    static func queueSubscriptionStep(
        _ target: AWSSetupTarget, _ subscriptions: [SNSSubscription], _ attributes: [String: [String: String]]
    ) -> SetupStep {
        let subscribe = SetupAction.subscribe(topicArn: target.topicArn, protocol: "sqs", endpoint: target.queueArn, attributes: ["RawMessageDelivery": "true"])
        guard let existing = subscriptions.first(where: { $0.protocol == "sqs" && $0.endpoint == target.queueArn }) else {
            return SetupStep(.queueSubscription, target.queueArn, .missing, subscribe)
        }
        guard attributes[existing.arn]?["RawMessageDelivery"] == "true" else {
            return SetupStep(.queueSubscription, existing.arn, .wrong(["raw message delivery is off, so each SES event arrives wrapped in an SNS envelope"]),
                             .setSubscriptionAttribute(subscriptionArn: existing.arn, name: "RawMessageDelivery", value: "true"))
        }
        return .exists(.queueSubscription, existing.arn)
    }

    static func webhookSubscriptionStep(
        _ target: AWSSetupTarget, _ url: String, _ subscriptions: [SNSSubscription], _ attributes: [String: [String: String]]
    ) -> SetupStep {
        let subscribe = SetupAction.subscribe(topicArn: target.topicArn, protocol: "https", endpoint: url, attributes: [:])
        guard let existing = subscriptions.first(where: { $0.protocol == "https" && $0.endpoint == url }) else {
            return SetupStep(.webhookSubscription, url, .missing, subscribe)
        }
        if existing.isPendingConfirmation {
            let problem = "it is not confirmed yet: run `herald serve --sns-topic-arn \(target.topicArn)` at \(url), which confirms it; subscribing again resends the confirmation"
            return SetupStep(.webhookSubscription, url, .wrong([problem]), subscribe)
        }
        if attributes[existing.arn]?["RawMessageDelivery"] == "true" {
            return SetupStep(.webhookSubscription, existing.arn, .wrong(["raw message delivery is on, so Herald cannot verify SNS's signature"]),
                             .setSubscriptionAttribute(subscriptionArn: existing.arn, name: "RawMessageDelivery", value: "false"))
        }
        return .exists(.webhookSubscription, existing.arn)
    }
}
