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
/// let object = try JSONValue(parsing: body)      // {"count": 3, "items": ["tea", "cake"]}
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

    /// Template values for every non-null member of a JSON object (a repeated key: the last one); empty for
    /// anything but an object.
    public static func values(from object: JSONValue, lists: ListStyle = .markdownBullets) -> [String: String] {
        guard case .object(let members) = object else { return [:] }
        var values: [String: String] = [:]
        values.reserveCapacity(members.count)
        for (key, value) in members {
            if case .array(let list) = value {
                values[key] = text(forList: list, style: lists)
            } else {
                values[key] = PythonText.str(value)
            }
        }
        return values
    }

    private static func text(forList list: [JSONValue], style: ListStyle) -> String {
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
