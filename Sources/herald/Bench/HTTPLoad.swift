import AsyncHTTPClient
import Foundation
import HeraldServer
import NIOCore
import NIOHTTP1

/// Concurrent HTTP clients on loopback, each request with a freshly signed JWT as Notify's clients send.
struct HTTPLoad {
    let baseURL: String
    let key: String
    let clients: Int

    /// Sends `count` requests made by `request(i)` from `clients` concurrent loops; returns the seconds taken.
    func run(count: Int, expecting status: Int, _ request: @escaping @Sendable (Int) -> (method: HTTPMethod, path: String, body: [UInt8]?)) async throws -> Double {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: clients)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let next = NextIndex(limit: count)
        let started = ContinuousClock.now
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<clients {
                    group.addTask {
                        while let i = await next.take() {
                            let spec = request(i)
                            var http = HTTPClientRequest(url: baseURL + spec.path)
                            http.method = spec.method
                            http.headers.add(name: "Content-Type", value: "application/json")
                            http.headers.add(name: "Authorization", value: ClientToken.bearer(forKey: key) ?? "")
                            if let body = spec.body { http.body = .bytes(ByteBuffer(bytes: body)) }
                            let response = try await client.execute(http, timeout: .seconds(30))
                            let bytes = try await response.body.collect(upTo: 1 << 20)
                            guard Int(response.status.code) == status else {
                                throw BenchFailure("HTTP \(response.status.code) for request \(i): \(String(buffer: bytes))")
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
        let elapsed = ContinuousClock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

/// Hands out request numbers 0..<limit to concurrent loops.
actor NextIndex {
    private var value = 0
    private let limit: Int
    init(limit: Int) { self.limit = limit }
    func take() -> Int? {
        guard value < limit else { return nil }
        defer { value += 1 }
        return value
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
