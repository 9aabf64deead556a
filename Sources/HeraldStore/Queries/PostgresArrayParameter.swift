import HeraldCore
import NIOCore
import PostgresNIO

/// One column of a ``RowBatch`` as a PostgreSQL array parameter in the binary wire format, with `NULL` elements
/// (PostgresNIO's own array encoding has no optional elements). PostgresKit passes a `PostgresEncodable` value
/// straight through, without its slower `Encodable` machinery.
struct PostgresArrayParameter: PostgresEncodable, Encodable, Sendable {
    enum ElementType {
        case text, int8
    }

    let elements: ElementType
    let values: [JSONValue]

    var psqlType: PostgresDataType { elements == .text ? .textArray : .int8Array }
    var psqlFormat: PostgresFormat { .binary }

    /// Writes `array_recv`'s input: dimensions, a has-nulls flag, the element type, the bounds, then each element
    /// as a length (−1 for NULL) and its bytes.
    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        let elementType: PostgresDataType = elements == .text ? .text : .int8
        buffer.writeInteger(values.isEmpty ? Int32(0) : 1)
        buffer.writeInteger(Int32(1))  // may contain NULLs
        buffer.writeInteger(Int32(bitPattern: elementType.rawValue))
        guard !values.isEmpty else { return }
        buffer.writeInteger(Int32(values.count))
        buffer.writeInteger(Int32(1))
        for value in values {
            switch (elements, value) {
            case (.text, .string(let text)):
                buffer.writeInteger(Int32(text.utf8.count))
                buffer.writeString(text)
            case (.int8, .int(let number)):
                buffer.writeInteger(Int32(8))
                buffer.writeInteger(Int64(number))
            case (_, .null):
                buffer.writeInteger(Int32(-1))
            default:
                preconditionFailure("\(value) in a \(elements) column of a row batch")
            }
        }
    }

    /// SQLKit requires `Encodable` binds; PostgresKit never calls this because the value is `PostgresEncodable`.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for value in values {
            switch value {
            case .string(let text): try container.encode(text)
            case .int(let number): try container.encode(number)
            default: try container.encodeNil()
            }
        }
    }
}
