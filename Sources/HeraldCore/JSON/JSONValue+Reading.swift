import Foundation

extension JSONValue {
    /// Parses one JSON document (RFC 8259, UTF-8). Object members keep their document order.
    public init(parsing data: some ContiguousBytes) throws(JSONParseError) {
        let result = data.withUnsafeBytes { raw in
            Result { () throws(JSONParseError) in try JSONParser.parse(raw) }
        }
        self = try result.get()
    }

    /// The member `key` of an object (the last one, if the key repeats), else `nil`.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last(where: { $0.0 == key })?.1
    }

    public var stringValue: String? {
        if case .string(let text) = self { text } else { nil }
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let items) = self { items } else { nil }
    }

    public var isNull: Bool {
        if case .null = self { true } else { false }
    }

    /// The JSON type's name, for error messages.
    public var typeName: String {
        switch self {
        case .string: "string"
        case .int, .largeInteger, .double: "number"
        case .bool: "boolean"
        case .null: "null"
        case .array: "array"
        case .object: "object"
        }
    }
}
