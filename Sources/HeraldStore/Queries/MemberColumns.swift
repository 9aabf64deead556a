import Foundation
import HeraldCore
import SQLKit

/// The `members` columns in one order, shared by the bulk upsert and every query that reads whole members.
enum MemberColumns {
    static let columns: [(name: String, type: RowBatch.ColumnType)] = [
        ("service_id", .text), ("member_id", .text), ("name", .text), ("email", .text), ("phone", .text), ("time_zone", .text),
        ("active", .integer), ("created_at", .bigint), ("updated_at", .bigint),
    ]

    /// The column list with every name qualified by a table alias.
    static func list(qualifiedBy alias: String) -> String {
        columns.map { "\(alias).\($0.name)" }.joined(separator: ", ")
    }

    /// Members as a batch for one multi-row statement.
    static func batch(_ members: some Collection<Member>) -> RowBatch {
        RowBatch(columns: columns, rows: members.map { m in
            [
                .string(m.serviceId.storageString), .string(m.id), .optional(m.name), .optional(m.email), .optional(m.phone),
                .optional(m.timeZone), .int(m.active ? 1 : 0), .int(Int(m.createdAt.microsecondsSinceEpoch)),
                .int(Int(m.updatedAt.microsecondsSinceEpoch)),
            ]
        })
    }

    /// Each column's position in a row that starts with ``list(qualifiedBy:)``.
    static let positions = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($0.element.name, $0.offset) })

    static func decode(_ row: any SQLRow) throws -> Member {
        try decode(SQLRowColumns(row: row))
    }

    static func decode(_ row: some RowColumns) throws -> Member {
        let service = try row.decode(column: "service_id", as: String.self)
        guard let serviceId = UUID(storageString: service) else { throw CorruptRow(column: "service_id", value: service) }
        return Member(
            serviceId: serviceId,
            id: try row.decode(column: "member_id", as: String.self),
            name: try row.decode(column: "name", as: String?.self),
            email: try row.decode(column: "email", as: String?.self),
            phone: try row.decode(column: "phone", as: String?.self),
            timeZone: try row.decode(column: "time_zone", as: String?.self),
            active: try row.decode(column: "active", as: Int.self) != 0,
            createdAt: Date(microsecondsSinceEpoch: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Date(microsecondsSinceEpoch: try row.decode(column: "updated_at", as: Int64.self))
        )
    }
}
