import PostgresNIO
import Synchronization

/// Names one query whose SQL text is the same whatever its values (only its binds change), so that PostgreSQL can
/// parse and plan it once per connection instead of on every call (half of an inbox page's time in the server).
protocol PreparedShape {}

/// A read of a ``PreparedShape``, prepared by PostgresNIO once per connection under the shape's name. Its SQL is the
/// text SQLKit serialised for the shape the first time (``PreparedSQL``).
struct PreparedRead<Shape: PreparedShape>: PostgresPreparedStatement {
    static var name: String { "herald_" + String(describing: Shape.self) }
    static var sql: String { PreparedSQL.texts.withLock { $0[name] } ?? "" }

    let bindings: PostgresBindings

    func makeBindings() -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) -> PostgresRow { row }
}

/// The SQL text of each prepared shape, by name, as first serialised.
enum PreparedSQL {
    static let texts = Mutex<[String: String]>([:])

    /// Records `sql` as the text of the shape `name`; false when that shape already has a different text (a caller
    /// built two shapes under one name), which must then run unprepared.
    static func register(_ sql: String, as name: String) -> Bool {
        texts.withLock { texts in
            if let known = texts[name] { return known == sql }
            texts[name] = sql
            return true
        }
    }
}
