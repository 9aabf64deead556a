import Foundation
import Logging
import PostgresKit
import PostgresNIO
import SQLKit

/// The production engine: a pool of connections to one PostgreSQL database, shared by any number of Herald processes.
public final class PostgresEngine: DatabaseEngine {
    public let dialect = SQLDialectKind.postgres
    private let client: PostgresClient
    private let runTask: Task<Void, Never>
    private let logger: Logger

    /// Connects to `url` (`postgres://user:password@host:port/database?sslmode=disable|prefer|require`).
    public init(url: String, maximumConnections: Int = 20, logger: Logger) throws {
        var configuration = try Self.configuration(from: url)
        configuration.options.maximumConnections = maximumConnections
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        self.logger = logger
        // Started immediately so the client is running before the first query asks it for a connection.
        self.runTask = Task.immediate { await client.run() }
    }

    static func configuration(from url: String) throws -> PostgresClient.Configuration {
        guard let components = URLComponents(string: url),
            ["postgres", "postgresql"].contains(components.scheme ?? ""),
            let host = components.host, !host.isEmpty,
            let user = components.user
        else {
            throw DatabaseURLError(url: url)
        }
        let database = components.path.split(separator: "/").first.map(String.init)
        let mode = components.queryItems?.last { ["sslmode", "tlsmode"].contains($0.name) }?.value ?? "disable"
        let tls: PostgresClient.Configuration.TLS
        switch mode {
        case "disable": tls = .disable
        case "prefer", "allow": tls = .prefer(.makeClientConfiguration())
        case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
        default: throw DatabaseURLError(url: url)
        }
        return PostgresClient.Configuration(
            host: host,
            port: components.port ?? 5432,
            username: user.removingPercentEncoding ?? user,
            password: components.password?.removingPercentEncoding,
            database: database,
            tls: tls
        )
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            try await body(connection.sql(queryLogLevel: nil))
        }
    }

    public func autocommit<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await read(body)
    }

    /// When `body` throws and the transaction rolls back cleanly, its own error is rethrown (PostgresNIO wraps it in a
    /// `PostgresTransactionError`), so that callers see the same errors on both engines.
    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        do {
            return try await client.withTransaction(logger: logger) { connection in
                try await body(connection.sql(queryLogLevel: nil))
            }
        } catch let failure as PostgresTransactionError {
            guard let closureError = failure.closureError, failure.rollbackError == nil else { throw failure }
            throw closureError
        }
    }

    /// Runs `body` on a pooled connection, for PostgreSQL-only statements written with PostgresNIO itself.
    func withConnection<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await client.withConnection(body)
    }

    public func shutdown() async throws {
        runTask.cancel()
        await runTask.value
    }
}

/// A database URL Herald cannot use.
public struct DatabaseURLError: Error, CustomStringConvertible {
    public let url: String
    public var description: String {
        "cannot use database URL '\(url)': expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require] or a path to an SQLite file"
    }
}
