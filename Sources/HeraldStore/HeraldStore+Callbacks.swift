import Foundation
import HeraldCore
import SQLKit

/// Where a service wants to be told about its notifications (Notify's `service_callback_api`): an https URL and the
/// bearer token Herald sends with each call.
public struct ServiceCallback: Sendable, Hashable {
    /// Which events the callback is for.
    public enum Kind: String, Sendable, Hashable {
        /// A notification reached a final status.
        case deliveryStatus = "delivery_status"
        /// A recipient complained about an email (marked it as spam).
        case complaint
    }

    public var serviceId: UUID
    public var kind: Kind
    public var url: String
    public var bearerToken: String

    public init(serviceId: UUID, kind: Kind, url: String, bearerToken: String) {
        self.serviceId = serviceId
        self.kind = kind
        self.url = url
        self.bearerToken = bearerToken
    }
}

/// A recipient's first complaint about a notification, found while applying feedback.
public struct ComplaintFinding: Sendable, Hashable {
    public var notificationId: UUID
    /// When the recipient complained (SES's `complaint.timestamp`).
    public var complainedAt: Date

    public init(notificationId: UUID, complainedAt: Date) {
        self.notificationId = notificationId
        self.complainedAt = complainedAt
    }
}

/// A callback due to be made: the notification as it is now, the status the call reports (for a complaint, the
/// notification's status when it came), when that happened, and where to call.
public struct PendingCallback: Sendable {
    public var id: Int64
    public var notification: NotificationRecord
    public var status: NotificationStatus
    public var statusAt: Date
    public var callback: ServiceCallback
    /// 1 for the first try.
    public var attempt: Int
}

extension HeraldStore {
    /// Sets (or replaces) the service's callback of `callback.kind`.
    public func setCallback(_ callback: ServiceCallback, now: Date = Date()) async throws {
        try await engine.autocommit { db in
            try await db.raw("""
                INSERT INTO service_callbacks (service_id, kind, url, bearer_token, updated_at)
                VALUES (\(bind: callback.serviceId.storageString), \(bind: callback.kind.rawValue), \(bind: callback.url),
                        \(bind: callback.bearerToken), \(bind: now.microsecondsSinceEpoch))
                ON CONFLICT (service_id, kind) DO UPDATE SET url = excluded.url, bearer_token = excluded.bearer_token, updated_at = excluded.updated_at
                """).run()
        }
    }

    public func callback(serviceId: UUID, kind: ServiceCallback.Kind) async throws -> ServiceCallback? {
        try await engine.read { db in
            try await db.raw("""
                SELECT url, bearer_token FROM service_callbacks WHERE service_id = \(bind: serviceId.storageString) AND kind = \(bind: kind.rawValue)
                """).first().map {
                ServiceCallback(
                    serviceId: serviceId, kind: kind, url: try $0.decode(column: "url", as: String.self),
                    bearerToken: try $0.decode(column: "bearer_token", as: String.self)
                )
            }
        }
    }

    /// Removes the service's callback of `kind`; false when there was none. Calls already queued are still made.
    @discardableResult
    public func removeCallback(serviceId: UUID, kind: ServiceCallback.Kind) async throws -> Bool {
        try await engine.autocommit { db in
            try await db.raw("""
                DELETE FROM service_callbacks WHERE service_id = \(bind: serviceId.storageString) AND kind = \(bind: kind.rawValue) RETURNING kind
                """).first() != nil
        }
    }

    /// Leases up to `limit` due callbacks until `now + lease`, oldest first; concurrent claimers skip each other's rows.
    public func claimCallbacks(limit: Int, lease: TimeInterval, now: Date = Date()) async throws -> [PendingCallback] {
        let dialect = self.dialect
        let lock = dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await engine.transaction { db in
            let claimed = try await db.raw("""
                UPDATE callback_outbox SET available_at = \(bind: now.addingTimeInterval(lease).microsecondsSinceEpoch), attempts = attempts + 1
                WHERE id IN (
                    SELECT id FROM callback_outbox WHERE failed_at IS NULL AND available_at <= \(bind: now.microsecondsSinceEpoch)
                    ORDER BY id LIMIT \(bind: limit)\(unsafeRaw: lock))
                RETURNING id
                """).all().map { try $0.decode(column: "id", as: Int64.self) }
            guard !claimed.isEmpty else { return [] }
            return try await db.raw("""
                SELECT o.id AS outbox_id, o.status AS callback_status, o.status_at, o.attempts AS callback_attempts, o.kind,
                       c.url, c.bearer_token, \(unsafeRaw: NotificationColumns.list(qualifiedBy: "n"))
                FROM callback_outbox o
                JOIN notifications n ON n.id = o.notification_id
                JOIN service_callbacks c ON c.service_id = o.service_id AND c.kind = o.kind
                WHERE o.id IN (\(RowBatch.integers(claimed).select(dialect)))
                """).all().map(Self.decodePendingCallback)
        }
    }

    /// Forgets callbacks that were made.
    public func completeCallbacks(ids: [Int64]) async throws {
        guard !ids.isEmpty else { return }
        let dialect = self.dialect
        try await engine.autocommit { db in
            try await db.raw("DELETE FROM callback_outbox WHERE id IN (\(RowBatch.integers(ids).select(dialect)))").run()
        }
    }

    /// Keeps a callback that failed for another try at `at`, or, with `at` nil, marks it failed for good (kept, with
    /// the error, for a person to look at).
    public func callbackFailed(id: Int64, error: String, retryAt at: Date?, now: Date = Date()) async throws {
        try await engine.autocommit { db in
            if let at {
                try await db.raw("""
                    UPDATE callback_outbox SET available_at = \(bind: at.microsecondsSinceEpoch), last_error = \(bind: error) WHERE id = \(bind: id)
                    """).run()
            } else {
                try await db.raw("""
                    UPDATE callback_outbox SET failed_at = \(bind: now.microsecondsSinceEpoch), last_error = \(bind: error) WHERE id = \(bind: id)
                    """).run()
            }
        }
    }

    private static func decodePendingCallback(_ row: any SQLRow) throws -> PendingCallback {
        let notification = try NotificationColumns.decode(row)
        let status = try row.decode(column: "callback_status", as: String.self)
        let kind = try row.decode(column: "kind", as: String.self)
        guard let parsedStatus = NotificationStatus(rawValue: status) else { throw CorruptRow(column: "callback_outbox.status", value: status) }
        guard let parsedKind = ServiceCallback.Kind(rawValue: kind) else { throw CorruptRow(column: "callback_outbox.kind", value: kind) }
        return PendingCallback(
            id: try row.decode(column: "outbox_id", as: Int64.self), notification: notification, status: parsedStatus,
            statusAt: Date(microsecondsSinceEpoch: try row.decode(column: "status_at", as: Int64.self)),
            callback: ServiceCallback(
                serviceId: notification.serviceId, kind: parsedKind, url: try row.decode(column: "url", as: String.self),
                bearerToken: try row.decode(column: "bearer_token", as: String.self)
            ),
            attempt: try row.decode(column: "callback_attempts", as: Int.self)
        )
    }
}

extension StoreWriter {
    /// Queues a delivery-status callback for each update that moved its notification to a different final status
    /// (`previous` holds the statuses before), for services that have such a callback. In the same transaction
    /// as the status change, so a status is never reported twice or lost.
    public func queueStatusCallbacks(_ updates: [NotificationUpdate], previous: [UUID: NotificationStatus], now: Date) async throws {
        let finals = updates.filter { $0.status.isFinal && previous[$0.id] != $0.status }
        try await queueCallbacks(.deliveryStatus, rows: finals.map { ($0.id, $0.status, $0.completedAt ?? now) }, now: now)
    }

    /// Queues a complaint callback for each complaint, for services that have one; like status callbacks, in the
    /// transaction that records the complaint, and only for a notification's first complaint.
    public func queueComplaintCallbacks(_ complaints: [ComplaintFinding], statuses: [UUID: NotificationStatus], now: Date) async throws {
        try await queueCallbacks(
            .complaint, rows: complaints.compactMap { c in statuses[c.notificationId].map { (c.notificationId, $0, c.complainedAt) } }, now: now
        )
    }

    private func queueCallbacks(_ kind: ServiceCallback.Kind, rows: [(id: UUID, status: NotificationStatus, at: Date)], now: Date) async throws {
        guard !rows.isEmpty else { return }
        let batch = RowBatch(
            columns: [("id", .text), ("status", .text), ("status_at", .bigint)],
            rows: rows.map { [.string($0.id.storageString), .string($0.status.rawValue), .int(Int($0.at.microsecondsSinceEpoch))] }
        )
        try await db.raw("""
            INSERT INTO callback_outbox (service_id, notification_id, kind, status, status_at, available_at)
            SELECT n.service_id, u.id, c.kind, u.status, u.status_at, \(bind: now.microsecondsSinceEpoch)
            FROM (\(batch.select(dialect))) AS u
            JOIN notifications n ON n.id = u.id
            JOIN service_callbacks c ON c.service_id = n.service_id AND c.kind = \(bind: kind.rawValue)
            """).run()
    }
}
