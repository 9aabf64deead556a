import Foundation
import HeraldCore
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
}

extension HeraldStore {
    /// Leases up to `limit` due delivery jobs to `owner` until `now + lease`, most urgent first (priority, then due
    /// time). A lease that runs out makes the job due again, so a crashed worker's jobs return to the queue.
    /// On PostgreSQL, concurrent claimers skip each other's rows (`FOR UPDATE SKIP LOCKED`) and never share a job.
    public func claimDeliveries(owner: String, limit: Int, lease: TimeInterval, now: Date = Date()) async throws -> [ClaimedDelivery] {
        let dialect = self.dialect
        let lock = dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await engine.transaction { db in
            let claimed = try await db.raw("""
                UPDATE deliveries SET lease_owner = \(bind: owner), available_at = \(bind: now.addingTimeInterval(lease).microsecondsSinceEpoch),
                                      attempts = attempts + 1
                WHERE notification_id IN (
                    SELECT notification_id FROM deliveries WHERE available_at <= \(bind: now.microsecondsSinceEpoch)
                    ORDER BY priority, available_at LIMIT \(bind: limit)\(unsafeRaw: lock))
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
                WHERE n.id IN (\(RowBatch.texts(Array(attempts.keys)).select(dialect)))
                """).all()
            return try rows.map { row in
                let notification = try NotificationColumns.decode(row)
                return ClaimedDelivery(
                    notification: notification,
                    attempt: attempts[notification.id.storageString] ?? 1,
                    emailFrom: try row.decode(column: "email_from", as: String.self),
                    serviceName: try row.decode(column: "service_name", as: String.self)
                )
            }
        }
    }

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
