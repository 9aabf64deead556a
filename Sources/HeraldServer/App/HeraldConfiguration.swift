import Foundation
import HeraldDelivery

/// How `herald serve` and `herald worker` run (the database is opened separately and passed in). Every field has a
/// working default: with nothing set, Herald listens on 127.0.0.1:8080 and delivers through the simulator.
public struct HeraldConfiguration: Sendable {
    /// Which email provider delivers.
    public enum Provider: Sendable, Equatable {
        /// The SES mailbox simulator, offline (the default).
        case simulator
        /// `.eml` files written to a folder.
        case log(directory: String)
    }

    public var host: String
    public var port: Int
    public var provider: Provider
    /// A file the simulator appends one line per send to (for checking that nothing is sent twice).
    public var simulatorSendLog: String?
    /// Whether this process runs delivery workers and the feedback processor.
    public var runsWorkers: Bool
    public var worker: DeliveryWorkerConfiguration
    /// The SNS webhook at `POST /aws/sns`.
    public var sns = SNSWebhookConfiguration()

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
    public func makeProvider() throws -> any EmailProvider {
        switch provider {
        case .simulator: try SimulatorProvider(sendLogPath: simulatorSendLog)
        case .log(let directory): try LogProvider(directory: directory)
        }
    }
}
