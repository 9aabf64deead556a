import Foundation
import HeraldCore
import SQLKit

/// The current delivery state of a notification, read under a row lock so it can be moved on safely.
public struct NotificationState: Sendable, Hashable {
    public var id: UUID
    public var status: NotificationStatus
    public var facts: TrackingFacts
    public var providerMessageId: String?
    public var sentAt: Date?

    public init(id: UUID, status: NotificationStatus, facts: TrackingFacts, providerMessageId: String?, sentAt: Date?) {
        self.id = id
        self.status = status
        self.facts = facts
        self.providerMessageId = providerMessageId
        self.sentAt = sentAt
    }
}

/// New values for a notification's delivery columns; nil leaves a column as it is.
public struct NotificationUpdate: Sendable {
    public var id: UUID
    public var status: NotificationStatus
    public var facts: TrackingFacts
    public var statusReason: String?
    public var provider: String?
    public var providerMessageId: String?
    public var sentAt: Date?
    public var completedAt: Date?
    public var attempts: Int?
    public var updatedAt: Date

    public init(
        id: UUID, status: NotificationStatus, facts: TrackingFacts, statusReason: String? = nil, provider: String? = nil,
        providerMessageId: String? = nil, sentAt: Date? = nil, completedAt: Date? = nil, attempts: Int? = nil, updatedAt: Date
    ) {
        self.id = id
        self.status = status
        self.facts = facts
        self.statusReason = statusReason
        self.provider = provider
        self.providerMessageId = providerMessageId
        self.sentAt = sentAt
        self.completedAt = completedAt
        self.attempts = attempts
        self.updatedAt = updatedAt
    }
}

/// A delivery job to try again later.
public struct DeliveryRetry: Sendable {
    public var id: UUID
    public var at: Date
    public var error: String

    public init(id: UUID, at: Date, error: String) {
        self.id = id
        self.at = at
        self.error = error
    }
}

/// A provider feedback message as received (an SES event, an SNS envelope), before interpretation.
public struct FeedbackDocument: Sendable, Hashable {
    /// Where it came from: `simulator`, `sns-webhook`, `sqs`.
    public var source: String
    public var body: String
    public var receivedAt: Date

    public init(source: String, body: String, receivedAt: Date) {
        self.source = source
        self.body = body
        self.receivedAt = receivedAt
    }
}

/// A feedback message waiting in the inbox.
public struct StoredFeedback: Sendable, Hashable {
    public var id: Int64
    public var document: FeedbackDocument
    /// How many times applying it was tried before (it could not be matched yet).
    public var attempts: Int
}

/// The building blocks of Herald's write transactions. Obtained from ``HeraldStore/write(_:)``; every call joins
/// that transaction. The SQL of the queues and of status changes lives here; the decisions live in the callers.
public struct StoreWriter: Sendable {
    let db: any SQLDatabase
    let dialect: SQLDialectKind

    private var rowLock: String { dialect == .postgres ? " FOR UPDATE" : "" }
    private var skipLocked: String { dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : "" }

    /// Reads and locks the notifications with these ids or provider message ids (locked in id order, so that
    /// concurrent transactions cannot deadlock on them).
    public func lockStates(ids: [UUID], providerMessageIds: [String] = []) async throws -> [NotificationState] {
        guard !ids.isEmpty || !providerMessageIds.isEmpty else { return [] }
        var conditions: [SQLQueryString] = []
        if !ids.isEmpty { conditions.append("id IN (\(binds: ids.map(\.storageString)))") }
        if !providerMessageIds.isEmpty { conditions.append("provider_message_id IN (\(binds: providerMessageIds))") }
        let rows = try await db.raw("""
            SELECT id, status, facts, provider_message_id, sent_at FROM notifications
            WHERE \(conditions.joined(separator: " OR ")) ORDER BY id\(unsafeRaw: rowLock)
            """).all()
        return try rows.map { row in
            let id = try row.decode(column: "id", as: String.self)
            let status = try row.decode(column: "status", as: String.self)
            guard let uuid = UUID(uuidString: id) else { throw CorruptRow(column: "id", value: id) }
            guard let parsed = NotificationStatus(rawValue: status) else { throw CorruptRow(column: "status", value: status) }
            return NotificationState(
                id: uuid,
                status: parsed,
                facts: TrackingFacts(rawValue: try row.decode(column: "facts", as: Int.self)),
                providerMessageId: try row.decode(column: "provider_message_id", as: String?.self),
                sentAt: try row.decode(column: "sent_at", as: Int64?.self).map(Date.init(microsecondsSinceEpoch:))
            )
        }
    }

    /// Writes new delivery states, many rows per statement.
    public func update(_ updates: [NotificationUpdate]) async throws {
        let casts: [String?] = ["TEXT", "TEXT", "INTEGER", "TEXT", "TEXT", "TEXT", "BIGINT", "BIGINT", "INTEGER", "BIGINT"]
        for start in stride(from: 0, to: updates.count, by: 500) {
            let rows: [[any Encodable & Sendable]] = updates[start..<min(start + 500, updates.count)].map { u in
                [
                    u.id.storageString, u.status.rawValue, u.facts.rawValue, u.statusReason, u.provider, u.providerMessageId,
                    u.sentAt?.microsecondsSinceEpoch, u.completedAt?.microsecondsSinceEpoch, u.attempts, u.updatedAt.microsecondsSinceEpoch,
                ]
            }
            try await db.raw("""
                WITH u (id, status, facts, status_reason, provider, provider_message_id, sent_at, completed_at, attempts, updated_at)
                AS (VALUES \(SQLQueryString.valueRows(rows, casts: casts)))
                UPDATE notifications SET
                    status = u.status,
                    facts = u.facts,
                    status_reason = COALESCE(u.status_reason, notifications.status_reason),
                    provider = COALESCE(u.provider, notifications.provider),
                    provider_message_id = COALESCE(u.provider_message_id, notifications.provider_message_id),
                    sent_at = COALESCE(u.sent_at, notifications.sent_at),
                    completed_at = COALESCE(u.completed_at, notifications.completed_at),
                    attempts = COALESCE(u.attempts, notifications.attempts),
                    updated_at = u.updated_at
                FROM u WHERE notifications.id = u.id
                """).run()
        }
    }

    /// Appends entries to notifications' timelines.
    public func appendTimeline(_ events: [TimelineEvent]) async throws {
        for start in stride(from: 0, to: events.count, by: 1000) {
            let rows: [[any Encodable & Sendable]] = events[start..<min(start + 1000, events.count)].map { e in
                [
                    e.notificationId.storageString, e.event, e.status.rawValue, e.detail, e.raw,
                    e.occurredAt.microsecondsSinceEpoch, e.recordedAt.microsecondsSinceEpoch,
                ]
            }
            try await db.raw("""
                INSERT INTO notification_events (notification_id, event, status, detail, raw, occurred_at, recorded_at)
                VALUES \(SQLQueryString.valueRows(rows, casts: [nil, nil, nil, "TEXT", "TEXT", nil, nil]))
                """).run()
        }
    }

    /// Removes finished delivery jobs.
    public func finishDeliveries(ids: [UUID]) async throws {
        guard !ids.isEmpty else { return }
        try await db.raw("DELETE FROM deliveries WHERE notification_id IN (\(binds: ids.map(\.storageString)))").run()
    }

    /// Makes jobs due again later, if `owner` still holds their lease.
    public func retryDeliveries(_ retries: [DeliveryRetry], owner: String) async throws {
        for retry in retries {
            try await db.raw("""
                UPDATE deliveries SET available_at = \(bind: retry.at.microsecondsSinceEpoch), lease_owner = NULL, last_error = \(bind: retry.error)
                WHERE notification_id = \(bind: retry.id.storageString) AND lease_owner = \(bind: owner)
                """).run()
        }
    }

    /// Puts provider feedback in the inbox, to be applied by a feedback processor.
    public func appendFeedback(_ documents: [FeedbackDocument]) async throws {
        for start in stride(from: 0, to: documents.count, by: 1000) {
            let rows: [[any Encodable & Sendable]] = documents[start..<min(start + 1000, documents.count)].map { d in
                [d.source, d.body, d.receivedAt.microsecondsSinceEpoch, d.receivedAt.microsecondsSinceEpoch]
            }
            try await db.raw("INSERT INTO feedback_inbox (source, body, received_at, available_at) VALUES \(SQLQueryString.valueRows(rows))").run()
        }
    }

    /// Takes up to `limit` due inbox entries for this transaction (other processors skip them meanwhile).
    public func claimFeedback(limit: Int, now: Date) async throws -> [StoredFeedback] {
        try await db.raw("""
            SELECT id, source, body, received_at, attempts FROM feedback_inbox
            WHERE available_at <= \(bind: now.microsecondsSinceEpoch) ORDER BY id LIMIT \(bind: limit)\(unsafeRaw: skipLocked)
            """).all().map { row in
            StoredFeedback(
                id: try row.decode(column: "id", as: Int64.self),
                document: FeedbackDocument(
                    source: try row.decode(column: "source", as: String.self),
                    body: try row.decode(column: "body", as: String.self),
                    receivedAt: Date(microsecondsSinceEpoch: try row.decode(column: "received_at", as: Int64.self))
                ),
                attempts: try row.decode(column: "attempts", as: Int.self)
            )
        }
    }

    /// Removes applied inbox entries.
    public func deleteFeedback(ids: [Int64]) async throws {
        guard !ids.isEmpty else { return }
        try await db.raw("DELETE FROM feedback_inbox WHERE id IN (\(binds: ids))").run()
    }

    /// Keeps an inbox entry for a later try (its notification is not known yet).
    public func deferFeedback(id: Int64, until: Date, reason: String) async throws {
        try await db.raw("""
            UPDATE feedback_inbox SET available_at = \(bind: until.microsecondsSinceEpoch), attempts = attempts + 1, last_error = \(bind: reason)
            WHERE id = \(bind: id)
            """).run()
    }

    /// Moves an inbox entry that can never be applied to the dead-letter table, with the reason, for a person to look at.
    public func deadLetterFeedback(_ entry: StoredFeedback, error: String, now: Date) async throws {
        try await db.raw("""
            INSERT INTO feedback_dead_letters (source, body, error, received_at, failed_at)
            VALUES (\(bind: entry.document.source), \(bind: entry.document.body), \(bind: error),
                    \(bind: entry.document.receivedAt.microsecondsSinceEpoch), \(bind: now.microsecondsSinceEpoch))
            """).run()
        try await deleteFeedback(ids: [entry.id])
    }
}
