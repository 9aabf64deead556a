import Foundation
import HeraldCore
import SQLKit

/// The `inbox_items` columns in one order, shared by the bulk insert and every query that reads whole items.
enum InboxColumns {
    static let columns: [(name: String, type: RowBatch.ColumnType)] = [
        ("id", .text), ("service_id", .text), ("member_id", .text), ("kind", .text), ("event_type", .text), ("scope", .text),
        ("title", .text), ("body", .text), ("link", .text), ("created_at", .bigint), ("acknowledged_at", .bigint), ("expires_at", .bigint),
    ]
    static let list = columns.map(\.name).joined(separator: ", ")
    /// Each column's position in a row that starts with ``list``.
    static let positions = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($0.element.name, $0.offset) })

    /// Items as a batch for one multi-row statement.
    static func batch(_ items: some Collection<InboxItem>) -> RowBatch {
        RowBatch(columns: columns, rows: items.map { item in
            [
                .string(item.id.storageString), .string(item.serviceId.storageString), .string(item.memberId), .string(item.kind.rawValue),
                .optional(item.eventType?.name), .optional(item.scope), .string(item.title), .string(item.body), .optional(item.link),
                .int(Int(item.createdAt.microsecondsSinceEpoch)), .optional(item.acknowledgedAt?.microsecondsSinceEpoch),
                .optional(item.expiresAt?.microsecondsSinceEpoch),
            ]
        })
    }

    static func decode(_ row: any SQLRow) throws -> InboxItem {
        try decode(SQLRowColumns(row: row) as any RowColumns)
    }

    static func decode(_ row: any RowColumns) throws -> InboxItem {
        func uuid(_ column: String) throws -> UUID {
            let text = try row.decode(column: column, as: String.self)
            guard let id = UUID(storageString: text) else { throw CorruptRow(column: column, value: text) }
            return id
        }
        let kindText = try row.decode(column: "kind", as: String.self)
        guard let kind = MemberNotificationKind(rawValue: kindText) else { throw CorruptRow(column: "kind", value: kindText) }
        let eventType = try row.decode(column: "event_type", as: String?.self).map { text in
            guard let eventType = try? EventType(validating: text) else { throw CorruptRow(column: "event_type", value: text) }
            return eventType
        }
        return InboxItem(
            id: try uuid("id"), serviceId: try uuid("service_id"),
            memberId: try row.decode(column: "member_id", as: String.self), kind: kind, eventType: eventType,
            scope: try row.decode(column: "scope", as: String?.self), title: try row.decode(column: "title", as: String.self),
            body: try row.decode(column: "body", as: String.self), link: try row.decode(column: "link", as: String?.self),
            createdAt: Date(microsecondsSinceEpoch: try row.decode(column: "created_at", as: Int64.self)),
            acknowledgedAt: try row.decode(column: "acknowledged_at", as: Int64?.self).map(Date.init(microsecondsSinceEpoch:)),
            expiresAt: try row.decode(column: "expires_at", as: Int64?.self).map(Date.init(microsecondsSinceEpoch:))
        )
    }
}
