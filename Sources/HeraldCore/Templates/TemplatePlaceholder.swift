/// One `((placeholder))` found in template text: the name as written and, for a
/// conditional `((name??text))`, the text shown when the value says yes.
struct TemplatePlaceholder: Sendable, Hashable {
    /// Values that show a conditional placeholder's text, compared lowercased (Notify's `str2bool`).
    private static let truthyValues: Set<String> = ["yes", "y", "true", "t", "1", "include", "show"]

    /// The name exactly as written between the brackets (before `??` for a conditional).
    let name: String
    /// The key personalisation is matched on: the name without spaces, `_` or `-`, lowercased.
    let key: String
    /// The text after the first `??`, or `nil` when the placeholder is not conditional.
    let conditionalText: String?

    /// Parses the text between `((` and `))`, splitting a conditional at its first `??`.
    init(body: String) {
        if let split = body.utf8.indices.first(where: { body.utf8[$0...].starts(with: "??".utf8) }) {
            name = String(body[..<split])
            conditionalText = String(body[body.utf8.index(split, offsetBy: 2)...])
        } else {
            name = body
            conditionalText = nil
        }
        key = Self.key(for: name)
    }

    /// Normalises a placeholder name or personalisation key the way Notify's `InsensitiveDict` does.
    static func key(for name: String) -> String {
        let ignored: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else {
            let kept = name.unicodeScalars.filter { !($0.isASCII && ignored(UInt8($0.value))) }
            return String(String.UnicodeScalarView(kept)).lowercased()
        }
        return String(unsafeUninitializedCapacity: name.utf8.count) { buffer in
            var count = 0
            for byte in name.utf8 where !ignored(byte) {
                buffer[count] = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
                count += 1
            }
            return count
        }
    }

    /// What the placeholder becomes given its value.
    func replacement(for value: String) -> String {
        guard let conditionalText else { return value }
        return Self.truthyValues.contains(value.lowercased()) ? conditionalText : ""
    }
}
