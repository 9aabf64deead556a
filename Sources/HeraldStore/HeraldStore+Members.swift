import Foundation
import HeraldCore
import SQLKit

extension HeraldStore {
    /// Creates the members that are new and updates the ones that exist (all but `created_at`), in one transaction of
    /// two statements however many members there are (50,000 in one call is the API's limit). A member id given twice
    /// counts once, with its last values.
    @discardableResult
    public func upsertMembers(_ members: [Member]) async throws -> MemberUpsertCounts {
        guard !members.isEmpty else { return MemberUpsertCounts(created: 0, updated: 0) }
        var latest: [String: Member] = [:]
        for member in members {
            latest[member.serviceId.storageString + member.id] = member  // the service id has a fixed length
        }
        // In key order, so that concurrent upserts of overlapping members lock rows in the same order (no deadlock).
        let batch = MemberColumns.batch(latest.sorted { $0.key < $1.key }.map(\.value))
        let keys = RowBatch(columns: Array(MemberColumns.columns.prefix(2)), rows: batch.rows.map { Array($0.prefix(2)) })
        let dialect = self.dialect
        let existing = try await engine.transaction { db in
            let existing = try await db.raw("""
                SELECT COUNT(*) AS n FROM (\(keys.select(dialect))) AS k
                JOIN members m ON m.service_id = k.service_id AND m.member_id = k.member_id
                """).first(decodingColumn: "n", as: Int.self) ?? 0
            try await db.raw("""
                \(batch.insert(into: "members", dialect))
                ON CONFLICT (service_id, member_id) DO UPDATE SET name = excluded.name, email = excluded.email, phone = excluded.phone,
                    time_zone = excluded.time_zone, active = excluded.active, updated_at = excluded.updated_at
                """).run()
            return existing
        }
        return MemberUpsertCounts(created: latest.count - existing, updated: existing)
    }

    /// The service's member with the platform's id `id`, if there is one.
    public func member(serviceId: UUID, id: String) async throws -> Member? {
        try await engine.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: MemberColumns.list(qualifiedBy: "m")) FROM members m
                WHERE m.service_id = \(bind: serviceId.storageString) AND m.member_id = \(bind: id)
                """).first().map(MemberColumns.decode)
        }
    }

    /// A page of the service's members in member id order: the first `limit` whose id sorts after `after`.
    public func members(serviceId: UUID, after: String? = nil, limit: Int = 250) async throws -> [Member] {
        try await engine.read { db in
            var query: SQLQueryString = """
                SELECT \(unsafeRaw: MemberColumns.list(qualifiedBy: "m")) FROM members m WHERE m.service_id = \(bind: serviceId.storageString)
                """
            if let after {
                query += " AND m.member_id > \(bind: after)"
            }
            query += " ORDER BY m.member_id LIMIT \(bind: limit)"
            return try await db.raw(query).all().map(MemberColumns.decode)
        }
    }

    /// Marks a member inactive (nothing reaches them; their listens and history stay); false when there is no such
    /// member.
    @discardableResult
    public func deactivateMember(serviceId: UUID, id: String, at now: Date = Date()) async throws -> Bool {
        try await engine.autocommit { db in
            try await db.raw("""
                UPDATE members SET active = 0, updated_at = \(bind: now.microsecondsSinceEpoch)
                WHERE service_id = \(bind: serviceId.storageString) AND member_id = \(bind: id) RETURNING member_id
                """).first() != nil
        }
    }
}
