import ArgumentParser
import AsyncHTTPClient
import Foundation
import HeraldAWS
import HeraldAWSSetup
import HeraldCore

struct SetupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Create or check what Herald needs outside itself.",
        subcommands: [AWSSetupCommand.self]
    )
}

struct AWSSetupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aws",
        abstract: "Create or check the SES configuration set, SNS topic and SQS queues that bring SES's events to Herald.",
        discussion: """
            Creates what is missing and fixes what is wrong, and says which: the SES configuration set NAME publishing \
            every event type to the SNS topic NAME-ses-events, the SQS queue NAME-ses-events (raw delivery, redrive to \
            NAME-ses-events-dlq after 5 receives) with the policy that lets the topic send to it, and with --webhook-url \
            an HTTPS subscription of Herald's POST /aws/sns. Running it again changes nothing. AWS credentials, region \
            and endpoints come from the environment or ~/.aws, as for --provider ses. deploy/herald-aws.yaml creates \
            the same with CloudFormation.
            """
    )

    @Option(help: "Base name of the resources (letters, digits, '-', '_').") var name = "herald"
    @Option(help: "AWS region (default: $AWS_REGION, $AWS_DEFAULT_REGION or the profile's).") var region: String?
    @Option(name: .customLong("webhook-url"), help: "Also subscribe this https URL of Herald's POST /aws/sns to the topic.")
    var webhookURL: String?
    @Flag(help: "Print what would be created or fixed; change nothing.") var dryRun = false
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let spec: AWSSetupSpec
        let configuration: AWSConfiguration
        do {
            spec = try AWSSetupSpec(name: name, webhookURL: webhookURL)
            var environment = ProcessInfo.processInfo.environment
            if let region { environment["AWS_REGION"] = region }
            configuration = try AWSConfiguration.resolve(environment: environment)
        } catch {
            throw ValidationError("\(error)")
        }
        let client = AWSClient(configuration: configuration, httpClient: .shared, logger: makeLogger("herald.setup"))
        let report: AWSSetupReport
        do throws(AWSSetupError) {
            report = try await AWSSetup(client: client).run(spec, dryRun: dryRun)
        } catch {
            let lines = error.done.flatMap(\.lines) + ["herald setup aws: \(error)", ""]
            FileHandle.standardError.write(Data(lines.joined(separator: "\n").utf8))
            throw ExitCode.failure
        }
        output.emit(Self.json(report), text: Self.text(report))
    }

    static func json(_ report: AWSSetupReport) -> JSONValue {
        let target = report.target
        let eventDestination = report.entries.first { $0.step.resource == .eventDestination }?.step.name
        var members: [(String, JSONValue)] = [
            ("configuration_set", .string(target.spec.configurationSet)), ("event_destination", .optional(eventDestination)),
            ("topic_arn", .string(target.topicArn)), ("queue_url", .optional(report.queueURL)), ("queue_arn", .string(target.queueArn)),
            ("dead_letter_queue_url", .optional(report.deadLetterQueueURL)), ("dead_letter_queue_arn", .string(target.deadLetterQueueArn)),
            ("queue_subscription_arn", .optional(report.queueSubscriptionArn)),
        ]
        if target.spec.webhookURL != nil { members.append(("webhook_subscription_arn", .optional(report.webhookSubscriptionArn))) }
        members += [
            ("region", .string(target.region)), ("account", .string(target.account)), ("dry_run", .bool(report.dryRun)), ("changed", .bool(report.changed)),
            ("resources", .array(report.entries.map { entry in
                ["resource": .string(entry.step.resource.rawValue), "name": .string(entry.step.name), "outcome": .string(entry.outcome),
                 "problems": .strings(entry.problems)]
            })),
        ]
        return .object(members)
    }

    static func text(_ report: AWSSetupReport) -> String {
        let target = report.target
        let heading = "AWS account \(target.account), region \(target.region)" + (report.dryRun ? " (dry run: nothing was changed)" : "")
        var lines = [heading] + report.lines
        if !report.dryRun, !report.changed { lines.append("Everything existed as wanted; nothing was changed.") }
        lines += [
            "", "Give Herald (serve and worker):", "  HERALD_PROVIDER=ses", "  HERALD_SES_CONFIGURATION_SET=\(target.spec.configurationSet)",
            "  HERALD_FEEDBACK_QUEUE_URL=\(report.queueURL ?? "<the queue's URL, once it is created>")",
        ]
        if target.spec.webhookURL != nil { lines.append("  and run `herald serve --sns-topic-arn \(target.topicArn)` so the webhook accepts the topic") }
        return lines.joined(separator: "\n")
    }
}
