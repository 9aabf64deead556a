import Foundation
import HeraldCore
import PostgresNIO
import SQLKit

/// A delivery job a worker holds a lease on, with what it needs to send.
public struct ClaimedDelivery: Sendable {
    public var notification: NotificationRecord
    /// 1 for the first attempt.
    public var attempt: Int
    /// The service's sending address.
    public var emailFrom: String
    /// The service's name, which starts its text messages.
    public var serviceName: String

    init(_ notification: NotificationRecord, attempt: Int, service columns: some RowColumns) throws {
        self.notification = notification
        self.attempt = attempt
        self.emailFrom = try columns.decode(column: "email_from", as: String.self)
        self.serviceName = try columns.decode(column: "service_name", as: String.self)
    }
}

extension HeraldStore {
    /// Leases up to `limit` due delivery jobs to `owner` until `now + lease`, most urgent first (priority, then due
    /// time). A lease that runs out makes the job due again, so a crashed worker's jobs return to the queue.
    /// On PostgreSQL, concurrent claimers skip each other's rows (`FOR UPDATE SKIP LOCKED`) and never share a job.
    public func claimDeliveries(owner: String, limit: Int, lease: TimeInterval, now: Date = Date()) async throws -> [ClaimedDelivery] {
        if let postgres = engine as? PostgresEngine {
            return try await postgres.withConnection { connection in
                try await Self.claimDeliveries(on: connection, owner: owner, limit: limit, until: now.addingTimeInterval(lease), now: now)
            }
        }
        return try await engine.transaction { db in
            let claimed = try await db.raw("""
                UPDATE deliveries SET lease_owner = \(bind: owner), available_at = \(bind: now.addingTimeInterval(lease).microsecondsSinceEpoch),
                                      attempts = attempts + 1
                WHERE notification_id IN (
                    SELECT notification_id FROM deliveries WHERE available_at <= \(bind: now.microsecondsSinceEpoch)
                    ORDER BY priority, available_at LIMIT \(bind: limit))
                RETURNING notification_id, attempts
                """).all()
            guard !claimed.isEmpty else { return [] }
            var attempts: [String: Int] = [:]
            for row in claimed {
                attempts[try row.decode(column: "notification_id", as: String.self)] = try row.decode(column: "attempts", as: Int.self)
            }
            let rows = try await db.raw("""
                SELECT \(unsafeRaw: NotificationColumns.list(qualifiedBy: "n")), s.email_from AS email_from, s.name AS service_name
                FROM notifications n JOIN services s ON s.id = n.service_id
                WHERE n.id IN (\(RowBatch.texts(Array(attempts.keys)).select(.sqlite)))
                """).all()
            return try rows.map { row in
                let notification = try NotificationColumns.decode(row)
                return try ClaimedDelivery(
                    notification, attempt: attempts[notification.id.storageString] ?? 1, service: SQLRowColumns(row: row)
                )
            }
        }
    }

    /// The claim on PostgreSQL: one statement (atomic by itself, so no BEGIN/COMMIT round trips) whose rows are read
    /// by position. Concurrent claimers skip each other's rows (`FOR UPDATE SKIP LOCKED`).
    private static func claimDeliveries(
        on connection: PostgresConnection, owner: String, limit: Int, until leaseEnd: Date, now: Date
    ) async throws -> [ClaimedDelivery] {
        let rows = try await connection.query("""
            WITH claimed AS (
                UPDATE deliveries SET lease_owner = \(owner), available_at = \(leaseEnd.microsecondsSinceEpoch), attempts = attempts + 1
                WHERE notification_id IN (
                    SELECT notification_id FROM deliveries WHERE available_at <= \(now.microsecondsSinceEpoch)
                    ORDER BY priority, available_at LIMIT \(limit) FOR UPDATE SKIP LOCKED)
                RETURNING notification_id, attempts)
            SELECT \(unescaped: NotificationColumns.list(qualifiedBy: "n")), s.email_from, s.name AS service_name, c.attempts AS claim_attempts
            FROM claimed c JOIN notifications n ON n.id = c.notification_id JOIN services s ON s.id = n.service_id
            """, logger: connection.logger)
        var claimed: [ClaimedDelivery] = []
        for try await row in rows {
            let columns = PostgresRowColumns(row, positions: claimPositions)
            claimed.append(try ClaimedDelivery(
                try NotificationColumns.decode(columns), attempt: try columns.decode(column: "claim_attempts", as: Int.self), service: columns
            ))
        }
        return claimed
    }

    /// Column positions in the PostgreSQL claim's rows.
    private static let claimPositions = NotificationColumns.positions.merging(
        ["email_from": NotificationColumns.columns.count, "service_name": NotificationColumns.columns.count + 1, "claim_attempts": NotificationColumns.columns.count + 2]
    ) { first, _ in first }

    /// Gives leased jobs back without counting the attempt (a worker shutting down before sending them).
    public func releaseDeliveries(owner: String, ids: [UUID], now: Date = Date()) async throws {
        guard !ids.isEmpty else { return }
        try await engine.transaction { db in
            try await db.raw("""
                UPDATE deliveries SET lease_owner = NULL, available_at = \(bind: now.microsecondsSinceEpoch), attempts = attempts - 1
                WHERE lease_owner = \(bind: owner) AND notification_id IN (\(binds: ids.map(\.storageString)))
                """).run()
        }
    }
}
