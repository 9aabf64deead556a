import PostgresKit
import PostgresNIO
import SQLKit

extension HeraldStore {
    /// The rows of `query`, each decoded by `decode`. On PostgreSQL the statement SQLKit serialises goes straight to
    /// PostgresNIO and its rows are read by position (`positions`): PostgresKit's own decoding (a name lookup and the
    /// `Decodable` path per cell) took about 2 ms of a 50-row inbox page. Elsewhere the rows come through SQLKit.
    func readRows<T: Sendable>(
        _ query: SQLQueryString, positions: [String: Int], _ decode: @escaping @Sendable (any RowColumns) throws -> T
    ) async throws -> [T] {
        guard let postgres = engine as? PostgresEngine else {
            return try await engine.read { db in try await db.raw(query).all().map { try decode(SQLRowColumns(row: $0)) } }
        }
        return try await postgres.withConnection { connection in
            var serializer = SQLSerializer(database: connection.sql())
            query.serialize(to: &serializer)
            var bindings = PostgresBindings(capacity: serializer.binds.count)
            for bind in serializer.binds {
                switch bind {
                case let text as String: bindings.append(text)
                case let number as Int64: bindings.append(number)
                case let number as Int: bindings.append(number)
                default: throw UnsupportedBind(value: "\(bind)")
                }
            }
            var decoded: [T] = []
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: serializer.sql, binds: bindings), logger: connection.logger) {
                decoded.append(try decode(PostgresRowColumns(row, positions: positions)))
            }
            return decoded
        }
    }
}

/// A bound value ``HeraldStore/readRows(_:positions:_:)`` cannot pass to PostgresNIO.
struct UnsupportedBind: Error, CustomStringConvertible {
    let value: String
    var description: String { "cannot bind \(value) in a positional PostgreSQL read" }
}
