import Foundation
import HeraldAWS
import HeraldAWSSetup
import HeraldTestSupport
import Testing

/// `herald setup aws` through the library against a real moto_server on loopback: what it creates, that a second
/// run changes nothing, that drift is reported and repaired, and what moto holds afterwards.
@Suite("Setup against moto_server", .enabled(if: Moto.endpoint != nil, "HERALD_TEST_AWS_ENDPOINT is not set"))
struct AWSSetupMotoTests {
    let client: AWSClient
    let setup: AWSSetup
    let spec: AWSSetupSpec

    init() throws {
        client = try Moto.client()
        setup = AWSSetup(client: client)
        spec = try AWSSetupSpec(name: "herald-\(UUID().uuidString.prefix(8).lowercased())", webhookURL: "https://127.0.0.1:9/aws/sns")
    }

    @Test func firstRunCreatesEverythingAndASecondChangesNothing() async throws {
        let first = try await setup.run(spec, dryRun: false)
        #expect(first.entries.map(\.outcome) == Array(repeating: "created", count: SetupStep.Resource.allCases.count))
        #expect(first.changed)
        let second = try await setup.run(spec, dryRun: false)
        #expect(second.entries.map(\.outcome) == Array(repeating: "existed", count: SetupStep.Resource.allCases.count))
        #expect(!second.changed)
        #expect(second.queueURL == first.queueURL)
        #expect(second.deadLetterQueueURL == first.deadLetterQueueURL)
        #expect(second.queueSubscriptionArn == first.queueSubscriptionArn)
        #expect(second.webhookSubscriptionArn == first.webhookSubscriptionArn)
        try await expectMotoHoldsTheSetUp(first)
    }

    @Test func dryRunPlansEverythingAndChangesNothing() async throws {
        let report = try await setup.run(spec, dryRun: true)
        #expect(report.entries.map(\.outcome) == Array(repeating: "missing", count: SetupStep.Resource.allCases.count))
        #expect(!report.changed)
        #expect(report.queueURL == nil)
        #expect(try await setup.inspect(report.target) == .empty)
    }

    @Test func driftIsReportedUnderDryRunThenRepaired() async throws {
        let created = try await setup.run(spec, dryRun: false)
        let queueURL = try #require(created.queueURL)
        let subscriptionArn = try #require(created.queueSubscriptionArn)
        try await SQS(client: client).setQueueAttributes(queueUrl: queueURL, ["Policy": ""])
        try await SNS(client: client).setSubscriptionAttribute(subscriptionArn, name: "RawMessageDelivery", value: "false")

        let checked = try await setup.run(spec, dryRun: true)
        #expect(outcomes(checked) == [.queuePolicy: "wrong", .queueSubscription: "wrong"])
        #expect(checked.entries.first { $0.step.resource == .queuePolicy }?.problems == ["the queue has no policy, so SNS cannot deliver to it"])
        #expect(try await SQS(client: client).queueAttributes(queueUrl: queueURL, names: ["Policy"])["Policy"] == nil)

        let repaired = try await setup.run(spec, dryRun: false)
        #expect(outcomes(repaired) == [.queuePolicy: "fixed", .queueSubscription: "fixed"])
        #expect(!(try await setup.run(spec, dryRun: false)).changed)
        try await expectMotoHoldsTheSetUp(repaired)
    }

    @Test func whatIsPublishedToTheTopicReachesTheQueueUnwrapped() async throws {
        let noWebhook = try AWSSetupSpec(name: spec.name)
        let report = try await setup.run(noWebhook, dryRun: false)
        let event = #"{"eventType":"Send","mail":{"messageId":"m-1"}}"# + "\n"
        _ = try await client.awsQuery(.sns, action: "Publish", version: "2010-03-31", parameters: [("TopicArn", report.target.topicArn), ("Message", event)])
        let received = try await SQS(client: client).receiveMessage(queueUrl: try #require(report.queueURL), waitTimeSeconds: 1)
        #expect(received.map(\.body) == [event])
    }

    /// The outcomes of the resources that did not simply exist.
    func outcomes(_ report: AWSSetupReport) -> [SetupStep.Resource: String] {
        Dictionary(uniqueKeysWithValues: report.entries.filter { $0.outcome != "existed" }.map { ($0.step.resource, $0.outcome) })
    }

    /// Reads back through the AWS APIs what moto recorded, and checks it is what Herald needs.
    func expectMotoHoldsTheSetUp(_ report: AWSSetupReport) async throws {
        let target = report.target
        #expect(target.account == "123456789012")
        let destinations = try #require(try await SES(client: client).eventDestinations(configurationSet: spec.configurationSet))
        #expect(destinations == [SESEventDestination(name: spec.eventDestination, matchingEventTypes: AWSSetupSpec.eventTypes, snsTopicArn: target.topicArn)])

        let sqs = SQS(client: client)
        let queueURL = try #require(report.queueURL)
        #expect(try await sqs.getQueueUrl(name: spec.queue) == queueURL)
        #expect(try await sqs.getQueueUrl(name: spec.deadLetterQueue) == report.deadLetterQueueURL)
        let attributes = try await sqs.queueAttributes(queueUrl: queueURL)
        #expect(attributes["QueueArn"] == target.queueArn)
        #expect(attributes["ReceiveMessageWaitTimeSeconds"] == "20")
        #expect(RedrivePolicy(attribute: attributes["RedrivePolicy"]) == RedrivePolicy(deadLetterTargetArn: target.deadLetterQueueArn, maxReceiveCount: 5))
        let policy = try #require(attributes["Policy"])
        #expect(policy.contains(target.topicArn))
        #expect(QueuePolicy.allows(policy, topicArn: target.topicArn, queueArn: target.queueArn))

        let sns = SNS(client: client)
        let subscriptions = try await sns.subscriptions(topicArn: target.topicArn)
        #expect(Set(subscriptions.map { "\($0.protocol) \($0.endpoint)" }) == ["sqs \(target.queueArn)", "https https://127.0.0.1:9/aws/sns"])
        let queueSubscription = try #require(subscriptions.first { $0.protocol == "sqs" })
        #expect(queueSubscription.arn == report.queueSubscriptionArn)
        #expect(try await sns.subscriptionAttributes(queueSubscription.arn)["RawMessageDelivery"] == "true")
        let webhook = try #require(subscriptions.first { $0.protocol == "https" })
        #expect(try await sns.subscriptionAttributes(webhook.arn)["RawMessageDelivery"] != "true")
    }
}
