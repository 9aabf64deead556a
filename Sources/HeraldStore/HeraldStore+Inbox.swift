import Foundation
import HeraldCore
import SQLKit

extension HeraldStore {
    /// Stores in-app inbox items in the caller's transaction (a fan-out's, next to the emails it queues), in multi-row
    /// statements of ``insertChunk`` rows; on PostgreSQL it also notifies every process's ``InboxChangeFeed`` once per
    /// service, when the transaction commits. SQLite's feeds find the new rows by polling.
    static func insertInboxItems(_ items: [InboxItem], into db: any SQLDatabase, _ dialect: SQLDialectKind) async throws {
        guard !items.isEmpty else { return }
        for chunk in items.chunks(of: insertChunk) {
            try await db.raw(InboxColumns.batch(chunk).insert(into: "inbox_items", dialect)).run()
        }
        try await notifyInboxFeeds(of: InboxChange.added(items), db, dialect)
    }

    /// Stores in-app inbox items in one transaction, then wakes this process's live streams at once.
    public func addToInbox(_ items: [InboxItem]) async throws {
        guard !items.isEmpty else { return }
        let dialect = self.dialect
        try await engine.transaction { db in try await Self.insertInboxItems(items, into: db, dialect) }
        announceCommitted(items)
    }

    /// Wakes this process's live streams for inbox items whose transaction has committed.
    func announceCommitted(_ items: [InboxItem]) {
        InboxChange.added(items).forEach(inboxChanges.publish)
    }

    /// A page of a member's inbox, newest first: at most `limit` items not expired at `now`, only unread ones when
    /// `unreadOnly`, and only those after the item `olderThan` in that order when given (none when the member has no
    /// such item). Pages by keyset on (created_at, id), so a deep page costs what the first one does.
    public func inboxItems(
        serviceId: UUID, memberId: String, olderThan: UUID? = nil, unreadOnly: Bool = false, limit: Int = 50, now: Date = Date()
    ) async throws -> [InboxItem] {
        var query = Self.unexpiredItems(serviceId: serviceId, memberId: memberId, now: now)
        if unreadOnly {
            query += " AND acknowledged_at IS NULL"
        }
        if let olderThan {
            // The cursor's key first, so that the page's condition is a row comparison with constants, which both
            // engines answer from the index (one with a subquery PostgreSQL only filters by).
            let cursor = try await readRows("""
                SELECT created_at FROM inbox_items WHERE id = \(bind: olderThan.storageString)
                  AND service_id = \(bind: serviceId.storageString) AND member_id = \(bind: memberId)
                """, prepared: InboxCursor.self, positions: ["created_at": 0]) { try $0.decode(column: "created_at", as: Int64.self) }
            guard let cursor = cursor.first else { return [] }
            query += " AND (created_at, id) < (\(bind: cursor), \(bind: olderThan.storageString))"
        }
        query += " ORDER BY created_at DESC, id DESC LIMIT \(bind: limit)"
        let shape: any PreparedShape.Type = switch (unreadOnly, olderThan != nil) {
        case (false, false): InboxPage.self
        case (true, false): InboxUnreadPage.self
        case (false, true): InboxPageOlderThan.self
        case (true, true): InboxUnreadPageOlderThan.self
        }
        return try await readRows(query, prepared: shape, positions: InboxColumns.positions) { try InboxColumns.decode($0) }
    }

    /// A member's items created at or after `since` and not expired at `now`, oldest first, at most `limit`: what a
    /// live stream announces after an ``InboxChange``.
    public func inboxItems(serviceId: UUID, memberId: String, createdSince since: Date, limit: Int = 200, now: Date = Date()) async throws -> [InboxItem] {
        var query = Self.unexpiredItems(serviceId: serviceId, memberId: memberId, now: now)
        query += " AND created_at >= \(bind: since.microsecondsSinceEpoch) ORDER BY created_at, id LIMIT \(bind: limit)"
        return try await readRows(query, positions: InboxColumns.positions) { try InboxColumns.decode($0) }
    }

    /// How many of a member's items are unread and not expired at `now` (read from `inbox_items_unread` alone).
    public func unreadInboxCount(serviceId: UUID, memberId: String, now: Date = Date()) async throws -> Int {
        var query: SQLQueryString = "SELECT COUNT(*) AS n FROM inbox_items"
        query += Self.memberItemsNotExpired(serviceId: serviceId, memberId: memberId, now: now)
        query += " AND acknowledged_at IS NULL"
        return try await readRows(query, prepared: InboxUnreadCount.self, positions: ["n": 0]) { try $0.decode(column: "n", as: Int.self) }.first ?? 0
    }

    /// Marks one of a member's items acknowledged at `now`, unless it already was (the first time stays). Returns the
    /// item as stored, or nil when the member has no such item or it has expired.
    public func acknowledgeInboxItem(serviceId: UUID, memberId: String, id: UUID, at now: Date = Date()) async throws -> InboxItem? {
        let dialect = self.dialect
        let (item, changed) = try await engine.autocommit { db -> (InboxItem?, Bool) in
            var update: SQLQueryString = "UPDATE inbox_items SET acknowledged_at = \(bind: now.microsecondsSinceEpoch)"
            update += Self.memberItemsNotExpired(serviceId: serviceId, memberId: memberId, now: now)
            update += " AND id = \(bind: id.storageString) AND acknowledged_at IS NULL RETURNING \(unsafeRaw: InboxColumns.list)"
            if let acknowledged = try await db.raw(update).first().map(InboxColumns.decode) {
                try await Self.notifyInboxFeeds(of: [.acknowledged(serviceId: serviceId, memberId: memberId)], db, dialect)
                return (acknowledged, true)
            }
            var query = Self.unexpiredItems(serviceId: serviceId, memberId: memberId, now: now)
            query += " AND id = \(bind: id.storageString)"
            return (try await db.raw(query).first().map(InboxColumns.decode), false)
        }
        if changed {
            inboxChanges.publish(.acknowledged(serviceId: serviceId, memberId: memberId))
        }
        return item
    }

    /// Marks every unread, unexpired item of a member acknowledged at `now`; returns how many it marked.
    public func acknowledgeInbox(serviceId: UUID, memberId: String, at now: Date = Date()) async throws -> Int {
        let dialect = self.dialect
        let count = try await engine.autocommit { db in
            var update: SQLQueryString = "UPDATE inbox_items SET acknowledged_at = \(bind: now.microsecondsSinceEpoch)"
            update += Self.memberItemsNotExpired(serviceId: serviceId, memberId: memberId, now: now)
            update += " AND acknowledged_at IS NULL RETURNING id"
            let count = try await db.raw(update).all().count
            if count > 0 {
                try await Self.notifyInboxFeeds(of: [.acknowledged(serviceId: serviceId, memberId: memberId)], db, dialect)
            }
            return count
        }
        if count > 0 {
            inboxChanges.publish(.acknowledged(serviceId: serviceId, memberId: memberId))
        }
        return count
    }

    /// Deletes at most `limit` items that expired at or before `now` (expired items already neither show nor count);
    /// returns how many it deleted, so a caller repeats while that is `limit`.
    public func deleteExpiredInboxItems(now: Date = Date(), limit: Int = 5_000) async throws -> Int {
        try await engine.autocommit { db in
            try await db.raw("""
                DELETE FROM inbox_items WHERE id IN (
                    SELECT id FROM inbox_items WHERE expires_at <= \(bind: now.microsecondsSinceEpoch) LIMIT \(bind: limit))
                RETURNING id
                """).all().count
        }
    }

    /// `SELECT <columns> FROM inbox_items` and ``memberItemsNotExpired(serviceId:memberId:now:)``.
    private static func unexpiredItems(serviceId: UUID, memberId: String, now: Date) -> SQLQueryString {
        var query: SQLQueryString = "SELECT \(unsafeRaw: InboxColumns.list) FROM inbox_items"
        query += memberItemsNotExpired(serviceId: serviceId, memberId: memberId, now: now)
        return query
    }

    /// ` WHERE` the row is one of the member's items and has not expired at `now`.
    private static func memberItemsNotExpired(serviceId: UUID, memberId: String, now: Date) -> SQLQueryString {
        """
         WHERE service_id = \(bind: serviceId.storageString) AND member_id = \(bind: memberId)
          AND (expires_at IS NULL OR expires_at > \(bind: now.microsecondsSinceEpoch))
        """
    }

    /// On PostgreSQL, notifies every process's ``InboxChangeFeed`` of `changes` (when the transaction commits, if
    /// there is one).
    private static func notifyInboxFeeds(of changes: [InboxChange], _ db: any SQLDatabase, _ dialect: SQLDialectKind) async throws {
        guard dialect == .postgres else { return }
        for change in changes {
            try await db.raw("SELECT pg_notify(\(bind: InboxChangeFeed.channel), \(bind: change.payload))").run()
        }
    }
}

// The inbox's reads, each prepared once per PostgreSQL connection.
private enum InboxPage: PreparedShape {}
private enum InboxUnreadPage: PreparedShape {}
private enum InboxPageOlderThan: PreparedShape {}
private enum InboxUnreadPageOlderThan: PreparedShape {}
private enum InboxCursor: PreparedShape {}
private enum InboxUnreadCount: PreparedShape {}
