import Foundation

/// One versioned step of Herald's schema. Statements are plain SQL shared by both dialects, except that
/// `{{serial}}` stands for an auto-incrementing 64-bit primary key column type; `postgresOnly` statements tune
/// storage where SQLite has no equivalent, after the shared ones.
struct Migration: Sendable {
    let version: Int
    let name: String
    let statements: [String]
    var postgresOnly: [String] = []

    func sql(for dialect: SQLDialectKind) -> [String] {
        let serial = dialect == .postgres ? "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT"
        let shared = statements.map { $0.replacingOccurrences(of: "{{serial}}", with: serial) }
        return dialect == .postgres ? shared + postgresOnly : shared
    }
}
