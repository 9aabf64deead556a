import HeraldCore
import SQLKit

/// A batch of rows sent to the database as ONE JSON parameter (an array of arrays) and unpacked there, so a
/// statement costs one bind however many rows it carries. PostgreSQL unpacks it with `jsonb_array_elements`
/// (`jsonb`, parsed once: with `json` every `->>` re-parses its element, 4.5 times slower for a notification row),
/// SQLite with `json_each`; everything else about the statements is shared.
struct JSONBatch {
    /// A column's SQL type, for PostgreSQL's casts (SQLite keeps JSON's own types).
    enum ColumnType: String {
        case text, integer, bigint
    }

    let columns: [(name: String, type: ColumnType)]
    let rows: [[JSONValue]]

    /// `SELECT <columns> FROM <the parameter unpacked>`: a query yielding the batch as a table.
    func select(_ dialect: SQLDialectKind) -> SQLQueryString {
        let document = String(decoding: JSONValue.array(rows.map(JSONValue.array)).encoded(), as: UTF8.self)
        switch dialect {
        case .postgres:
            let list = columns.enumerated().map { "(e->>\($0.offset))::\($0.element.type.rawValue) AS \($0.element.name)" }.joined(separator: ", ")
            return "SELECT \(unsafeRaw: list) FROM jsonb_array_elements(CAST(\(bind: document) AS jsonb)) AS e"
        case .sqlite:
            let list = columns.enumerated().map { "value->>\($0.offset) AS \($0.element.name)" }.joined(separator: ", ")
            return "SELECT \(unsafeRaw: list) FROM json_each(\(bind: document))"
        }
    }

    /// `INSERT INTO table (columns) SELECT … FROM the batch WHERE true`. The `WHERE` lets an `ON CONFLICT` clause
    /// follow: without it SQLite parses `ON` as the start of a join condition.
    func insert(into table: String, _ dialect: SQLDialectKind) -> SQLQueryString {
        "INSERT INTO \(unsafeRaw: table) (\(unsafeRaw: columns.map(\.name).joined(separator: ", "))) \(select(dialect)) WHERE true"
    }

    /// A one-column batch of text values, for `IN (…)` lists of ids.
    static func texts(_ values: [String]) -> JSONBatch {
        JSONBatch(columns: [("value", .text)], rows: values.map { [.string($0)] })
    }

    /// A one-column batch of integers.
    static func integers(_ values: [Int64]) -> JSONBatch {
        JSONBatch(columns: [("value", .bigint)], rows: values.map { [.int(Int($0))] })
    }
}

extension JSONValue {
    static func optional(_ value: Int64?) -> JSONValue { value.map { .int(Int($0)) } ?? .null }
    static func optional(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }
}
