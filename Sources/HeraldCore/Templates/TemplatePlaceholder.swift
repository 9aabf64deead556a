/// One `((placeholder))` found in template text: the name as written and, for a
/// conditional `((name??text))`, the text shown when the value says yes.
struct TemplatePlaceholder: Sendable, Hashable {
    /// Values that show a conditional placeholder's text, compared lowercased (Notify's `str2bool`).
    private static let truthyValues: Set<String> = ["yes", "y", "true", "t", "1", "include", "show"]

    /// The name exactly as written between the brackets (before `??` for a conditional).
    let name: String
    /// The text after the first `??`, or `nil` when the placeholder is not conditional.
    let conditionalText: String?

    /// Parses the text between `((` and `))`, splitting a conditional at its first `??`.
    init(body: String) {
        let scalars = Array(body.unicodeScalars)
        if let split = scalars.indices.dropLast().first(where: { scalars[$0] == "?" && scalars[$0 + 1] == "?" }) {
            name = String(String.UnicodeScalarView(scalars[..<split]))
            conditionalText = String(String.UnicodeScalarView(scalars[(split + 2)...]))
        } else {
            name = body
            conditionalText = nil
        }
    }

    /// The key personalisation is matched on: the name without spaces, `_` or `-`, lowercased.
    var key: String {
        Self.key(for: name)
    }

    /// Normalises a placeholder name or personalisation key the way Notify's `InsensitiveDict` does.
    static func key(for name: String) -> String {
        let kept = name.unicodeScalars.filter { $0 != " " && $0 != "_" && $0 != "-" }
        return String(String.UnicodeScalarView(kept)).lowercased()
    }

    /// What the placeholder becomes given its value.
    func replacement(for value: String) -> String {
        guard let conditionalText else { return value }
        return Self.truthyValues.contains(value.lowercased()) ? conditionalText : ""
    }
}
