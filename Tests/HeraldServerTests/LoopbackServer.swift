import HeraldTestSupport
import Hummingbird
import HummingbirdCore
import ServiceLifecycle
import Testing

/// Runs a Hummingbird server for `router` on 127.0.0.1, on a port the system picks, for the length of `body`, which
/// gets the port.
func withLoopbackServer(
    router: Router<BasicRequestContext>, server: HTTPServerBuilder = .http1(), _ body: (Int) async throws -> Void
) async throws {
    let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
    let app = Application(
        router: router, server: server, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
        onServerRunning: { portContinuation.yield($0.localAddress?.port ?? 0) }, logger: TestDatabase.logger
    )
    let servers = ServiceGroup(services: [app], gracefulShutdownSignals: [], logger: TestDatabase.logger)
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await servers.run() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        do {
            try await body(port)
        } catch {
            await servers.triggerGracefulShutdown()
            throw error
        }
        await servers.triggerGracefulShutdown()
        try await group.waitForAll()
    }
}
