import Foundation
import HeraldCore
import SQLKit

extension HeraldStore {
    /// Stores `listen` unless its member already has the same one (same event type pattern and scope): returns the
    /// stored listen and whether it is new, or nil when the service has no such member.
    @discardableResult
    public func createListen(_ listen: Listen) async throws -> (listen: Listen, created: Bool)? {
        try await engine.autocommit { db in
            let service = listen.serviceId.storageString
            let inserted = try await db.raw("""
                INSERT INTO listens (id, service_id, member_id, event_type, scope, created_at)
                SELECT \(bind: listen.id.storageString), service_id, member_id, \(bind: listen.eventType.text), \(bind: listen.scope ?? ""),
                       \(bind: listen.createdAt.microsecondsSinceEpoch)
                FROM members WHERE service_id = \(bind: service) AND member_id = \(bind: listen.memberId)
                ON CONFLICT (service_id, member_id, event_type, scope) DO NOTHING RETURNING id
                """).first()
            if inserted != nil {
                var stored = listen
                stored.createdAt = Date(microsecondsSinceEpoch: listen.createdAt.microsecondsSinceEpoch)  // as read back
                return (stored, true)
            }
            let existing = try await db.raw("""
                SELECT \(unsafeRaw: Self.listenColumns) FROM listens
                WHERE service_id = \(bind: service) AND member_id = \(bind: listen.memberId)
                  AND event_type = \(bind: listen.eventType.text) AND scope = \(bind: listen.scope ?? "")
                """).first()
            return try existing.map { (try Self.decodeListen($0), false) }
        }
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
    /// ``Listen/hears(_:in:)``). Each candidate pattern is looked up by equality on `listens_by_event_type`.
    public func listeners(serviceId: UUID, of eventType: EventType, scope: String?) async throws -> [Member] {
        let service = serviceId.storageString
        let patterns = eventType.matchingPatterns.map(\.text)
        let scopes = [""] + (scope.map { [$0] } ?? [])
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

    private static let listenColumns = "id, service_id, member_id, event_type, scope, created_at"

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
