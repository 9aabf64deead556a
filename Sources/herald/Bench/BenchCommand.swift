import ArgumentParser
import AsyncHTTPClient
import Foundation
import HeraldCore
import HeraldDelivery
import HeraldServer
import HeraldStore
import Hummingbird
import Logging
import NIOHTTP1
import ServiceLifecycle

/// `herald bench`: enqueue and drain personalised emails, print rates with same-run baselines.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure enqueue (store and HTTP) and delivery throughput against an empty database.",
        discussion: """
            Build in release mode first: swift run -c release herald bench --database postgres://… \
            Each figure is printed with a baseline measured in the same run: one transaction per notification \
            for the store path, GET /_status for HTTP, and the simulator alone (no database) for delivery.
            """
    )

    @Option(help: "An EMPTY database: a new SQLite path (default: a temporary file) or a postgres:// URL.") var database: String?
    @Option(help: "Notifications per phase.") var count = 50_000
    @Option(help: "Concurrent HTTP clients.") var clients = 64
    @Option(help: "Port for the HTTP phase (loopback).") var port = 18_080
    @Option(help: "Delivery loops in the worker.") var loops = 2
    @Option(help: "Jobs claimed per batch.") var batch = 500
    @Flag(help: "Skip the HTTP phase.") var skipHTTP = false
    @Option(help: "Seconds of HTTP load when wrk drives it.") var httpSeconds = 10
    @Flag(help: "Drive the HTTP phase with the built-in client even when wrk is installed.") var builtinClient = false
    @Flag(help: "Only enqueue --count notifications through the bulk store path and exit (for multi-process tests).") var seedOnly = false
    @Flag(help: "Also drain --count emails through the SES v2 provider to a fake SES endpoint on loopback.") var ses = false
    @Option(help: "Port for the fake SES endpoint (loopback).") var sesPort = 18_082

    func run() async throws {
        let (setting, logger) = benchDatabase(database, command: "bench")
        let store = try await HeraldStore.open(setting, logger: logger)
        guard try await store.backlog() == (0, 0), try await store.statusCounts().isEmpty else {
            try await store.shutdown()
            throw ValidationError("the benchmark needs an empty database; \(DatabaseOptions.redacted(setting)) already holds notifications")
        }
        let workload = try await BenchWorkload.create(in: store)
        print("herald bench: \(count) personalised emails per phase, engine \(store.dialect.rawValue), \(ProcessInfo.processInfo.activeProcessorCount) cores")

        if seedOnly {
            try await enqueueBulk(workload, into: store)
            print("seeded \(count) notifications for service \(workload.service.id.storageString)")
            try await store.shutdown()
            return
        }
        // Store path: bulk enqueue vs one transaction per notification.
        let baselineCount = min(2_000, count)
        let naive = try await elapsedSeconds {
            for i in 0..<baselineCount { _ = try await store.enqueue([try workload.notification(-1 - i)], priority: .bulk) }
        }
        let bulk = try await elapsedSeconds { try await enqueueBulk(workload, into: store) }
        report("enqueue, bulk store path", count: count, seconds: bulk, baseline: ("one transaction per notification", baselineCount, naive))
        let simulatorRate = try await drain(store: store, expected: count + baselineCount, logger: logger, label: "drain to simulator (store-path batch)")
        if ses {
            try await sesPhase(store: store, workload: workload, simulatorRate: simulatorRate, logger: logger)
        }

        if !skipHTTP {
            try await httpPhase(store: store, workload: workload, logger: logger)
        }
        print(String(format: "peak RSS: %.0f MiB (whole process: server, workers and load generator)", peakResidentMiB()))
        try await store.shutdown()
    }

    /// Renders and stores 5,000 at a time, two chunks in flight, so rendering one overlaps storing the other.
    private func enqueueBulk(_ workload: BenchWorkload, into store: HeraldStore) async throws {
        let count = self.count
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, start) in stride(from: 0, to: count, by: 5_000).enumerated() {
                if index >= 2 { try await group.next() }
                group.addTask {
                    let chunk = try (start..<min(start + 5_000, count)).map(workload.notification)
                    _ = try await store.enqueue(chunk, priority: .bulk)
                }
            }
            try await group.waitForAll()
        }
    }

    private func httpPhase(store: HeraldStore, workload: BenchWorkload, logger: Logger) async throws {
        let configuration = HeraldConfiguration(host: "127.0.0.1", port: port, runsWorkers: false)
        let app = try buildApplication(store: store, configuration: configuration, logger: logger)
        let server = ServiceGroup(services: [app], gracefulShutdownSignals: [], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            let load = HTTPLoad(baseURL: "http://127.0.0.1:\(port)", key: workload.key.keyString, clients: clients)
            try await waitForServer(load)
            let sent: Int
            if WrkLoad.isAvailable && !builtinClient {
                sent = try await wrkPhase(workload: workload, store: store)
            } else {
                sent = try await builtinPhase(load: load, workload: workload)
            }
            await server.triggerGracefulShutdown()
            try await group.waitForAll()
            try await drain(store: store, expected: sent, logger: logger, label: "drain to simulator (HTTP batch)")
        }
    }

    /// The HTTP phase driven by the built-in client: `count` sends; returns how many were stored.
    private func builtinPhase(load: HTTPLoad, workload: BenchWorkload) async throws -> Int {
        let statusCount = min(count, 20_000)
        let statusSeconds = try await load.run(count: statusCount, expecting: 200) { _ in (.GET, "/_status", nil) }
        let template = workload.template.id.storageString
        let sendSeconds = try await load.run(count: count, expecting: 201) { i in
            let values = BenchWorkload.personalisation(i)
            let body = JSONValue.object([
                ("email_address", .string(BenchWorkload.recipient(i))), ("template_id", .string(template)),
                ("personalisation", .object(values.map { ($0.key, .string($0.value)) })),
            ])
            return (.POST, "/v2/notifications/email", body.encoded())
        }
        report(
            "enqueue, HTTP API (\(clients) clients, JWT per request)", count: count, seconds: sendSeconds,
            baseline: ("GET /_status, same clients", statusCount, statusSeconds)
        )
        return count
    }

    /// The HTTP phase driven by wrk for `httpSeconds`; returns how many notifications it stored.
    private func wrkPhase(workload: BenchWorkload, store: HeraldStore) async throws -> Int {
        let wrk = WrkLoad(baseURL: "http://127.0.0.1:\(port)", key: workload.key.keyString, connections: clients, seconds: httpSeconds)
        let before = try await store.statusCounts().values.reduce(0, +)
        let status = try await wrk.run(path: "/_status", luaBody: nil)
        let template = workload.template.id.storageString
        let body = #"string.format('{"email_address":"member%d@example.org","template_id":"\#(template)","personalisation":{"name":"Member %d","number":"%d","date":"1 March"}}', n, n, 100000 + n)"#
        let sends = try await wrk.run(path: "/v2/notifications/email", luaBody: body)
        guard sends.failures == 0 else { throw BenchFailure("\(sends.failures) of \(sends.requests) sends got a non-2xx answer") }
        let stored = try await store.statusCounts().values.reduce(0, +) - before
        report(
            "enqueue, HTTP API (wrk, \(clients) connections, fresh JWT each second, checked per request; \(stored) stored)", count: sends.requests,
            seconds: sends.seconds, baseline: ("GET /_status, same load", status.requests, status.seconds)
        )
        // wrk stops at its deadline with requests in flight: the server may have stored a few it never saw answered.
        guard stored >= sends.requests else { throw BenchFailure("wrk completed \(sends.requests) sends but only \(stored) notifications were stored") }
        return stored
    }


    /// Enqueues `count` more and sends them through the real SES provider (MIME built, every request SigV4-signed,
    /// credentials and endpoint read from the environment as in production) to a fake SES endpoint in this process.
    private func sesPhase(store: HeraldStore, workload: BenchWorkload, simulatorRate: Double, logger: Logger) async throws {
        let endpoint = FakeSESEndpoint()
        let server = ServiceGroup(services: [endpoint.application(port: sesPort)], gracefulShutdownSignals: [], logger: logger)
        for (name, value) in [
            ("AWS_ENDPOINT_URL_SESV2", "http://127.0.0.1:\(sesPort)"), ("AWS_REGION", "eu-west-2"),
            ("AWS_ACCESS_KEY_ID", "AKIDBENCHMARK"), ("AWS_SECRET_ACCESS_KEY", "bench-secret"),
        ] {
            setenv(name, value, 1)
        }
        // The simulator phase's bounces suppressed the workload's bounce addresses: cleared, so that every email of
        // this phase reaches the endpoint and the figures compare like with like.
        for suppression in try await store.suppressions(serviceId: workload.service.id) {
            try await store.unsuppress(serviceId: workload.service.id, address: suppression.address)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            try await enqueueBulk(workload, into: store)
            var configuration = drainConfiguration()
            configuration.provider = .ses(configurationSet: "herald")
            let seconds = try await runWorkers(store: store, configuration: configuration, logger: logger)
            await server.triggerGracefulShutdown()
            try await group.waitForAll()
            guard endpoint.sendCount == count else { throw BenchFailure("the fake SES endpoint took \(endpoint.sendCount) of \(count) emails") }
            let rate = Double(count) / seconds
            print(String(
                format: "drain through SES v2 (MIME, SigV4, HTTP to a fake endpoint on loopback): %d in %.2f s = %.0f/s; simulator drain above: %.0f/s; ratio %.2f",
                count, seconds, rate, simulatorRate, rate / simulatorRate
            ))
        }
    }

    /// The workers' configuration for every drain of the benchmark.
    private func drainConfiguration() -> HeraldConfiguration {
        var configuration = HeraldConfiguration()
        configuration.worker.loops = loops
        configuration.worker.batchSize = batch
        configuration.worker.concurrency = 256
        configuration.worker.idlePoll = .milliseconds(20)
        return configuration
    }

    /// Runs the workers and the feedback processor until the queue and the inbox are empty; returns the seconds.
    private func runWorkers(store: HeraldStore, configuration: HeraldConfiguration, logger: Logger) async throws -> Double {
        let workers = ServiceGroup(
            services: try backgroundServices(store: store, configuration: configuration, logger: logger), gracefulShutdownSignals: [], logger: logger
        )
        return try await withThrowingTaskGroup(of: Void.self) { group in
            let started = ContinuousClock.now
            group.addTask { try await workers.run() }
            while try await !store.isIdle() {
                try await Task.sleep(for: .milliseconds(50))
            }
            let elapsed = ContinuousClock.now - started
            await workers.triggerGracefulShutdown()
            try await group.waitForAll()
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
    }

    /// Delivers everything queued to the simulator, checks every notification is final, and reports the rate
    /// (emails per second, which it returns) against the simulator alone.
    @discardableResult
    private func drain(store: HeraldStore, expected: Int, logger: Logger, label: String) async throws -> Double {
        let provider = try SimulatorProvider()
        let sample = min(expected, 20_000)
        let providerOnly = try await elapsedSeconds {
            for i in 0..<sample {
                _ = try await provider.send(OutgoingEmail(
                    notificationId: UUID(), serviceId: UUID(), from: "bench@herald.local", to: BenchWorkload.recipient(i), subject: "s", textBody: "b"
                ))
            }
        }
        // Emails sent through SES by an earlier phase stay `sending` (no events come back from the fake endpoint).
        let sendingBefore = try await store.statusCounts()[.sending] ?? 0
        let seconds = try await runWorkers(store: store, configuration: drainConfiguration(), logger: logger)
        let counts = try await store.statusCounts()
        let open = (counts[.created] ?? 0) + (counts[.sending] ?? 0) - sendingBefore
        guard open == 0 else { throw BenchFailure("\(open) notifications did not reach a final status") }
        report(label, count: expected, seconds: seconds, baseline: ("simulator alone, no database", sample, providerOnly))
        print("  statuses: " + counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: " "))
        return Double(expected) / seconds
    }

    private func report(_ label: String, count: Int, seconds: Double, baseline: (String, Int, Double)) {
        let rate = Double(count) / seconds
        let baseRate = Double(baseline.1) / baseline.2
        print(String(
            format: "%@: %d in %.2f s = %.0f/s; baseline %@: %.0f/s; ratio %.2f", label, count, seconds, rate, baseline.0, baseRate, rate / baseRate
        ))
    }
}
