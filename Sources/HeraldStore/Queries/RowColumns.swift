import PostgresNIO
import SQLKit

/// One result row's columns read by name, whichever way the row was fetched: through SQLKit (both engines), or
/// straight from PostgresNIO for the queue's hot queries, where PostgresKit's generic decoding (a dynamic cast and a
/// name lookup per cell) was a tenth of the drain's CPU.
protocol RowColumns {
    func decode<T: Decodable & PostgresDecodable>(column: String, as type: T.Type) throws -> T
}

/// A row that SQLKit fetched.
struct SQLRowColumns: RowColumns {
    let row: any SQLRow

    func decode<T: Decodable & PostgresDecodable>(column: String, as type: T.Type) throws -> T {
        try row.decode(column: column, as: T.self)
    }
}

/// A row that PostgresNIO fetched, with its columns in a known order.
struct PostgresRowColumns: RowColumns {
    let cells: [PostgresCell]
    /// Each column name's position in the row.
    let positions: [String: Int]

    init(_ row: PostgresRow, positions: [String: Int]) {
        self.cells = Array(row)
        self.positions = positions
    }

    func decode<T: Decodable & PostgresDecodable>(column: String, as type: T.Type) throws -> T {
        guard let position = positions[column], position < cells.count else { throw MissingColumn(column: column) }
        return try cells[position].decode(T.self)
    }
}

/// A query's row lacks a column Herald reads.
struct MissingColumn: Error, CustomStringConvertible {
    let column: String
    var description: String { "missing column \(column)" }
}
