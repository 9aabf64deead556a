import ArgumentParser
import HeraldCore
import HeraldDelivery
import Logging
import UnixSignals
import HeraldServer
import HeraldStore
import Hummingbird
import ServiceLifecycle

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP API together with delivery workers.",
        discussion: "Stops cleanly on SIGTERM or Ctrl-C: in-flight deliveries finish and are recorded first."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var delivery: DeliveryOptions
    @OptionGroup var sms: SMSOptions
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Flag(help: "Serve the API only; leave delivery to `herald worker` processes.") var noWorkers = false
    @Option(
        name: .customLong("sns-topic-arn"),
        help: "An SNS topic whose signed deliveries POST /aws/sns accepts and whose subscription it confirms (repeatable)."
    )
    var snsTopicARNs: [String] = []

    func run() async throws {
        let logger = makeLogger("herald")
        var configuration = HeraldConfiguration(host: host, port: port, runsWorkers: !noWorkers)
        // Settings first, before the store opens, so a bad setting cannot leave it unclosed.
        try delivery.apply(to: &configuration)
        try sms.apply(to: &configuration)
        let store = try await database.openStore(logger: logger)
        configuration.sns.topicARNs = Set(snsTopicARNs)
        configuration.metricsExposition = makeMetricsExposition()
        logger.info("Herald starting", metadata: ["database": "\(DatabaseOptions.redacted(database.setting))", "port": "\(port)"])
        let app = try buildApplication(store: store, configuration: configuration, logger: logger)
        try await app.runService()
        try await store.shutdown()
    }
}

struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run delivery workers only (no HTTP). Run several against one PostgreSQL to scale out.",
        discussion: "Workers never claim the same job twice; a killed worker's jobs return to the queue when their lease runs out."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var delivery: DeliveryOptions
    @OptionGroup var sms: SMSOptions

    func run() async throws {
        let logger = makeLogger("herald.worker")
        var configuration = HeraldConfiguration()
        // Settings first, before the store opens, so a bad setting cannot leave it unclosed.
        try delivery.apply(to: &configuration)
        try sms.apply(to: &configuration)
        let store = try await database.openStore(logger: logger)
        let group = ServiceGroup(
            services: try backgroundServices(store: store, configuration: configuration, logger: logger),
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        try await group.run()
        try await store.shutdown()
    }
}

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or upgrade the database schema (other commands do this too, on start)."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let logger = makeLogger("herald")
        let store = try await HeraldStore.open(database.setting, migrate: false, logger: logger)
        let applied = try await store.migrate()
        try await store.shutdown()
        output.emit(
            ["applied": .array(applied.map(JSONValue.int))],
            text: applied.isEmpty ? "Schema is up to date." : "Applied migrations: \(applied.map(String.init).joined(separator: ", "))"
        )
    }
}
