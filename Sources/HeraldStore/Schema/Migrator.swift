import Foundation
import Logging
import SQLKit

/// Brings a database up to the newest schema. Safe to run from several processes at once: each step runs in a
/// transaction that first takes a database-wide lock (PostgreSQL advisory lock; SQLite's write lock).
struct Migrator {
    let engine: any DatabaseEngine
    let logger: Logger

    /// Applies every step not yet applied; returns the versions it applied.
    @discardableResult
    func migrate() async throws -> [Int] {
        let dialect = engine.dialect
        let logger = self.logger
        return try await engine.transaction { db in
            if dialect == .postgres {
                try await db.raw("SELECT pg_advisory_xact_lock(7243001)").run()
            }
            try await db.raw(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)"
            ).run()
            let applied = Set(try await db.raw("SELECT version FROM schema_migrations").all(decodingColumn: "version", as: Int.self))
            var newlyApplied: [Int] = []
            for migration in Migrations.all where !applied.contains(migration.version) {
                for statement in migration.sql(for: dialect) {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await db.raw(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: Date().microsecondsSinceEpoch))"
                ).run()
                logger.info("applied schema migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
                newlyApplied.append(migration.version)
            }
            return newlyApplied
        }
    }
}
