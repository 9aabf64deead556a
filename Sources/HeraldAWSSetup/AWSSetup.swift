import HeraldAWS

/// Creates or checks what Herald needs in AWS to hear SES's events: inspects what exists, plans the calls
/// that create or fix the rest (`AWSSetupPlan`), and makes them unless asked for a dry run. Running it again
/// changes nothing.
public struct AWSSetup: Sendable {
    let ses: SES
    let sns: SNS
    let sqs: SQS
    let sts: STS

    public init(client: AWSClient) {
        ses = SES(client: client)
        sns = SNS(client: client)
        sqs = SQS(client: client)
        sts = STS(client: client)
    }

    /// Inspects, plans and (unless `dryRun`) applies the plan for `spec` in the client's account and region.
    public func run(_ spec: AWSSetupSpec, dryRun: Bool) async throws(AWSSetupError) -> AWSSetupReport {
        let target: AWSSetupTarget
        let state: AWSSetupState
        do throws(AWSError) {
            target = AWSSetupTarget(spec: spec, region: sns.client.configuration.region, identity: try await sts.callerIdentity())
            state = try await inspect(target)
        } catch {
            throw AWSSetupError(step: nil, error: error, done: [])
        }
        let plan = AWSSetupPlan(target: target, state: state)
        var report = AWSSetupReport(
            target: target, dryRun: dryRun, entries: [], queueURL: state.queue?.url, deadLetterQueueURL: state.deadLetterQueue?.url,
            queueSubscriptionArn: state.subscriptions.first { $0.protocol == "sqs" && $0.endpoint == target.queueArn }?.arn,
            webhookSubscriptionArn: state.subscriptions.first { $0.protocol == "https" && $0.endpoint == spec.webhookURL }?.arn
        )
        for step in plan.steps {
            guard let action = step.action, !dryRun else {
                report.entries.append(.init(step: step, applied: false))
                continue
            }
            do throws(AWSError) {
                try await applyRetrying(action, for: step.resource, to: &report)
            } catch {
                throw AWSSetupError(step: step, error: error, done: report.entries)
            }
            report.entries.append(.init(step: step, applied: true))
        }
        return report
    }

    /// What exists for `target`: the configuration set and its event destinations, the topic and its
    /// subscriptions (with the attributes of those that deliver to Herald), and both queues with their attributes.
    public func inspect(_ target: AWSSetupTarget) async throws(AWSError) -> AWSSetupState {
        var state = AWSSetupState.empty
        state.eventDestinations = try await ses.eventDestinations(configurationSet: target.spec.configurationSet)
        state.topicExists = try await sns.topicAttributes(target.topicArn) != nil
        if let url = try await sqs.queueUrlIfExists(name: target.spec.deadLetterQueue) {
            state.deadLetterQueue = .init(url: url)
        }
        if let url = try await sqs.queueUrlIfExists(name: target.spec.queue) {
            state.queue = .init(url: url, attributes: try await sqs.queueAttributes(queueUrl: url, names: ["QueueArn", "Policy", "RedrivePolicy"]))
        }
        guard state.topicExists else { return state }
        state.subscriptions = try await sns.subscriptions(topicArn: target.topicArn)
        let ours = state.subscriptions.filter { !$0.isPendingConfirmation && ($0.endpoint == target.queueArn || $0.endpoint == target.spec.webhookURL) }
        for subscription in ours {
            state.subscriptionAttributes[subscription.arn] = try await sns.subscriptionAttributes(subscription.arn)
        }
        return state
    }

    /// `apply`, tried up to three times when AWS answers with something worth retrying (a 5xx, throttling, a broken
    /// connection): every action here is idempotent, so a repeat is safe.
    private func applyRetrying(_ action: SetupAction, for resource: SetupStep.Resource, to report: inout AWSSetupReport) async throws(AWSError) {
        var attempt = 1
        while true {
            do {
                try await apply(action, for: resource, to: &report)
                return
            } catch where error.isRetryable && attempt < 3 {
                try? await Task.sleep(for: .milliseconds(250 * attempt))
                attempt += 1
            }
        }
    }

    private func apply(_ action: SetupAction, for resource: SetupStep.Resource, to report: inout AWSSetupReport) async throws(AWSError) {
        switch action {
        case .createConfigurationSet(let name):
            try await ses.createConfigurationSet(name)
        case .createEventDestination(let destination, let configurationSet):
            try await ses.createEventDestination(destination, configurationSet: configurationSet)
        case .updateEventDestination(let destination, let configurationSet):
            try await ses.updateEventDestination(destination, configurationSet: configurationSet)
        case .createTopic(let name):
            _ = try await sns.createTopic(name: name)
        case .createQueue(let name, let attributes):
            let url = try await sqs.createQueue(name: name, attributes: attributes)
            if resource == .deadLetterQueue { report.deadLetterQueueURL = url } else { report.queueURL = url }
        case .setQueueAttributes(let name, let attributes):
            let known = name == report.target.spec.queue ? report.queueURL : report.deadLetterQueueURL
            let url: String
            if let known { url = known } else { url = try await sqs.getQueueUrl(name: name) }
            try await sqs.setQueueAttributes(queueUrl: url, attributes)
        case .subscribe(let topicArn, let `protocol`, let endpoint, let attributes):
            let arn = try await sns.subscribe(topicArn: topicArn, protocol: `protocol`, endpoint: endpoint, attributes: attributes)
            if resource == .webhookSubscription { report.webhookSubscriptionArn = arn } else { report.queueSubscriptionArn = arn }
        case .setSubscriptionAttribute(let arn, let name, let value):
            try await sns.setSubscriptionAttribute(arn, name: name, value: value)
        }
    }
}

/// A set-up that stopped: the AWS error, the step it happened in (nil while inspecting) and the steps done before.
public struct AWSSetupError: Error, CustomStringConvertible {
    public var step: SetupStep?
    public var error: AWSError
    public var done: [AWSSetupReport.Entry]

    public var description: String {
        guard let step else { return "cannot inspect the AWS account: \(error)" }
        return "cannot \(step.status == .missing ? "create" : "fix") the \(step.resource.rawValue) \(step.name): \(error)"
    }
}
