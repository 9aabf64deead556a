import SQLKit

extension SQLQueryString {
    /// `(?, ?, …), (?, ?, …)` for a multi-row `VALUES` list; `casts` wraps each column's placeholder in
    /// `CAST(… AS type)` so PostgreSQL knows the types of NULLs (nil means no cast).
    static func valueRows(_ rows: [[any Encodable & Sendable]], casts: [String?] = []) -> SQLQueryString {
        var query = SQLQueryString("")
        for (rowIndex, row) in rows.enumerated() {
            query += rowIndex == 0 ? "(" : ", ("
            for (columnIndex, value) in row.enumerated() {
                if columnIndex > 0 { query += ", " }
                if columnIndex < casts.count, let type = casts[columnIndex] {
                    query += "CAST(\(bind: value) AS \(unsafeRaw: type))"
                } else {
                    query += "\(bind: value)"
                }
            }
            query += ")"
        }
        return query
    }
}
