import Foundation
import Logging
import NIOPosix
import SQLiteKit
import SQLiteNIO
import SQLKit

/// The embedded engine: one SQLite file in WAL mode, shared safely with other Herald processes on the same machine.
///
/// One connection writes (transactions take the write lock up front with `BEGIN IMMEDIATE`, and wait up to
/// `busyTimeout` for another process's), another reads concurrently. Each engine runs its connections on threads of
/// its own: SQLite's calls block (a writer may wait seconds for another process's lock), and on NIO's shared pool,
/// sized to the cores, two such waits would stall every other SQLite store in the process.
public final class SQLiteEngine: DatabaseEngine {
    public let dialect = SQLDialectKind.sqlite
    private let writer: SQLiteConnection
    private let reader: SQLiteConnection
    private let threads: NIOThreadPool
    private let writeLock = AsyncLock()
    private let readLock = AsyncLock()

    /// Opens (creating if needed) the database at `path`; `":memory:"`-style in-memory databases are not supported
    /// because the reader and writer must see the same data.
    public static func open(path: String, logger: Logger) async throws -> SQLiteEngine {
        let threads = NIOThreadPool(numberOfThreads: 2)  // one per connection
        threads.start()
        do {
            let writer = try await openConnection(path: path, threads: threads, logger: logger)
            do {
                let reader = try await openConnection(path: path, threads: threads, logger: logger)
                return SQLiteEngine(writer: writer, reader: reader, threads: threads)
            } catch {
                try? await writer.close()
                throw error
            }
        } catch {
            try? await threads.shutdownGracefully()
            throw error
        }
    }

    private static func openConnection(path: String, threads: NIOThreadPool, logger: Logger) async throws -> SQLiteConnection {
        let connection = try await SQLiteConnection.open(
            storage: .file(path: path), threadPool: threads, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any()
        ).get()
        do {
            for pragma in [
                "PRAGMA busy_timeout = 10000", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON",
                "PRAGMA cache_size = -65536", "PRAGMA temp_store = MEMORY",
            ] {
                _ = try await connection.query(pragma, [])
            }
            return connection
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private init(writer: SQLiteConnection, reader: SQLiteConnection, threads: NIOThreadPool) {
        self.writer = writer
        self.reader = reader
        self.threads = threads
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let reader = self.reader
        return try await readLock.withLock { try await body(reader.sql(queryLogLevel: nil)) }
    }

    public func autocommit<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let writer = self.writer
        return try await writeLock.withLock { try await body(writer.sql(queryLogLevel: nil)) }
    }

    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let writer = self.writer
        return try await writeLock.withLock {
            _ = try await writer.query("BEGIN IMMEDIATE", [])
            do {
                let result = try await body(writer.sql(queryLogLevel: nil))
                try await Self.uncancellable(writer, "COMMIT")
                return result
            } catch {
                try? await Self.uncancellable(writer, "ROLLBACK")
                throw error
            }
        }
    }

    /// Ends the transaction even when the calling task was cancelled: a cancelled task's queries fail at once,
    /// which would leave the shared writer connection inside the transaction.
    private static func uncancellable(_ connection: SQLiteConnection, _ statement: String) async throws {
        try await Task { _ = try await connection.query(statement, []) }.value
    }

    public func shutdown() async throws {
        try await writeLock.withLock { try await self.writer.close() }
        try await readLock.withLock { try await self.reader.close() }
        try await threads.shutdownGracefully()
    }
}
