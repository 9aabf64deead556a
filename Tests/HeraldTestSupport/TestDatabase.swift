import Foundation
import HeraldCore
import HeraldStore
import Logging
import SQLKit

/// The database engines every behavioural test runs against.
///
/// SQLite always; PostgreSQL when `HERALD_TEST_POSTGRES_URL` names a server (`scripts/test` starts one and sets
/// it, together with `HERALD_TEST_REQUIRE_POSTGRES=1` so that a missing server fails the run instead of
/// silently testing SQLite alone).
public enum TestDatabase: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite
    case postgres

    public var description: String { rawValue }

    static var postgresURL: String? { ProcessInfo.processInfo.environment["HERALD_TEST_POSTGRES_URL"] }

    /// The engines available in this run.
    public static var available: [TestDatabase] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    public static let logger: Logger = {
        var logger = Logger(label: "herald.test")
        logger.logLevel = .warning
        return logger
    }()

    /// Runs `body` with a freshly migrated, empty store of this kind, then removes it.
    public func withStore<T: Sendable>(_ body: @Sendable (HeraldStore) async throws -> T) async throws -> T {
        try await withStores(1) { stores in try await body(stores[0]) }
    }

    /// Runs `body` with `count` stores open on one freshly migrated, empty database of this kind, as that many
    /// processes would share it; then shuts every store down, whether `body` returned or threw, and removes the
    /// database.
    public func withStores<T: Sendable>(_ count: Int, _ body: @Sendable ([HeraldStore]) async throws -> T) async throws -> T {
        let (setting, cleanup) = try await makeEmptyDatabase()
        var stores: [HeraldStore] = []
        do {
            for index in 0..<count {
                stores.append(try await HeraldStore.open(setting, migrate: index == 0, logger: Self.logger))
            }
            let result = try await body(stores)
            for store in stores { try await store.shutdown() }
            try await cleanup()
            return result
        } catch {
            // In a task of its own: a test cancelled by its time limit still closes its connections (SQLiteNIO traps
            // on a connection deinitialised open, which would end the whole run).
            let opened = stores
            await Task {
                for store in opened { try? await store.shutdown() }
                try? await cleanup()
            }.value
            throw error
        }
    }

    /// A setting (path or URL) naming a new empty database, and how to remove it.
    public func makeEmptyDatabase() async throws -> (setting: String, cleanup: @Sendable () async throws -> Void) {
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            return (directory.appendingPathComponent("herald.sqlite").path, { try FileManager.default.removeItem(at: directory) })
        case .postgres:
            guard let url = Self.postgresURL, var components = URLComponents(string: url) else {
                throw MissingPostgres()
            }
            let name = "herald_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16))"
            let admin = try PostgresEngine(url: url, maximumConnections: 1, logger: Self.logger)
            try await admin.read { db in try await db.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
            try await admin.shutdown()
            components.path = "/\(name)"
            let setting = components.string ?? url
            return (setting, {
                let admin = try PostgresEngine(url: url, maximumConnections: 1, logger: Self.logger)
                try await admin.read { db in try await db.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run() }
                try await admin.shutdown()
            })
        }
    }
}

/// PostgreSQL tests were requested but no server was named.
public struct MissingPostgres: Error, CustomStringConvertible {
    public var description: String { "HERALD_TEST_POSTGRES_URL is not set: run the suite with scripts/test, which starts PostgreSQL" }
}
