import AsyncHTTPClient
import Foundation
import HeraldAWS
import HeraldDelivery
import HeraldFeedback
import HeraldSMTP
import HeraldStore
import Logging

/// How `herald serve` and `herald worker` run (the database is opened separately and passed in). Every field has a
/// working default: with nothing set, Herald listens on 127.0.0.1:8080 and delivers through the simulator.
public struct HeraldConfiguration: Sendable {
    /// Which email provider delivers.
    public enum Provider: Sendable, Equatable {
        /// The SES mailbox simulator, offline (the default).
        case simulator
        /// `.eml` files written to a folder.
        case log(directory: String)
        /// Amazon SES API v2, with credentials, region and endpoint from the environment as the AWS CLI reads them,
        /// publishing events through `configurationSet` when one is named.
        case ses(configurationSet: String?)
        /// An SMTP server (`--smtp-url`), with a pool of reused connections.
        case smtp(SMTPConfiguration)
    }

    public var host: String
    public var port: Int
    /// The URL people reach this Herald at (behind a proxy, its public https address), for the links it puts in
    /// mail; default `http://{host}:{port}/`.
    public var publicURL: String {
        get { worker.publicURL ?? "http://\(host):\(port)/" }
        set { worker.publicURL = newValue }
    }
    public var provider: Provider
    /// A file the simulator appends one line per send to (for checking that nothing is sent twice).
    public var simulatorSendLog: String?
    /// Whether this process runs delivery workers, the feedback processor and the feedback queue's consumer.
    public var runsWorkers: Bool
    public var worker: DeliveryWorkerConfiguration
    /// How delivery-status callbacks to services' apps are retried.
    public var callbacks = CallbackPolicy()
    /// Text messages: the home country for national numbers and the provider.
    public var sms = SMSSettings()
    /// The SNS webhook at `POST /aws/sns`.
    public var sns = SNSWebhookConfiguration()
    /// The SQS queue SES feedback arrives on (AWS settings from the environment, as for `.ses`); none by default.
    public var feedbackQueueURL: String?
    /// How many long polls of `feedbackQueueURL` run at once.
    public var feedbackQueuePollers = 2
    /// When bounce and complaint rates are warned about.
    public var reputation = ReputationPolicy()
    /// Writes the process's metrics in Prometheus's text format for `GET /metrics`; none serves no such route.
    public var metricsExposition: (@Sendable () -> [UInt8])?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, provider: Provider = .simulator,
        simulatorSendLog: String? = nil, runsWorkers: Bool = true, worker: DeliveryWorkerConfiguration = .init()
    ) {
        self.host = host
        self.port = port
        self.provider = provider
        self.simulatorSendLog = simulatorSendLog
        self.runsWorkers = runsWorkers
        self.worker = worker
    }

    /// Builds the configured provider.
    public func makeProvider(logger: Logger) throws -> any EmailProvider {
        switch provider {
        case .simulator:
            return try SimulatorProvider(sendLogPath: simulatorSendLog)
        case .log(let directory):
            return try LogProvider(directory: directory)
        case .ses(let configurationSet):
            return SESEmailProvider(ses: SESv2(client: try makeAWSClient(logger: logger)), configurationSet: configurationSet, logger: logger)
        case .smtp(let configuration):
            return SMTPEmailProvider(client: try SMTPClient(configuration: configuration))
        }
    }

    /// Builds the configured text message provider.
    public func makeSMSProvider(logger: Logger) throws -> any SMSProvider {
        try sms.makeProvider { try makeAWSClient(logger: logger) }
    }

    /// Builds the consumer of `feedbackQueueURL`, or nil when no queue is configured.
    public func makeFeedbackConsumer(store: HeraldStore, logger: Logger) throws -> SQSFeedbackConsumer? {
        guard let feedbackQueueURL else { return nil }
        return SQSFeedbackConsumer(
            sqs: SQS(client: try makeAWSClient(logger: logger)), store: store,
            configuration: SQSFeedbackConsumerConfiguration(queueURL: feedbackQueueURL, pollers: feedbackQueuePollers), logger: logger
        )
    }

    private func makeAWSClient(logger: Logger) throws -> AWSClient {
        let aws = try AWSConfiguration.resolve(environment: ProcessInfo.processInfo.environment)
        return AWSClient(configuration: aws, httpClient: .shared, logger: logger)
    }
}
