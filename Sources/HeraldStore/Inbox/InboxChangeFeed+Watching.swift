import Foundation
import HeraldCore
import PostgresNIO
import SQLKit

extension InboxChangeFeed {
    /// PostgreSQL: `LISTEN`s on one pooled connection, reconnecting after a failure. Each time it starts listening it
    /// publishes that anything may have been added since `since` (then since the failure), for the writes it could
    /// not hear before.
    func listen(to engine: PostgresEngine, since: Date) async {
        var since = since
        while !Task.isCancelled {
            do {
                try await engine.withConnection { connection in
                    try await connection.listen(on: Self.channel) { [since] notifications in
                        publish(.anything(since: since))
                        for try await notification in notifications {
                            if let change = InboxChange(payload: notification.payload) {
                                publish(change)
                            }
                        }
                    }
                }
            } catch where !Task.isCancelled {
                logger.warning("inbox change feed lost its LISTEN connection; reconnecting", metadata: ["error": "\(error)"])
                since = Date()
                try? await Task.sleep(for: .seconds(1))
            } catch {
                return
            }
        }
    }

    /// SQLite: first publishes that anything may have been added `since`, then every `pollInterval` asks whether another connection committed (`PRAGMA data_version`, which this
    /// process's own writer also moves); if so, the items appended since the last look become one change per service
    /// (SQLite commits one transaction at a time, so rowids grow in commit order), and a commit without new items (an
    /// acknowledgement elsewhere, or any other write) a change of every member's unread count.
    func poll(since: Date) async {
        var cursor: SQLiteCursor?
        while !Task.isCancelled {
            do {
                if let current = cursor {
                    let (next, changes) = try await engine.read { db in try await current.advanced(in: db) }
                    cursor = next
                    changes.forEach(publish)
                } else {
                    cursor = try await engine.read { db in try await SQLiteCursor.current(in: db) }
                    publish(.anything(since: since))
                }
            } catch where !Task.isCancelled {
                logger.warning("inbox change feed could not poll SQLite", metadata: ["error": "\(error)"])
            } catch {
                return
            }
            try? await Task.sleep(for: pollInterval)
        }
    }
}

/// How far the SQLite poll has looked: the connection's data version and the last inbox rowid it has seen.
private struct SQLiteCursor: Sendable {
    let version: Int
    let lastRow: Int

    static func current(in db: any SQLDatabase) async throws -> SQLiteCursor {
        SQLiteCursor(version: try await dataVersion(db), lastRow: try await lastRow(db))
    }

    /// The cursor after the commits since this one, and what they changed.
    func advanced(in db: any SQLDatabase) async throws -> (SQLiteCursor, [InboxChange]) {
        let version = try await Self.dataVersion(db)
        guard version != self.version else { return (self, []) }
        let rows = try await db.raw("""
            SELECT service_id, MIN(created_at) AS since, MAX(rowid) AS last FROM inbox_items WHERE rowid > \(bind: lastRow)
            GROUP BY service_id
            """).all()
        guard !rows.isEmpty else {
            // Deleting the newest rows lowers the rowid that the next insert takes.
            let next = SQLiteCursor(version: version, lastRow: min(lastRow, try await Self.lastRow(db)))
            return (next, [InboxChange(serviceId: nil, memberIds: nil, addedSince: nil)])
        }
        let changes = try rows.map { row in
            InboxChange(serviceId: try row.decodeUUID(column: "service_id"), memberIds: nil, addedSince: try row.decodeDate(column: "since"))
        }
        let last = try rows.map { try $0.decode(column: "last", as: Int.self) }.max() ?? lastRow
        return (SQLiteCursor(version: version, lastRow: last), changes)
    }

    private static func dataVersion(_ db: any SQLDatabase) async throws -> Int {
        try await db.raw("PRAGMA data_version").first(decodingColumn: "data_version", as: Int.self) ?? 0
    }

    private static func lastRow(_ db: any SQLDatabase) async throws -> Int {
        try await db.raw("SELECT COALESCE(MAX(rowid), 0) AS last FROM inbox_items").first(decodingColumn: "last", as: Int.self) ?? 0
    }
}
