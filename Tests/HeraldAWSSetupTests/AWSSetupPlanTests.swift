import HeraldAWS
@testable import HeraldAWSSetup
import Testing

@Suite("Setup: the plan computed from what exists, without AWS")
struct AWSSetupPlanTests {
    let target = AWSSetupTarget(spec: try! AWSSetupSpec(name: "herald", webhookURL: "https://herald.example.org/aws/sns"), region: "eu-west-2", account: "123456789012")

    /// Everything as `herald setup aws` leaves it.
    var complete: AWSSetupState {
        AWSSetupState(
            eventDestinations: [SESEventDestination(name: "herald-sns", matchingEventTypes: AWSSetupSpec.eventTypes, snsTopicArn: target.topicArn)],
            topicExists: true,
            deadLetterQueue: .init(url: "https://sqs.eu-west-2.amazonaws.com/123456789012/herald-ses-events-dlq"),
            queue: .init(url: "https://sqs.eu-west-2.amazonaws.com/123456789012/herald-ses-events", attributes: [
                "Policy": QueuePolicy.adding(to: nil, topicArn: target.topicArn, queueArn: target.queueArn),
                "RedrivePolicy": #"{"deadLetterTargetArn":"\#(target.deadLetterQueueArn)","maxReceiveCount":"5"}"#,
            ]),
            subscriptions: [
                SNSSubscription(arn: "\(target.topicArn):q", protocol: "sqs", endpoint: target.queueArn),
                SNSSubscription(arn: "\(target.topicArn):w", protocol: "https", endpoint: "https://herald.example.org/aws/sns"),
                SNSSubscription(arn: "\(target.topicArn):x", protocol: "email", endpoint: "ops@example.org"),
            ],
            subscriptionAttributes: ["\(target.topicArn):q": ["RawMessageDelivery": "true"], "\(target.topicArn):w": ["RawMessageDelivery": "false"]]
        )
    }

    func step(_ resource: SetupStep.Resource, in state: AWSSetupState) throws -> SetupStep {
        try #require(AWSSetupPlan(target: target, state: state).steps.first { $0.resource == resource })
    }

    @Test func namesFollowTheBaseName() {
        #expect(target.topicArn == "arn:aws:sns:eu-west-2:123456789012:herald-ses-events")
        #expect(target.queueArn == "arn:aws:sqs:eu-west-2:123456789012:herald-ses-events")
        #expect(target.deadLetterQueueArn == "arn:aws:sqs:eu-west-2:123456789012:herald-ses-events-dlq")
        #expect(target.spec.eventDestination == "herald-sns")
        #expect(CallerIdentity(account: "1", arn: "arn:aws-cn:iam::1:user/a").partition == "aws-cn")
    }

    @Test func badSettingsAreRefused() {
        #expect(throws: AWSSetupSpecError.invalidName("my herald")) { try AWSSetupSpec(name: "my herald") }
        #expect(throws: AWSSetupSpecError.invalidName(String(repeating: "h", count: 41))) { try AWSSetupSpec(name: String(repeating: "h", count: 41)) }
        #expect(throws: AWSSetupSpecError.webhookNotHTTPS("http://herald.example.org/aws/sns")) {
            try AWSSetupSpec(name: "herald", webhookURL: "http://herald.example.org/aws/sns")
        }
    }

    @Test func nothingExistsSoEverythingIsCreatedInOrder() {
        let plan = AWSSetupPlan(target: target, state: .empty)
        #expect(plan.steps.map(\.resource) == SetupStep.Resource.allCases)
        #expect(plan.steps.allSatisfy { $0.status == .missing && $0.action != nil })
        let redrive = #"{"deadLetterTargetArn":"\#(target.deadLetterQueueArn)","maxReceiveCount":5}"#
        #expect(plan.steps.map(\.action) == [
            .createQueue(name: "herald-ses-events-dlq", attributes: ["MessageRetentionPeriod": "1209600"]),
            .createQueue(name: "herald-ses-events", attributes: [
                "VisibilityTimeout": "60", "ReceiveMessageWaitTimeSeconds": "20", "MessageRetentionPeriod": "1209600", "RedrivePolicy": redrive,
            ]),
            .createTopic("herald-ses-events"),
            .setQueueAttributes(queue: "herald-ses-events", attributes: ["Policy": QueuePolicy.adding(to: nil, topicArn: target.topicArn, queueArn: target.queueArn)]),
            .subscribe(topicArn: target.topicArn, protocol: "sqs", endpoint: target.queueArn, attributes: ["RawMessageDelivery": "true"]),
            .subscribe(topicArn: target.topicArn, protocol: "https", endpoint: "https://herald.example.org/aws/sns", attributes: [:]),
            .createConfigurationSet("herald"),
            .createEventDestination(SESEventDestination(name: "herald-sns", matchingEventTypes: AWSSetupSpec.eventTypes, snsTopicArn: target.topicArn),
                                    configurationSet: "herald"),
        ])
    }

    @Test func everythingInPlaceMeansNoChanges() {
        let plan = AWSSetupPlan(target: target, state: complete)
        #expect(!plan.hasChanges)
        #expect(plan.steps.allSatisfy { $0.status == .exists })
        #expect(plan.steps.first { $0.resource == .webhookSubscription }?.name == "\(target.topicArn):w")
    }

    @Test func withoutAWebhookThereIsNoWebhookStep() throws {
        let noWebhook = AWSSetupTarget(spec: try AWSSetupSpec(name: "herald"), region: "eu-west-2", account: "123456789012")
        #expect(!AWSSetupPlan(target: noWebhook, state: .empty).steps.contains { $0.resource == .webhookSubscription })
    }

    @Test func aMissingOrForeignQueuePolicyIsWrongAndMergedWithWhatIsThere() throws {
        var state = complete
        state.queue?.attributes["Policy"] = nil
        let missing = try step(.queuePolicy, in: state)
        #expect(missing.status == .wrong(["the queue has no policy, so SNS cannot deliver to it"]))

        let foreign = #"{"Version":"2012-10-17","Statement":[{"Sid":"ops","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sqs:*"}]}"#
        state.queue?.attributes["Policy"] = foreign
        let wrong = try step(.queuePolicy, in: state)
        #expect(wrong.status == .wrong(["the queue's policy does not let \(target.topicArn) send to it, so SNS cannot deliver to it"]))
        #expect(wrong.action == .setQueueAttributes(queue: "herald-ses-events", attributes: [
            "Policy": QueuePolicy.adding(to: foreign, topicArn: target.topicArn, queueArn: target.queueArn),
        ]))
    }

    @Test func anEventDestinationMissingTypesOrDisabledIsUpdatedUnderItsOwnName() throws {
        var state = complete
        state.eventDestinations = [SESEventDestination(name: "legacy", enabled: false, matchingEventTypes: ["bounce", "complaint", "delivery"], snsTopicArn: target.topicArn)]
        let found = try step(.eventDestination, in: state)
        #expect(found.status == .wrong([
            "it is disabled", "it does not publish send, reject, open, click, renderingFailure, deliveryDelay, subscription events",
        ]))
        #expect(found.action == .updateEventDestination(
            SESEventDestination(name: "legacy", matchingEventTypes: AWSSetupSpec.eventTypes, snsTopicArn: target.topicArn), configurationSet: "herald"))
    }

    @Test func anEventDestinationOfOurNameThatPublishesElsewhereIsWrong() throws {
        var state = complete
        state.eventDestinations = [SESEventDestination(name: "herald-sns", matchingEventTypes: AWSSetupSpec.eventTypes, snsTopicArn: "arn:aws:sns:eu-west-2:123456789012:old")]
        #expect(try step(.eventDestination, in: state).status == .wrong(["it publishes to arn:aws:sns:eu-west-2:123456789012:old, not to \(target.topicArn)"]))
        state.eventDestinations = []
        #expect(try step(.eventDestination, in: state).status == .missing)
        #expect(try step(.configurationSet, in: state).status == .exists)
    }

    @Test func aQueueWithoutRedriveToOurDeadLetterQueueIsWrong() throws {
        var state = complete
        state.queue?.attributes["RedrivePolicy"] = nil
        #expect(try step(.queue, in: state).status == .wrong(["it has no redrive policy, so a message Herald cannot read comes back forever"]))
        state.queue?.attributes["RedrivePolicy"] = #"{"deadLetterTargetArn":"arn:aws:sqs:eu-west-2:123456789012:elsewhere","maxReceiveCount":3}"#
        let elsewhere = try step(.queue, in: state)
        #expect(elsewhere.status == .wrong(["its redrive policy moves messages to arn:aws:sqs:eu-west-2:123456789012:elsewhere, not to \(target.deadLetterQueueArn)"]))
        #expect(elsewhere.action == .setQueueAttributes(queue: "herald-ses-events", attributes: [
            "RedrivePolicy": #"{"deadLetterTargetArn":"\#(target.deadLetterQueueArn)","maxReceiveCount":5}"#,
        ]))
    }

    @Test func subscriptionsWithTheWrongDeliveryAreFixed() throws {
        var state = complete
        state.subscriptionAttributes["\(target.topicArn):q"] = ["RawMessageDelivery": "false"]
        state.subscriptionAttributes["\(target.topicArn):w"] = ["RawMessageDelivery": "true"]
        #expect(try step(.queueSubscription, in: state).action == .setSubscriptionAttribute(subscriptionArn: "\(target.topicArn):q", name: "RawMessageDelivery", value: "true"))
        #expect(try step(.webhookSubscription, in: state).action == .setSubscriptionAttribute(subscriptionArn: "\(target.topicArn):w", name: "RawMessageDelivery", value: "false"))
    }

    @Test func aWebhookThatHasNotConfirmedIsAskedAgain() throws {
        var state = complete
        state.subscriptions[1].arn = "PendingConfirmation"
        let pending = try step(.webhookSubscription, in: state)
        guard case .wrong(let problems) = pending.status else { Issue.record("not wrong: \(pending.status)"); return }
        #expect(problems.first?.hasPrefix("it is not confirmed yet: run `herald serve --sns-topic-arn \(target.topicArn)`") == true)
        #expect(pending.action == .subscribe(topicArn: target.topicArn, protocol: "https", endpoint: "https://herald.example.org/aws/sns", attributes: [:]))
    }

    @Test func withoutTheTopicItsSubscriptionsAreMissing() throws {
        var state = complete
        state.topicExists = false
        #expect(try step(.queueSubscription, in: state).status == .missing)
        #expect(try step(.webhookSubscription, in: state).status == .missing)
    }

    @Test func redrivePoliciesAreReadAsSQSAndOtherToolsWriteThem() {
        #expect(RedrivePolicy(attribute: #"{"deadLetterTargetArn":"arn:x","maxReceiveCount":"7"}"#) == RedrivePolicy(deadLetterTargetArn: "arn:x", maxReceiveCount: 7))
        #expect(RedrivePolicy(attribute: #"{"deadLetterTargetArn":"arn:x","maxReceiveCount":7}"#)?.maxReceiveCount == 7)
        #expect(RedrivePolicy(attribute: #"{"maxReceiveCount":7}"#) == nil)
        #expect(RedrivePolicy(attribute: "") == nil)
    }
}
