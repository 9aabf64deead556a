import Foundation
import HeraldCore
import SQLKit

/// The `notifications` columns in one order, shared by every query that writes or reads whole rows.
enum NotificationColumns {
    static let columns: [(name: String, type: RowBatch.ColumnType)] = [
        ("id", .text), ("service_id", .text), ("template_id", .text), ("template_version", .integer), ("channel", .text),
        ("recipient", .text), ("personalisation", .text), ("subject", .text), ("body", .text), ("reference", .text), ("status", .text),
        ("facts", .integer), ("status_reason", .text), ("provider", .text), ("provider_message_id", .text), ("attempts", .integer),
        ("key_type", .text), ("api_key_id", .text), ("origin", .text), ("job_id", .text), ("job_row_number", .integer),
        ("idempotency_key", .text), ("created_at", .bigint), ("scheduled_for", .bigint), ("sent_at", .bigint), ("completed_at", .bigint),
        ("updated_at", .bigint), ("billable_units", .integer), ("unsubscribe_url", .text),
        ("batch_id", .text), ("reply_to", .text), ("html_body", .text), ("bcc", .text),
    ]
    static let list = columns.map(\.name).joined(separator: ", ")

    /// The column list with every name qualified by a table alias, for joins.
    static func list(qualifiedBy alias: String) -> String {
        columns.map { "\(alias).\($0.name)" }.joined(separator: ", ")
    }

    /// Notifications as a batch for one multi-row statement.
    static func batch(_ notifications: some Collection<NotificationRecord>) -> RowBatch {
        RowBatch(columns: columns, rows: notifications.map(row(of:)))
    }

    /// One row's values, in ``columns`` order.
    static func row(of n: NotificationRecord) -> [JSONValue] {
        [
            .string(n.id.storageString), .string(n.serviceId.storageString), .string(n.templateId.storageString), .int(n.templateVersion),
            .string(n.channel.rawValue), .string(n.recipient), .optional(n.personalisationJSON), .optional(n.subject), .string(n.body),
            .optional(n.reference), .string(n.status.rawValue), .int(n.facts.rawValue), .optional(n.statusReason), .optional(n.provider),
            .optional(n.providerMessageId), .int(n.attempts), .string(n.keyType.rawValue), .optional(n.apiKeyId?.storageString),
            .string(n.origin.rawValue), .optional(n.jobId?.storageString), .optional(n.jobRowNumber), .optional(n.idempotencyKey),
            .int(Int(n.createdAt.microsecondsSinceEpoch)), .optional(n.scheduledFor?.microsecondsSinceEpoch),
            .optional(n.sentAt?.microsecondsSinceEpoch), .optional(n.completedAt?.microsecondsSinceEpoch),
            .int(Int(n.updatedAt.microsecondsSinceEpoch)), .int(n.billableUnits), .optional(n.unsubscribeURL),
            .optional(n.batchId), .optional(n.replyTo), .optional(n.htmlBody), .optional(n.bcc.isEmpty ? nil : n.bcc.joined(separator: "\n")),
        ]
    }

    /// Each column's position in a row that starts with ``list``.
    static let positions = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($0.element.name, $0.offset) })

    static func decode(_ row: any SQLRow) throws -> NotificationRecord {
        try decode(SQLRowColumns(row: row))
    }

    static func decode(_ row: some RowColumns) throws -> NotificationRecord {
        func uuid(_ column: String) throws -> UUID {
            let text = try row.decode(column: column, as: String.self)
            guard let id = UUID(storageString: text) else { throw CorruptRow(column: column, value: text) }
            return id
        }
        func optionalUUID(_ column: String) throws -> UUID? {
            try row.decode(column: column, as: String?.self).flatMap(UUID.init(storageString:))
        }
        func date(_ column: String) throws -> Date? {
            try row.decode(column: column, as: Int64?.self).map(Date.init(microsecondsSinceEpoch:))
        }
        func enumValue<E: RawRepresentable>(_ column: String, as: E.Type) throws -> E where E.RawValue == String {
            let text = try row.decode(column: column, as: String.self)
            guard let value = E(rawValue: text) else { throw CorruptRow(column: column, value: text) }
            return value
        }
        return NotificationRecord(
            id: try uuid("id"),
            serviceId: try uuid("service_id"),
            templateId: try uuid("template_id"),
            templateVersion: try row.decode(column: "template_version", as: Int.self),
            channel: try enumValue("channel", as: Channel.self),
            recipient: try row.decode(column: "recipient", as: String.self),
            bcc: try row.decode(column: "bcc", as: String?.self).map { $0.split(separator: "\n").map(String.init) } ?? [],
            personalisationJSON: try row.decode(column: "personalisation", as: String?.self),
            subject: try row.decode(column: "subject", as: String?.self),
            body: try row.decode(column: "body", as: String.self),
            reference: try row.decode(column: "reference", as: String?.self),
            status: try enumValue("status", as: NotificationStatus.self),
            facts: TrackingFacts(rawValue: try row.decode(column: "facts", as: Int.self)),
            statusReason: try row.decode(column: "status_reason", as: String?.self),
            provider: try row.decode(column: "provider", as: String?.self),
            providerMessageId: try row.decode(column: "provider_message_id", as: String?.self),
            attempts: try row.decode(column: "attempts", as: Int.self),
            keyType: try enumValue("key_type", as: KeyType.self),
            apiKeyId: try optionalUUID("api_key_id"),
            origin: try enumValue("origin", as: NotificationOrigin.self),
            jobId: try optionalUUID("job_id"),
            jobRowNumber: try row.decode(column: "job_row_number", as: Int?.self),
            idempotencyKey: try row.decode(column: "idempotency_key", as: String?.self),
            createdAt: try date("created_at") ?? Date(timeIntervalSince1970: 0),
            scheduledFor: try date("scheduled_for"),
            sentAt: try date("sent_at"),
            completedAt: try date("completed_at"),
            updatedAt: try date("updated_at"),
            billableUnits: try row.decode(column: "billable_units", as: Int.self),
            unsubscribeURL: try row.decode(column: "unsubscribe_url", as: String?.self),
            batchId: try row.decode(column: "batch_id", as: String?.self),
            replyTo: try row.decode(column: "reply_to", as: String?.self),
            htmlBody: try row.decode(column: "html_body", as: String?.self)
        )
    }
}

/// A stored value Herald cannot interpret: the database was changed outside Herald or by a newer version.
public struct CorruptRow: Error, CustomStringConvertible {
    public let column: String
    public let value: String
    public var description: String { "unexpected value '\(value)' in column \(column)" }
}
