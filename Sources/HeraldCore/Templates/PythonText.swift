import Foundation

/// Python's `str()` and `repr()` for values decoded by `JSONSerialization`, which is how Notify
/// turns personalisation values into text.
enum PythonText {
    /// `str(value)`, or `nil` for JSON null (`None`), which Notify treats as missing.
    static func str(_ value: Any) -> String? {
        switch value {
        case is NSNull:
            return nil
        case let string as String:
            return string
        default:
            return repr(value)
        }
    }

    /// `repr(value)`: strings quoted, containers written as Python literals (objects with sorted keys,
    /// since the decoded dictionary has lost the JSON order).
    static func repr(_ value: Any) -> String {
        switch value {
        case is NSNull:
            return "None"
        case let string as String:
            return quoted(string)
        case let list as [Any]:
            return "[" + list.map(repr).joined(separator: ", ") + "]"
        case let object as [String: Any]:
            let entries = object.keys.sorted().map { quoted($0) + ": " + repr(object[$0] as Any) }
            return "{" + entries.joined(separator: ", ") + "}"
        case let number as NSNumber:
            return text(for: number)
        default:
            return String(describing: value)
        }
    }

    /// Booleans as `True`/`False`, integers exactly, floats in Python's shortest round-trip form
    /// (which Swift's `Double.description` shares, exponent rules included).
    private static func text(for number: NSNumber) -> String {
        if let decimal = number as? NSDecimalNumber {
            let digits = decimal.stringValue
            let isInteger = !digits.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
            return isInteger ? digits : decimal.doubleValue.description
        }
        switch String(cString: number.objCType) {
        case "c":
            return number.boolValue ? "True" : "False"
        case "d", "f":
            return number.doubleValue.description
        default:
            return number.stringValue
        }
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
                literal += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
            default: literal.unicodeScalars.append(scalar)
            }
        }
        literal.unicodeScalars.append(quote)
        return literal
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
