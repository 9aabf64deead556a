import ArgumentParser
import HeraldCore
import Foundation
import HeraldDelivery
import HeraldFeedback
import HeraldServer
import HeraldSMTP
import HeraldStore
import Logging
import Metrics
import Prometheus

/// Where Herald keeps its state; shared by every command.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "SQLite file path or postgres://USER:PASSWORD@HOST:PORT/DB URL.",
            discussion: "Defaults to $HERALD_DATABASE_URL, else ./herald.sqlite (created if missing)."
        )
    )
    var database: String?

    var setting: String {
        database ?? ProcessInfo.processInfo.environment["HERALD_DATABASE_URL"] ?? "herald.sqlite"
    }

    /// Opens and migrates the store; errors say what to check.
    func openStore(logger: Logger) async throws -> HeraldStore {
        do {
            return try await HeraldStore.open(setting, logger: logger)
        } catch {
            throw ValidationError("cannot open database \(Self.redacted(setting)): \(error)")
        }
    }

    /// The setting with any password replaced, for messages.
    static func redacted(_ setting: String) -> String {
        guard var components = URLComponents(string: setting), components.password != nil else { return setting }
        components.password = "****"
        return components.string ?? setting
    }
}

/// The `--json` switch: one JSON object on standard output instead of prose.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print one JSON object for scripts instead of text for people.")
    var json = false

    /// Prints `object` as JSON, or `text` for a person.
    func emit(_ object: JSONValue, text: @autoclosure () -> String) {
        if json {
            print(String(decoding: object.encoded(), as: UTF8.self))
        } else {
            print(text())
        }
    }
}

/// Settings of the processes that deliver: `serve` and `worker`.
struct DeliveryOptions: ParsableArguments {
    @Option(help: """
        Email provider: 'simulator' (offline SES mailbox simulator), 'log' (write .eml files to --outbox), 'ses' \
        (Amazon SES v2; AWS credentials, region and endpoint from the environment or ~/.aws, as the AWS CLI reads them) \
        or 'smtp' (the server in --smtp-url).
        """)
    var provider = ProcessInfo.processInfo.environment["HERALD_PROVIDER"] ?? "simulator"

    @Option(help: "Folder for the 'log' provider's .eml files.")
    var outbox = ProcessInfo.processInfo.environment["HERALD_OUTBOX"] ?? "outbox"

    @Option(help: "File the simulator appends one line per send to (to audit duplicates). Default: $HERALD_SIMULATOR_SEND_LOG.")
    var sendLog: String?

    @Option(help: "SES configuration set that publishes events (default: $HERALD_SES_CONFIGURATION_SET).")
    var sesConfigurationSet: String?

    @Option(name: .customLong("smtp-url"), help: """
        SMTP server for 'smtp': smtp://USER:PASSWORD@HOST:PORT?starttls=required|opportunistic|off or smtps://… for TLS \
        from the start; more: auth=plain|login, timeout=SECONDS, pool=N (default: $HERALD_SMTP_URL).
        """)
    var smtpURL: String?

    @Option(name: .customLong("smtp-ca-file"), help: "PEM file of CA certificates to trust for the SMTP server instead of the system's.")
    var smtpCAFile: String?

    @Option(help: "Most emails per second across every worker on this database (default: SES's MaxSendRate for 'ses', else unpaced).")
    var sendRate: Double?

    @Option(help: "Sends in flight at once per worker loop.")
    var concurrency = 64

    @Option(help: "Seconds a claimed job stays leased before another worker may take it.")
    var lease: Double = 60

    @Option(help: "Where this Herald runs; anything but 'production' keeps real sends to --playpen-allow (default: $HERALD_ENVIRONMENT, else development).")
    var environment = ProcessInfo.processInfo.environment["HERALD_ENVIRONMENT"] ?? "development"

    @Option(help: "Outside production, a recipient that may get real messages: an address, a domain or an E.164 number (repeatable; default: $HERALD_PLAYPEN_ALLOW, comma-separated).")
    var playpenAllow: [String] = []

    @Option(help: "Soft bounces that suppress an address when they happen within --soft-bounce-window days.")
    var softBounceLimit = 3

    @Option(help: "Days within which --soft-bounce-limit soft bounces suppress an address.")
    var softBounceWindow: Double = 7

    @Option(help: "Bounce rate, in percent of emails sent in the last 24 hours, at which a service's rate is logged as a warning (SES reviews accounts around 5%).")
    var bounceRateWarning: Double = 5

    @Option(help: "Complaint rate, in percent, at which a service's rate is logged as a warning (SES reviews accounts around 0.1%).")
    var complaintRateWarning: Double = 0.1

    @Option(name: .customLong("public-url"), help: "The https address people reach Herald at, for one-click unsubscribe links in bulk mail (default: $HERALD_PUBLIC_URL; without it, only mail whose client gave one_click_unsubscribe_url has a link).")
    var publicURL: String?

    @Option(name: .customLong("feedback-queue-url"), help: "SQS queue URL to read SES feedback from, with AWS settings as for 'ses' (default: $HERALD_FEEDBACK_QUEUE_URL).")
    var feedbackQueueURL: String?

    func apply(to configuration: inout HeraldConfiguration) throws {
        switch provider {
        case "simulator": configuration.provider = .simulator
        case "log": configuration.provider = .log(directory: outbox)
        case "ses":
            configuration.provider = .ses(
                configurationSet: sesConfigurationSet ?? ProcessInfo.processInfo.environment["HERALD_SES_CONFIGURATION_SET"]
            )
        case "smtp": configuration.provider = .smtp(try smtpConfiguration())
        default: throw ValidationError("unknown provider '\(provider)': use 'simulator', 'log', 'ses' or 'smtp'")
        }
        if let sendRate {
            guard sendRate > 0 else { throw ValidationError("--send-rate must be more than 0") }
            configuration.worker.maxSendRate = sendRate
        }
        configuration.simulatorSendLog = sendLog ?? ProcessInfo.processInfo.environment["HERALD_SIMULATOR_SEND_LOG"]
        configuration.worker.concurrency = concurrency
        configuration.worker.lease = lease
        let allowed = playpenAllow.isEmpty ? (ProcessInfo.processInfo.environment["HERALD_PLAYPEN_ALLOW"] ?? "").split(separator: ",").map(String.init) : playpenAllow
        configuration.worker.playpen = Playpen.forEnvironment(environment, allowed: allowed)
        guard softBounceLimit > 0, softBounceWindow > 0 else { throw ValidationError("--soft-bounce-limit and --soft-bounce-window must be more than 0") }
        configuration.worker.softBounces = SoftBouncePolicy(limit: softBounceLimit, window: softBounceWindow * 86_400)
        guard (0...100).contains(bounceRateWarning), (0...100).contains(complaintRateWarning) else {
            throw ValidationError("--bounce-rate-warning and --complaint-rate-warning are percentages from 0 to 100")
        }
        configuration.reputation.bounceRateWarning = bounceRateWarning / 100
        configuration.reputation.complaintRateWarning = complaintRateWarning / 100
        if let publicURL = publicURL ?? ProcessInfo.processInfo.environment["HERALD_PUBLIC_URL"] {
            guard let url = URL(string: publicURL), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                throw ValidationError("--public-url must be an http(s) URL, e.g. https://herald.example.org/")
            }
            configuration.publicURL = publicURL.hasSuffix("/") ? publicURL : publicURL + "/"
        }
        configuration.feedbackQueueURL = feedbackQueueURL ?? ProcessInfo.processInfo.environment["HERALD_FEEDBACK_QUEUE_URL"]
    }
}

extension DeliveryOptions {
    /// `--smtp-url` (else $HERALD_SMTP_URL) with `--smtp-ca-file` applied.
    func smtpConfiguration() throws -> SMTPConfiguration {
        guard let url = smtpURL ?? ProcessInfo.processInfo.environment["HERALD_SMTP_URL"] else {
            throw ValidationError("--provider smtp needs --smtp-url (or $HERALD_SMTP_URL)")
        }
        var configuration: SMTPConfiguration
        do {
            configuration = try SMTPConfiguration(url: url)
        } catch {
            throw ValidationError("--smtp-url \(DatabaseOptions.redacted(url)): \(error)")
        }
        configuration.trustedCAFile = smtpCAFile ?? configuration.trustedCAFile
        return configuration
    }
}

/// Sets up swift-metrics once per process with a Prometheus registry; returns what `GET /metrics` serves.
func makeMetricsExposition() -> @Sendable () -> [UInt8] {
    let registry = MetricsBootstrap.registry
    return { registry.emitToBuffer() }
}

private enum MetricsBootstrap {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()
}

/// Sets up swift-log once per process: human-readable lines on standard error, level from $HERALD_LOG_LEVEL.
func makeLogger(_ label: String) -> Logger {
    LoggingBootstrap.once
    var logger = Logger(label: label)
    logger.logLevel = ProcessInfo.processInfo.environment["HERALD_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
    return logger
}

private enum LoggingBootstrap {
    static let once: Void = LoggingSystem.bootstrap(StreamLogHandler.standardError)
}
