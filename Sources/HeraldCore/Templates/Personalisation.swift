/// Turns a decoded JSON personalisation object into template values the way Notify does: strings as-is,
/// numbers as Python would print them (1 → "1", 1.5 → "1.5"), booleans "True"/"False", lists as a markdown
/// bullet list, and null treated as missing (dropped).
///
/// Notify fills a list by dropping `null` items, turning the rest into text, removing obscure
/// whitespace and empty items, then joining them. For an email body (`markdown_lists=True`) that is
/// `"\n\n* a\n* b"`: the leading blank line starts the list as its own markdown paragraph. Elsewhere
/// (SMS bodies, subjects) it is `"a, b and c"`; choose that with ``ListStyle/inline``. An empty
/// list becomes `""`, which counts as a value. A nested object or list is written as Python would print
/// it (`{'a': 1, 'b': None}`, keys sorted).
///
/// ```swift
/// let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] ?? [:]
/// let values = Personalisation.values(from: object)   // ["count": "3", "items": "\n\n* tea\n* cake"]
/// ```
public enum Personalisation: Sendable {
    /// How a list value is written out.
    public enum ListStyle: Sendable, Hashable {
        /// `"\n\n* a\n* b"`, as Notify fills email bodies.
        case markdownBullets
        /// `"a, b and c"`, as Notify fills text messages and subjects.
        case inline
    }

    /// Template values for every non-null entry of `object` (input from JSONSerialization).
    public static func values(from object: [String: Any], lists: ListStyle = .markdownBullets) -> [String: String] {
        var values: [String: String] = [:]
        for (key, value) in object {
            if let list = value as? [Any] {
                values[key] = text(forList: list, style: lists)
            } else if let text = PythonText.str(value) {
                values[key] = text
            }
        }
        return values
    }

    private static func text(forList list: [Any], style: ListStyle) -> String {
        let items = list.compactMap(PythonText.str).map(\.strippingObscureWhitespace).filter { !$0.isEmpty }
        switch style {
        case .markdownBullets:
            return items.isEmpty ? "" : "\n\n" + items.map { "* " + $0 }.joined(separator: "\n")
        case .inline:
            guard let last = items.last else { return "" }
            return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
        }
    }
}
