import Foundation
import HeraldCore
import Logging
import SQLKit

/// Herald's state: services, keys, templates, notifications with their timelines, and the delivery and feedback
/// queues. Every query is written once here (and in `StoreWriter`) over SQLKit and runs on any ``DatabaseEngine``.
public struct HeraldStore: Sendable {
    public let engine: any DatabaseEngine
    let logger: Logger
    /// Changes to members' inboxes, for live streams.
    public let inboxChanges: InboxChangeFeed

    public init(engine: any DatabaseEngine, logger: Logger) {
        self.engine = engine
        self.logger = logger
        self.inboxChanges = InboxChangeFeed(engine: engine, logger: logger)
    }

    public var dialect: SQLDialectKind { engine.dialect }

    /// Opens the database a setting names (SQLite path or `postgres://` URL) and migrates it to the newest schema.
    public static func open(_ setting: String, migrate: Bool = true, logger: Logger) async throws -> HeraldStore {
        let store = HeraldStore(engine: try await openDatabaseEngine(setting, logger: logger), logger: logger)
        if migrate {
            do {
                try await store.migrate()
            } catch {
                try? await store.engine.shutdown()
                throw error
            }
        }
        return store
    }

    /// Applies pending schema migrations; returns the versions applied.
    @discardableResult
    public func migrate() async throws -> [Int] {
        try await Migrator(engine: engine, logger: logger).migrate()
    }

    public func shutdown() async throws {
        await inboxChanges.stop()
        try await engine.shutdown()
    }

    /// Runs `body` in one transaction with the building blocks workers and feedback processors compose.
    public func write<T: Sendable>(_ body: @Sendable (StoreWriter) async throws -> T) async throws -> T {
        let dialect = self.dialect
        return try await engine.transaction { db in try await body(StoreWriter(db: db, dialect: dialect)) }
    }

    // MARK: Services, keys, templates

    /// Stores a new service together with its first API keys.
    public func createService(_ service: Service, keys: [APIKey]) async throws {
        try await engine.transaction { db in
            try await db.raw("""
                INSERT INTO services (id, name, active, email_from, created_at)
                VALUES (\(bind: service.id.storageString), \(bind: service.name), \(bind: service.active ? 1 : 0),
                        \(bind: service.emailFrom), \(bind: service.createdAt.microsecondsSinceEpoch))
                """).run()
            for key in keys {
                try await Self.insert(key, into: db)
            }
        }
    }

    public func createAPIKey(_ key: APIKey) async throws {
        try await engine.transaction { db in try await Self.insert(key, into: db) }
    }

    private static func insert(_ key: APIKey, into db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO api_keys (id, service_id, name, secret, key_type, created_at, revoked_at)
            VALUES (\(bind: key.id.storageString), \(bind: key.serviceId.storageString), \(bind: key.name), \(bind: key.secret),
                    \(bind: key.type.rawValue), \(bind: key.createdAt.microsecondsSinceEpoch), \(bind: key.revokedAt?.microsecondsSinceEpoch))
            """).run()
    }

    public func service(id: UUID) async throws -> Service? {
        try await engine.read { db in
            guard let row = try await db.raw("SELECT * FROM services WHERE id = \(bind: id.storageString)").first() else { return nil }
            return Service(
                id: id,
                name: try row.decode(column: "name", as: String.self),
                active: try row.decode(column: "active", as: Int.self) != 0,
                emailFrom: try row.decode(column: "email_from", as: String.self),
                createdAt: Date(microsecondsSinceEpoch: try row.decode(column: "created_at", as: Int64.self))
            )
        }
    }

    public func apiKeys(serviceId: UUID) async throws -> [APIKey] {
        try await engine.read { db in
            try await db.raw("SELECT * FROM api_keys WHERE service_id = \(bind: serviceId.storageString) ORDER BY created_at").all().map { row in
                APIKey(
                    id: UUID(storageString: try row.decode(column: "id", as: String.self)) ?? UUID(),
                    serviceId: serviceId,
                    name: try row.decode(column: "name", as: String.self),
                    secret: try row.decode(column: "secret", as: String.self),
                    type: KeyType(rawValue: try row.decode(column: "key_type", as: String.self)) ?? .test,
                    createdAt: Date(microsecondsSinceEpoch: try row.decode(column: "created_at", as: Int64.self)),
                    revokedAt: try row.decode(column: "revoked_at", as: Int64?.self).map(Date.init(microsecondsSinceEpoch:))
                )
            }
        }
    }

    /// Stores a template version (version 1 for a new template; the next number when editing).
    public func createTemplate(_ template: Template) async throws {
        try await engine.transaction { db in
            try await db.raw("""
                INSERT INTO templates (id, version, service_id, channel, name, subject, body, archived, created_at)
                VALUES (\(bind: template.id.storageString), \(bind: template.version), \(bind: template.serviceId.storageString),
                        \(bind: template.channel.rawValue), \(bind: template.name), \(bind: template.subject), \(bind: template.body),
                        \(bind: template.archived ? 1 : 0), \(bind: template.createdAt.microsecondsSinceEpoch))
                """).run()
        }
    }

    /// A service's template: the given version, or the newest when `version` is nil.
    public func template(id: UUID, serviceId: UUID, version: Int? = nil) async throws -> Template? {
        try await engine.read { db in
            var query: SQLQueryString = "SELECT * FROM templates WHERE id = \(bind: id.storageString) AND service_id = \(bind: serviceId.storageString)"
            if let version {
                query += " AND version = \(bind: version)"
            }
            query += " ORDER BY version DESC LIMIT 1"
            guard let row = try await db.raw(query).first() else { return nil }
            return Template(
                id: id,
                version: try row.decode(column: "version", as: Int.self),
                serviceId: serviceId,
                channel: Channel(rawValue: try row.decode(column: "channel", as: String.self)) ?? .email,
                name: try row.decode(column: "name", as: String.self),
                subject: try row.decode(column: "subject", as: String?.self),
                body: try row.decode(column: "body", as: String.self),
                archived: try row.decode(column: "archived", as: Int.self) != 0,
                createdAt: Date(microsecondsSinceEpoch: try row.decode(column: "created_at", as: Int64.self))
            )
        }
    }

    // MARK: Notifications

    public func notification(id: UUID, serviceId: UUID? = nil) async throws -> NotificationRecord? {
        try await engine.read { db in
            var query: SQLQueryString = "SELECT \(unsafeRaw: NotificationColumns.list) FROM notifications WHERE id = \(bind: id.storageString)"
            if let serviceId {
                query += " AND service_id = \(bind: serviceId.storageString)"
            }
            return try await db.raw(query).first().map(NotificationColumns.decode)
        }
    }

    /// A page of a service's notifications, newest first.
    public func notifications(_ filter: NotificationFilter) async throws -> [NotificationRecord] {
        try await engine.read { db in
            var query: SQLQueryString = """
                SELECT \(unsafeRaw: NotificationColumns.list) FROM notifications
                WHERE service_id = \(bind: filter.serviceId.storageString)
                """
            if let keyType = filter.keyType {
                query += " AND key_type = \(bind: keyType.rawValue)"
            }
            if !filter.statuses.isEmpty {
                query += " AND status IN (\(binds: filter.statuses.map(\.rawValue)))"
            }
            if !filter.channels.isEmpty {
                query += " AND channel IN (\(binds: filter.channels.map(\.rawValue)))"
            }
            if let reference = filter.reference {
                query += " AND reference = \(bind: reference)"
            }
            if let batchId = filter.batchId {
                query += " AND batch_id = \(bind: batchId)"
            }
            if !filter.includeJobs {
                query += " AND job_id IS NULL"
            }
            if let olderThan = filter.olderThan {
                query += """
                     AND (created_at, id) < (SELECT created_at, id FROM notifications
                                             WHERE id = \(bind: olderThan.storageString) AND service_id = \(bind: filter.serviceId.storageString))
                    """
            }
            query += " ORDER BY created_at DESC, id DESC LIMIT \(bind: filter.limit)"
            return try await db.raw(query).all().map(NotificationColumns.decode)
        }
    }

    /// Everything recorded about a notification after it was accepted, oldest first.
    public func timeline(notificationId: UUID) async throws -> [TimelineEvent] {
        try await timelines(notificationIds: [notificationId])[notificationId] ?? []
    }

    /// The outcome of each recipient heard of so far, by lowercased address, of these messages to several recipients.
    public func recipientOutcomes(notificationIds: [UUID]) async throws -> [UUID: [String: NotificationLifecycle]] {
        let dialect = self.dialect
        return try await engine.read { db in try await StoreWriter(db: db, dialect: dialect).recipientOutcomes(of: notificationIds) }
    }

    /// The timelines of several notifications, each oldest first; only the events named in `events` when given.
    public func timelines(notificationIds: [UUID], events: [String]? = nil) async throws -> [UUID: [TimelineEvent]] {
        guard !notificationIds.isEmpty else { return [:] }
        return try await engine.read { db in
            var query: SQLQueryString = """
                SELECT notification_id, event, status, detail, raw, occurred_at, recorded_at FROM notification_events
                WHERE notification_id IN (\(binds: notificationIds.map(\.storageString)))
                """
            if let events {
                query += " AND event IN (\(binds: events))"
            }
            query += " ORDER BY id"
            var timelines: [UUID: [TimelineEvent]] = [:]
            for row in try await db.raw(query).all() {
                let text = try row.decode(column: "notification_id", as: String.self)
                guard let id = UUID(storageString: text) else { throw CorruptRow(column: "notification_events.notification_id", value: text) }
                timelines[id, default: []].append(TimelineEvent(
                    notificationId: id,
                    event: try row.decode(column: "event", as: String.self),
                    status: NotificationStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .created,
                    detail: try row.decode(column: "detail", as: String?.self),
                    raw: try row.decode(column: "raw", as: String?.self),
                    occurredAt: Date(microsecondsSinceEpoch: try row.decode(column: "occurred_at", as: Int64.self)),
                    recordedAt: Date(microsecondsSinceEpoch: try row.decode(column: "recorded_at", as: Int64.self))
                ))
            }
            return timelines
        }
    }

    /// How many notifications are in each status (optionally for one service).
    public func statusCounts(serviceId: UUID? = nil) async throws -> [NotificationStatus: Int] {
        try await engine.read { db in
            var query: SQLQueryString = "SELECT status, COUNT(*) AS n FROM notifications"
            if let serviceId {
                query += " WHERE service_id = \(bind: serviceId.storageString)"
            }
            query += " GROUP BY status"
            var counts: [NotificationStatus: Int] = [:]
            for row in try await db.raw(query).all() {
                if let status = NotificationStatus(rawValue: try row.decode(column: "status", as: String.self)) {
                    counts[status] = try row.decode(column: "n", as: Int.self)
                }
            }
            return counts
        }
    }

    /// True when no delivery job and no feedback is waiting (cheap: stops at the first row).
    public func isIdle() async throws -> Bool {
        try await engine.read { db in
            try await db.raw("""
                SELECT CASE WHEN EXISTS (SELECT 1 FROM deliveries) OR EXISTS (SELECT 1 FROM feedback_inbox) THEN 0 ELSE 1 END AS idle
                """).first(decodingColumn: "idle", as: Int.self) == 1
        }
    }

    /// Work still queued: deliveries not yet finished and feedback not yet applied.
    public func backlog() async throws -> (deliveries: Int, feedback: Int) {
        try await engine.read { db in
            let deliveries = try await db.raw("SELECT COUNT(*) AS n FROM deliveries").first(decodingColumn: "n", as: Int.self) ?? 0
            let feedback = try await db.raw("SELECT COUNT(*) AS n FROM feedback_inbox").first(decodingColumn: "n", as: Int.self) ?? 0
            return (deliveries, feedback)
        }
    }
}
