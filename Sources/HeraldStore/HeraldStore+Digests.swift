import Foundation
import HeraldCore
import SQLKit

/// A member with happenings waiting for their digest.
public struct PendingDigest: Sendable {
    public var member: Member
    /// Nil when the member has turned their digest off since: what waits goes out at once.
    public var schedule: DigestSchedule?
    public var lastSentAt: Date?
    public var oldestEntryAt: Date

    /// When the digest is due: the first delivery time after the last digest (or the oldest entry), in the member's
    /// time zone (UTC when they have none).
    public var dueAt: Date {
        guard let schedule else { return oldestEntryAt }
        let timeZone = member.timeZone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
        return schedule.nextDelivery(after: lastSentAt ?? oldestEntryAt, in: timeZone)
    }
}

extension HeraldStore {
    /// Sets a member's digest, or turns it off with nil (happenings are emailed one by one again).
    public func setDigest(serviceId: UUID, memberId: String, _ schedule: DigestSchedule?) async throws {
        try await engine.autocommit { db in
            if let schedule {
                try await db.raw("""
                    INSERT INTO member_digests (service_id, member_id, frequency, hour, weekday)
                    VALUES (\(bind: serviceId.storageString), \(bind: memberId), \(bind: schedule.frequency.rawValue), \(bind: schedule.hour), \(bind: schedule.weekday))
                    ON CONFLICT (service_id, member_id) DO UPDATE SET frequency = excluded.frequency, hour = excluded.hour, weekday = excluded.weekday
                    """).run()
            } else {
                try await db.raw("DELETE FROM member_digests WHERE service_id = \(bind: serviceId.storageString) AND member_id = \(bind: memberId)").run()
            }
        }
    }

    /// The digests of the service's members who have one (or only of `memberId`), by member id.
    public func digestSchedules(serviceId: UUID, memberId: String? = nil) async throws -> [String: DigestSchedule] {
        try await engine.read { db in
            var query: SQLQueryString = "SELECT member_id, frequency, hour, weekday FROM member_digests WHERE service_id = \(bind: serviceId.storageString)"
            if let memberId {
                query += " AND member_id = \(bind: memberId)"
            }
            var schedules: [String: DigestSchedule] = [:]
            for row in try await db.raw(query).all() {
                schedules[try row.decode(column: "member_id", as: String.self)] = try Self.decodeSchedule(row)
            }
            return schedules
        }
    }

    /// Every member with happenings waiting for a digest.
    public func pendingDigests() async throws -> [PendingDigest] {
        try await engine.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: MemberColumns.list(qualifiedBy: "m")), d.frequency, d.hour, d.weekday, d.last_sent_at, e.oldest
                FROM (SELECT service_id, member_id, MIN(created_at) AS oldest FROM digest_entries GROUP BY service_id, member_id) AS e
                JOIN members m ON m.service_id = e.service_id AND m.member_id = e.member_id
                LEFT JOIN member_digests d ON d.service_id = e.service_id AND d.member_id = e.member_id
                """).all().map { row in
                PendingDigest(
                    member: try MemberColumns.decode(row),
                    schedule: try row.decode(column: "frequency", as: String?.self) == nil ? nil : try Self.decodeSchedule(row),
                    lastSentAt: try row.decode(column: "last_sent_at", as: Int64?.self).map(Date.init(microsecondsSinceEpoch:)),
                    oldestEntryAt: try row.decodeDate(column: "oldest")
                )
            }
        }
    }

    /// Takes a member's waiting happenings, up to `now`, and queues the one email `compose` makes of them, in one
    /// transaction: the entries go when the email is queued, and of several processes only the first takes them.
    /// `compose` may return nil (the member has no address any more): the entries are dropped. Returns the email.
    @discardableResult
    public func sendDigest(
        serviceId: UUID, memberId: String, now: Date, compose: @escaping @Sendable ([DigestEntry]) throws -> NotificationRecord?
    ) async throws -> NotificationRecord? {
        let dialect = self.dialect
        return try await engine.transaction { db in
            let entries = try await db.raw("""
                DELETE FROM digest_entries WHERE service_id = \(bind: serviceId.storageString) AND member_id = \(bind: memberId)
                  AND created_at <= \(bind: now.microsecondsSinceEpoch)
                RETURNING id, service_id, member_id, title, body, url, created_at
                """).all().map(Self.decodeEntry).sorted { $0.createdAt < $1.createdAt }
            guard !entries.isEmpty, let email = try compose(entries) else { return nil }
            try await Self.insertQueued([email], priority: .bulk, into: db, dialect)
            try await db.raw("""
                UPDATE member_digests SET last_sent_at = \(bind: now.microsecondsSinceEpoch)
                WHERE service_id = \(bind: serviceId.storageString) AND member_id = \(bind: memberId)
                """).run()
            return email
        }
    }

    /// Stores entries for members' next digests, in the caller's transaction.
    static func insertDigestEntries(_ entries: [DigestEntry], into db: any SQLDatabase, _ dialect: SQLDialectKind) async throws {
        for chunk in entries.chunks(of: insertChunk) {
            let batch = RowBatch(
                columns: [("id", .text), ("service_id", .text), ("member_id", .text), ("title", .text), ("body", .text), ("url", .text), ("created_at", .bigint)],
                rows: chunk.map { e in
                    [.string(e.id.storageString), .string(e.serviceId.storageString), .string(e.memberId), .string(e.title), .string(e.body),
                     .optional(e.url), .int(Int(e.createdAt.microsecondsSinceEpoch))]
                }
            )
            try await db.raw(batch.insert(into: "digest_entries", dialect)).run()
        }
    }

    private static func decodeSchedule(_ row: any SQLRow) throws -> DigestSchedule {
        let text = try row.decode(column: "frequency", as: String.self)
        guard let frequency = DigestSchedule.Frequency(rawValue: text) else { throw CorruptRow(column: "frequency", value: text) }
        return DigestSchedule(frequency: frequency, hour: try row.decode(column: "hour", as: Int.self), weekday: try row.decode(column: "weekday", as: Int.self))
    }

    private static func decodeEntry(_ row: any SQLRow) throws -> DigestEntry {
        DigestEntry(
            id: try row.decodeUUID(column: "id"), serviceId: try row.decodeUUID(column: "service_id"), memberId: try row.decode(column: "member_id", as: String.self),
            title: try row.decode(column: "title", as: String.self), body: try row.decode(column: "body", as: String.self),
            url: try row.decode(column: "url", as: String?.self), createdAt: try row.decodeDate(column: "created_at")
        )
    }
}
