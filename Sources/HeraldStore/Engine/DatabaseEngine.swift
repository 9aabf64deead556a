import SQLKit

/// The SQL dialects Herald runs on.
public enum SQLDialectKind: String, Sendable {
    case sqlite
    case postgres
}

/// A database Herald can keep its state in: runs reads and transactions, handing out an `SQLDatabase`.
///
/// Herald's queries are written once over SQLKit; an engine only knows how to connect, how to run a
/// transaction and which dialect it speaks. ``SQLiteEngine`` is the embedded default, ``PostgresEngine``
/// the production one.
public protocol DatabaseEngine: Sendable {
    var dialect: SQLDialectKind { get }
    /// Runs `body` outside a transaction (each statement sees committed data).
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs `body` on a writing connection without an explicit transaction: each statement commits on its own.
    /// For a single statement that is atomic by itself, this saves the round trips of `BEGIN` and `COMMIT`.
    func autocommit<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs `body` in one transaction that commits when it returns and rolls back when it throws.
    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Closes connections; the engine is unusable afterwards.
    func shutdown() async throws
}
