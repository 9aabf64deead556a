import PostgresKit
import PostgresNIO
import SQLKit

extension HeraldStore {
    /// The rows of `query`, each decoded by `decode`. On PostgreSQL the statement SQLKit serialises goes straight to
    /// PostgresNIO and its rows are read by position (`positions`): PostgresKit's own decoding (a name lookup and the
    /// `Decodable` path per cell) took about 2 ms of a 50-row inbox page. Elsewhere the rows come through SQLKit.
    /// With `prepared`, the query is prepared once per PostgreSQL connection under that shape (``PreparedRead``).
    func readRows<T: Sendable>(
        _ query: SQLQueryString, prepared shape: (any PreparedShape.Type)? = nil, positions: [String: Int],
        _ decode: @escaping @Sendable (any RowColumns) throws -> T
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
            if let shape, PreparedSQL.register(serializer.sql, as: Self.preparedName(shape)) {
                for try await row in try await Self.execute(shape, bindings: bindings, on: connection) {
                    decoded.append(try decode(PostgresRowColumns(row, positions: positions)))
                }
            } else {
                for try await row in try await connection.query(PostgresQuery(unsafeSQL: serializer.sql, binds: bindings), logger: connection.logger) {
                    decoded.append(try decode(PostgresRowColumns(row, positions: positions)))
                }
            }
            return decoded
        }
    }

    private static func preparedName<Shape: PreparedShape>(_: Shape.Type) -> String {
        PreparedRead<Shape>.name
    }

    private static func execute<Shape: PreparedShape>(
        _: Shape.Type, bindings: PostgresBindings, on connection: PostgresConnection
    ) async throws -> AsyncThrowingMapSequence<PostgresRowSequence, PostgresRow> {
        try await connection.execute(PreparedRead<Shape>(bindings: bindings), logger: connection.logger)
    }
}

/// A bound value ``HeraldStore/readRows(_:positions:_:)`` cannot pass to PostgresNIO.
struct UnsupportedBind: Error, CustomStringConvertible {
    let value: String
    var description: String { "cannot bind \(value) in a positional PostgreSQL read" }
}
