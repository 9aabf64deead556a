import Foundation
import HeraldCore
import SQLKit

/// The outcome of accepting one notification.
public enum EnqueueOutcome: Sendable {
    /// Stored with its delivery job.
    case accepted(NotificationRecord)
    /// A notification with the same idempotency key already exists for the service: this is it, and nothing new was queued.
    case duplicate(NotificationRecord)

    /// The notification stored, new or earlier.
    public var notification: NotificationRecord {
        switch self {
        case .accepted(let notification), .duplicate(let notification): notification
        }
    }

    /// The notification when this call stored it; nil for a duplicate.
    public var accepted: NotificationRecord? {
        if case .accepted(let notification) = self { notification } else { nil }
    }
}

extension HeraldStore {
    /// Rows per multi-row INSERT.
    static let insertChunk = 5000

    /// Accepts notifications: writes each one and its delivery job in the same transaction (the outbox), so an
    /// accepted notification is never without its job. Its job becomes due at `scheduledFor`, or now.
    /// A notification carrying an idempotency key that the service already used is not stored again: the first
    /// one is returned as ``EnqueueOutcome/duplicate(_:)``.
    public func enqueue(_ notifications: [NotificationRecord], priority: DeliveryPriority) async throws -> [EnqueueOutcome] {
        let dialect = self.dialect
        if dialect == .postgres, notifications.allSatisfy({ $0.idempotencyKey == nil }) {
            // One statement writes both tables: atomic by itself, so no BEGIN/COMMIT round trips.
            try await engine.autocommit { db in try await Self.insertQueued(notifications, priority: priority, into: db, dialect) }
            return notifications.map(EnqueueOutcome.accepted)
        }
        return try await engine.transaction { db in
            var outcomes: [EnqueueOutcome] = []
            outcomes.reserveCapacity(notifications.count)
            var plain: [NotificationRecord] = []
            for notification in notifications {
                guard let key = notification.idempotencyKey else {
                    plain.append(notification)
                    outcomes.append(.accepted(notification))
                    continue
                }
                let inserted = try await db.raw("""
                    \(NotificationColumns.batch([notification]).insert(into: "notifications", dialect))
                    ON CONFLICT (service_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
                    RETURNING id
                    """).first() != nil
                if inserted {
                    try await Self.insertDeliveries(for: [notification], priority: priority, into: db, dialect)
                    outcomes.append(.accepted(notification))
                } else {
                    let existing = try await db.raw("""
                        SELECT \(unsafeRaw: NotificationColumns.list) FROM notifications
                        WHERE service_id = \(bind: notification.serviceId.storageString) AND idempotency_key = \(bind: key)
                        """).first().map(NotificationColumns.decode)
                    guard let existing else { throw IdempotencyConflictVanished(key: key) }
                    outcomes.append(.duplicate(existing))
                }
            }
            try await Self.insertQueued(plain, priority: priority, into: db, dialect)
            return outcomes
        }
    }

    /// Writes notifications and their delivery jobs in multi-row statements; on PostgreSQL one statement per chunk
    /// writes both tables, atomic by itself.
    static func insertQueued(_ notifications: [NotificationRecord], priority: DeliveryPriority, into db: any SQLDatabase, _ dialect: SQLDialectKind) async throws {
        for chunk in notifications.chunks(of: insertChunk) {
            switch dialect {
            case .postgres:
                try await db.raw("""
                    WITH inserted AS (\(NotificationColumns.batch(chunk).insert(into: "notifications", dialect)) RETURNING id, created_at, scheduled_for)
                    INSERT INTO deliveries (notification_id, priority, available_at)
                    SELECT id, \(bind: priority.rawValue), COALESCE(scheduled_for, created_at) FROM inserted
                    """).run()
            case .sqlite:
                try await db.raw(NotificationColumns.batch(chunk).insert(into: "notifications", dialect)).run()
                try await insertDeliveries(for: chunk, priority: priority, into: db, dialect)
            }
        }
    }

    private static func insertDeliveries(
        for notifications: some Collection<NotificationRecord>, priority: DeliveryPriority, into db: any SQLDatabase, _ dialect: SQLDialectKind
    ) async throws {
        let batch = RowBatch(
            columns: [("notification_id", .text), ("priority", .integer), ("available_at", .bigint)],
            rows: notifications.map { [.string($0.id.storageString), .int(priority.rawValue), .int(Int(($0.scheduledFor ?? $0.createdAt).microsecondsSinceEpoch))] }
        )
        try await db.raw(batch.insert(into: "deliveries", dialect)).run()
    }
}

/// An idempotency key conflicted but what it stands for (a notification, a stored reply) could not be read back
/// (it was deleted meanwhile).
struct IdempotencyConflictVanished: Error {
    let key: String
}
