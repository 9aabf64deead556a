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
    /// Every recipient of a message sent to several by blind copy (``NotificationRecord/recipients``); empty for a
    /// message to one.
    public var recipients: [String]
    /// The outcome of each of ``recipients`` heard of so far, by lowercased address.
    public var recipientOutcomes: [String: NotificationLifecycle]

    public init(
        id: UUID, status: NotificationStatus, facts: TrackingFacts, providerMessageId: String?, sentAt: Date?, recipients: [String] = [],
        recipientOutcomes: [String: NotificationLifecycle] = [:]
    ) {
        self.id = id
        self.status = status
        self.facts = facts
        self.providerMessageId = providerMessageId
        self.sentAt = sentAt
        self.recipients = recipients
        self.recipientOutcomes = recipientOutcomes
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
    /// New outcomes of some of the recipients of a message sent to several, by lowercased address.
    public var recipientOutcomes: [String: NotificationLifecycle]

    public init(
        id: UUID, status: NotificationStatus, facts: TrackingFacts, statusReason: String? = nil, provider: String? = nil,
        providerMessageId: String? = nil, sentAt: Date? = nil, completedAt: Date? = nil, attempts: Int? = nil, updatedAt: Date,
        recipientOutcomes: [String: NotificationLifecycle] = [:]
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
        self.recipientOutcomes = recipientOutcomes
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
        // One index lookup per list, combined by id: an `OR` of the two would make PostgreSQL scan the table.
        var matches: [SQLQueryString] = []
        if !ids.isEmpty { matches.append("SELECT id FROM notifications WHERE id IN (\(RowBatch.texts(ids.map(\.storageString)).select(dialect)))") }
        if !providerMessageIds.isEmpty {
            matches.append("""
                SELECT notification_id FROM provider_messages
                WHERE provider_message_id IN (\(RowBatch.texts(providerMessageIds).select(dialect)))
                """)
        }
        let rows = try await db.raw("""
            SELECT id, status, facts, provider_message_id, sent_at, recipient, bcc FROM notifications
            WHERE id IN (\(matches.joined(separator: " UNION "))) ORDER BY id\(unsafeRaw: rowLock)
            """).all()
        var states = try rows.map { row in
            let bcc = try row.decode(column: "bcc", as: String?.self)
            let lifecycle = try row.decodeLifecycle()
            return NotificationState(
                id: try row.decodeUUID(column: "id"),
                status: lifecycle.status,
                facts: lifecycle.facts,
                providerMessageId: try row.decode(column: "provider_message_id", as: String?.self),
                sentAt: try row.decode(column: "sent_at", as: Int64?.self).map(Date.init(microsecondsSinceEpoch:)),
                recipients: try bcc.map { [try row.decode(column: "recipient", as: String.self)] + $0.split(separator: "\n").map(String.init) } ?? []
            )
        }
        let outcomes = try await recipientOutcomes(of: states.filter { !$0.recipients.isEmpty }.map(\.id))
        for index in states.indices {
            states[index].recipientOutcomes = outcomes[states[index].id] ?? [:]
        }
        return states
    }

    /// The recipients' outcomes of messages sent to several (in a write, the rows are covered by their
    /// notifications' locks).
    func recipientOutcomes(of ids: [UUID]) async throws -> [UUID: [String: NotificationLifecycle]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await db.raw("""
            SELECT notification_id, address, status, facts FROM recipient_outcomes
            WHERE notification_id IN (\(RowBatch.texts(ids.map(\.storageString)).select(dialect)))
            """).all()
        var outcomes: [UUID: [String: NotificationLifecycle]] = [:]
        for row in rows {
            outcomes[try row.decodeUUID(column: "notification_id"), default: [:]][try row.decode(column: "address", as: String.self)] =
                try row.decodeLifecycle()
        }
        return outcomes
    }

    /// Writes new delivery states, many rows per statement, and indexes new provider message ids for matching events.
    public func update(_ updates: [NotificationUpdate]) async throws {
        guard !updates.isEmpty else { return }
        let batch = RowBatch(
            columns: [
                ("id", .text), ("status", .text), ("facts", .integer), ("status_reason", .text), ("provider", .text), ("provider_message_id", .text),
                ("sent_at", .bigint), ("completed_at", .bigint), ("attempts", .integer), ("updated_at", .bigint),
            ],
            rows: updates.map { u in
                [
                    .string(u.id.storageString), .string(u.status.rawValue), .int(u.facts.rawValue), .optional(u.statusReason), .optional(u.provider),
                    .optional(u.providerMessageId), .optional(u.sentAt?.microsecondsSinceEpoch), .optional(u.completedAt?.microsecondsSinceEpoch),
                    .optional(u.attempts), .int(Int(u.updatedAt.microsecondsSinceEpoch)),
                ]
            }
        )
        try await db.raw("""
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
            FROM (\(batch.select(dialect))) AS u WHERE notifications.id = u.id
            """).run()
        let providerMessages = updates.compactMap { u in u.providerMessageId.map { [JSONValue.string($0), .string(u.id.storageString)] } }
        if !providerMessages.isEmpty {
            let batch = RowBatch(columns: [("provider_message_id", .text), ("notification_id", .text)], rows: providerMessages)
            try await db.raw("\(batch.insert(into: "provider_messages", dialect)) ON CONFLICT (provider_message_id) DO NOTHING").run()
        }
        let outcomes = updates.flatMap { u in
            u.recipientOutcomes.map { address, outcome in
                [JSONValue.string(u.id.storageString), .string(address), .string(outcome.status.rawValue), .int(outcome.facts.rawValue),
                 .int(Int(u.updatedAt.microsecondsSinceEpoch))]
            }
        }
        if !outcomes.isEmpty {
            let batch = RowBatch(
                columns: [("notification_id", .text), ("address", .text), ("status", .text), ("facts", .integer), ("updated_at", .bigint)], rows: outcomes
            )
            try await db.raw("""
                \(batch.insert(into: "recipient_outcomes", dialect)) ON CONFLICT (notification_id, address)
                DO UPDATE SET status = excluded.status, facts = excluded.facts, updated_at = excluded.updated_at
                """).run()
        }
    }

    /// Appends entries to notifications' timelines.
    public func appendTimeline(_ events: [TimelineEvent]) async throws {
        guard !events.isEmpty else { return }
        let batch = RowBatch(
            columns: [
                ("notification_id", .text), ("event", .text), ("status", .text), ("detail", .text), ("raw", .text), ("occurred_at", .bigint),
                ("recorded_at", .bigint),
            ],
            rows: events.map { e in
                [
                    .string(e.notificationId.storageString), .string(e.event), .string(e.status.rawValue), .optional(e.detail), .optional(e.raw),
                    .int(Int(e.occurredAt.microsecondsSinceEpoch)), .int(Int(e.recordedAt.microsecondsSinceEpoch)),
                ]
            }
        )
        try await db.raw(batch.insert(into: "notification_events", dialect)).run()
    }

    /// Removes finished delivery jobs.
    public func finishDeliveries(ids: [UUID]) async throws {
        guard !ids.isEmpty else { return }
        try await db.raw("DELETE FROM deliveries WHERE notification_id IN (\(RowBatch.texts(ids.map(\.storageString)).select(dialect)))").run()
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
        guard !documents.isEmpty else { return }
        let batch = RowBatch(
            columns: [("source", .text), ("body", .text), ("received_at", .bigint), ("available_at", .bigint)],
            rows: documents.map { d in
                [.string(d.source), .string(d.body), .int(Int(d.receivedAt.microsecondsSinceEpoch)), .int(Int(d.receivedAt.microsecondsSinceEpoch))]
            }
        )
        try await db.raw(batch.insert(into: "feedback_inbox", dialect)).run()
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
        try await db.raw("DELETE FROM feedback_inbox WHERE id IN (\(RowBatch.integers(ids).select(dialect)))").run()
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
