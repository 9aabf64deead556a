import HeraldCore
import HeraldDelivery
import HeraldServer
import HeraldStore
import HeraldTestSupport
import Hummingbird
import HummingbirdTesting
import ServiceLifecycle

/// Runs Herald as `herald serve` wires it (the application and its background workers) on `store` for the length
/// of `body`, which gets the test client (through the router, or over a real socket with `.live`) and a Notify API
/// client holding the fixture's live key.
func withRunningHerald(
    store: HeraldStore, configuration: HeraldConfiguration, fixture: ServiceFixture, testing: TestingSetup = .router,
    _ body: @escaping @Sendable (any TestClientProtocol, APIClient) async throws -> Void
) async throws {
    let app = try buildApplication(store: store, configuration: configuration, logger: TestDatabase.logger)
    let workers = ServiceGroup(
        services: try backgroundServices(store: store, configuration: configuration, logger: TestDatabase.logger),
        gracefulShutdownSignals: [], logger: TestDatabase.logger
    )
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await workers.run() }
        try await app.test(testing) { client in
            try await body(client, APIClient(client: client, key: fixture.liveKey.keyString))
        }
        await workers.triggerGracefulShutdown()
        try await group.waitForAll()
    }
}

extension TestDatabase {
    /// Runs `body` against Herald running with its workers (the simulator delivering, polling every 20 ms) on a fresh
    /// store of this kind holding one service.
    func withRunningHerald(_ body: @escaping @Sendable (HeraldStore, ServiceFixture, APIClient) async throws -> Void) async throws {
        try await withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            var configuration = HeraldConfiguration(runsWorkers: false)
            configuration.worker.idlePoll = .milliseconds(20)
            try await HeraldServerTests.withRunningHerald(store: store, configuration: configuration, fixture: fixture) { _, api in
                try await body(store, fixture, api)
            }
        }
    }
}

extension APIClient {
    /// Polls `GET /v2/notifications/{id}` until the status is `expected` or 30 s pass (CI runs every suite at once on two cores); returns the last status seen.
    func waitForStatus(_ expected: String, of id: String) async throws -> String {
        let started = ContinuousClock.now
        var status = ""
        while ContinuousClock.now - started < .seconds(30) {
            status = try await get("/v2/notifications/\(id)").json["status"] as? String ?? ""
            if status == expected { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        return status
    }
}
