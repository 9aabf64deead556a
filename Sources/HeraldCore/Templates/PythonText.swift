/// Python's `str()` and `repr()` for decoded JSON values, which is how Notify turns personalisation values into
/// text and how its validation messages show a rejected value.
public enum PythonText {
    /// `str(value)`, or `nil` for JSON null (`None`), which Notify treats as missing.
    public static func str(_ value: JSONValue) -> String? {
        switch value {
        case .null: nil
        case .string(let string): string
        default: repr(value)
        }
    }

    /// `repr(value)`: strings quoted, containers written as Python literals. Objects keep their document order, as
    /// a Python dict from `json.loads` does (a repeated key keeps its first place and its last value).
    public static func repr(_ value: JSONValue) -> String {
        switch value {
        case .null: "None"
        case .string(let string): quoted(string)
        case .bool(let flag): flag ? "True" : "False"
        case .int(let integer): String(integer)
        case .largeInteger(let digits): digits
        // Python's shortest round-trip form, which Swift's `Double.description` shares, exponent rules included.
        case .double(let number): number.description
        case .array(let items): "[" + items.map(repr).joined(separator: ", ") + "]"
        case .object(let members):
            "{" + pythonDict(members).map { quoted($0.key) + ": " + repr($0.value) }.joined(separator: ", ") + "}"
        }
    }

    /// Members as `json.loads` would leave them in a dict: first place, last value.
    static func pythonDict(_ members: [(String, JSONValue)]) -> [(key: String, value: JSONValue)] {
        var order: [(key: String, value: JSONValue)] = []
        var index: [String: Int] = [:]
        for (key, value) in members {
            if let at = index[key] {
                order[at].value = value
            } else {
                index[key] = order.count
                order.append((key, value))
            }
        }
        return order
    }

    /// A Python string literal: single quotes unless the text has `'` but no `"`.
    private static func quoted(_ string: String) -> String {
        let quote: Unicode.Scalar = string.contains("'") && !string.contains("\"") ? "\"" : "'"
        var literal = String(quote)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\\": literal += "\\\\"
            case quote: literal += "\\" + String(quote)
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            case "\t": literal += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                literal += "\\x" + (hex.count < 2 ? "0" + hex : hex)
            default: literal.unicodeScalars.append(scalar)
            }
        }
        literal.unicodeScalars.append(quote)
        return literal
    }
}
