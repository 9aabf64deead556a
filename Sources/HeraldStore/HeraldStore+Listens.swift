import Foundation
import HeraldCore
import PostgresNIO
import SQLKit

extension HeraldStore {
    /// Stores `listen` unless its member already has the same one (same event type pattern and scope): returns the
    /// stored listen and whether it is new, or nil when the service has no such member.
    @discardableResult
    public func createListen(_ listen: Listen) async throws -> (listen: Listen, created: Bool)? {
        let dialect = self.dialect
        return try await engine.autocommit { db in
            if try await Self.insert([listen], into: db, dialect) == 1 {
                var stored = listen
                stored.createdAt = Date(microsecondsSinceEpoch: listen.createdAt.microsecondsSinceEpoch)  // as read back
                return (stored, true)
            }
            let existing = try await db.raw("""
                SELECT \(unsafeRaw: Self.listenColumns) FROM listens
                WHERE service_id = \(bind: listen.serviceId.storageString) AND member_id = \(bind: listen.memberId)
                  AND event_type = \(bind: listen.eventType.text) AND scope = \(bind: listen.scope ?? "")
                """).first()
            return try existing.map { (try Self.decodeListen($0), false) }
        }
    }

    /// Stores many listens in one statement (50,000 in one call is the API's limit), skipping those whose member
    /// already has the same one and those of members the service does not have; returns how many it stored.
    @discardableResult
    public func createListens(_ listens: [Listen]) async throws -> Int {
        guard !listens.isEmpty else { return 0 }
        let dialect = self.dialect
        // In key order, so that concurrent calls with overlapping listens take their index locks in the same order.
        let ordered = listens.sorted { ($0.serviceId.storageString, $0.memberId, $0.eventType.text, $0.scope ?? "") < ($1.serviceId.storageString, $1.memberId, $1.eventType.text, $1.scope ?? "") }
        return try await engine.autocommit { db in try await Self.insert(ordered, into: db, dialect) }
    }

    /// Inserts the listens of existing members that are not there yet; returns how many it inserted.
    private static func insert(_ listens: [Listen], into db: any SQLDatabase, _ dialect: SQLDialectKind) async throws -> Int {
        let batch = RowBatch(
            columns: columns,
            rows: listens.map {
                [.string($0.id.storageString), .string($0.serviceId.storageString), .string($0.memberId), .string($0.eventType.text),
                 .string($0.scope ?? ""), .int(Int($0.createdAt.microsecondsSinceEpoch))]
            }
        )
        return try await db.raw("""
            INSERT INTO listens (\(unsafeRaw: listenColumns))
            SELECT \(unsafeRaw: batch.columns.map { "b.\($0.name)" }.joined(separator: ", "))
            FROM (\(batch.select(dialect))) AS b JOIN members m ON m.service_id = b.service_id AND m.member_id = b.member_id
            WHERE true ON CONFLICT (service_id, member_id, event_type, scope) DO NOTHING RETURNING id
            """).all().count
    }

    /// A member's listens, oldest first.
    public func listens(serviceId: UUID, memberId: String) async throws -> [Listen] {
        try await engine.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.listenColumns) FROM listens
                WHERE service_id = \(bind: serviceId.storageString) AND member_id = \(bind: memberId) ORDER BY created_at, id
                """).all().map(Self.decodeListen)
        }
    }

    /// Removes one of a member's listens; false when the member has no listen with that id.
    @discardableResult
    public func deleteListen(serviceId: UUID, memberId: String, id: UUID) async throws -> Bool {
        try await engine.autocommit { db in
            try await db.raw("""
                DELETE FROM listens WHERE service_id = \(bind: serviceId.storageString) AND member_id = \(bind: memberId)
                  AND id = \(bind: id.storageString) RETURNING id
                """).first() != nil
        }
    }

    /// Removes the service's listens that have every property given (a nil argument does not filter): of one member,
    /// with exactly this event type pattern, in exactly this scope. The platform calls it with a scope when the thing
    /// the scope names (a post, a forum) is deleted. Returns how many listens it removed.
    @discardableResult
    public func deleteListens(serviceId: UUID, memberId: String? = nil, eventType: EventTypePattern? = nil, scope: String? = nil) async throws -> Int {
        try await engine.autocommit { db in
            var query: SQLQueryString = "DELETE FROM listens WHERE service_id = \(bind: serviceId.storageString)"
            if let memberId {
                query += " AND member_id = \(bind: memberId)"
            }
            if let eventType {
                query += " AND event_type = \(bind: eventType.text)"
            }
            if let scope {
                query += " AND scope = \(bind: scope)"
            }
            return try await db.raw(query + " RETURNING id").all().count
        }
    }

    /// The active members a happening of `eventType` in `scope` (nil: none) reaches, each once, in member id order:
    /// those with a listen on the exact type or a wildcard above it, without a scope or in this scope (see
    /// ``Listen/hears(_:in:)``). Each candidate pattern is looked up by equality on `listens_by_event_type`. On
    /// PostgreSQL the rows are read by position (a happening may have 50,000 listeners).
    public func listeners(serviceId: UUID, of eventType: EventType, scope: String?) async throws -> [Member] {
        let service = serviceId.storageString
        let patterns = eventType.matchingPatterns.map(\.text)
        let scopes = [""] + (scope.map { [$0] } ?? [])
        if let postgres = engine as? PostgresEngine {
            return try await postgres.withConnection { connection in
                var members: [Member] = []
                for try await row in try await connection.query("""
                    SELECT \(unescaped: MemberColumns.list(qualifiedBy: "m"))
                    FROM (SELECT DISTINCT member_id FROM listens
                          WHERE service_id = \(service) AND event_type = ANY(\(patterns)) AND scope = ANY(\(scopes))) AS l
                    JOIN members m ON m.service_id = \(service) AND m.member_id = l.member_id
                    WHERE m.active = 1 ORDER BY m.member_id
                    """, logger: connection.logger) {
                    members.append(try MemberColumns.decode(PostgresRowColumns(row, positions: MemberColumns.positions)))
                }
                return members
            }
        }
        return try await engine.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: MemberColumns.list(qualifiedBy: "m"))
                FROM (SELECT DISTINCT member_id FROM listens
                      WHERE service_id = \(bind: service) AND event_type IN (\(binds: patterns)) AND scope IN (\(binds: scopes))) AS l
                JOIN members m ON m.service_id = \(bind: service) AND m.member_id = l.member_id
                WHERE m.active = 1 ORDER BY m.member_id
                """).all().map(MemberColumns.decode)
        }
    }

    /// The `listens` columns in one order; `scope` is '' for a listen without one.
    private static let columns: [(name: String, type: RowBatch.ColumnType)] = [
        ("id", .text), ("service_id", .text), ("member_id", .text), ("event_type", .text), ("scope", .text), ("created_at", .bigint),
    ]
    private static let listenColumns = columns.map(\.name).joined(separator: ", ")

    private static func decodeListen(_ row: any SQLRow) throws -> Listen {
        let pattern = try row.decode(column: "event_type", as: String.self)
        guard let eventType = try? EventTypePattern(validating: pattern) else { throw CorruptRow(column: "event_type", value: pattern) }
        let scope = try row.decode(column: "scope", as: String.self)
        return Listen(
            id: try row.decodeUUID(column: "id"), serviceId: try row.decodeUUID(column: "service_id"), memberId: try row.decode(column: "member_id", as: String.self),
            eventType: eventType, scope: scope.isEmpty ? nil : scope,
            createdAt: try row.decodeDate(column: "created_at")
        )
    }
}
