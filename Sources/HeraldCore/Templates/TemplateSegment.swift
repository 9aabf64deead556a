/// A piece of template text: literal text or a placeholder.
///
/// Parsing matches Notify's pattern `\({2}([^()]+)\){2}` scanned left to right, so the
/// body of a placeholder never contains a bracket and `(((name)))` is `(` + `((name))` + `)`.
enum TemplateSegment: Sendable, Hashable {
    case text(String)
    case placeholder(TemplatePlaceholder)

    /// Splits `text` into literal runs and placeholders, in order.
    static func parse(_ text: String) -> [TemplateSegment] {
        let scalars = Array(text.unicodeScalars)
        var segments: [TemplateSegment] = []
        var literalStart = 0
        var index = 0
        while index < scalars.count {
            guard let end = placeholderEnd(in: scalars, from: index) else {
                index += 1
                continue
            }
            if literalStart < index {
                segments.append(.text(string(scalars[literalStart..<index])))
            }
            segments.append(.placeholder(TemplatePlaceholder(body: string(scalars[(index + 2)..<(end - 2)]))))
            index = end
            literalStart = end
        }
        if literalStart < scalars.count {
            segments.append(.text(string(scalars[literalStart...])))
        }
        return segments
    }

    /// The index just past the closing `))` when a placeholder starts at `start`, else `nil`.
    private static func placeholderEnd(in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 1 < scalars.count, scalars[start] == "(", scalars[start + 1] == "(" else { return nil }
        var close = start + 2
        while close < scalars.count, scalars[close] != "(", scalars[close] != ")" {
            close += 1
        }
        guard close > start + 2, close + 1 < scalars.count, scalars[close] == ")", scalars[close + 1] == ")" else {
            return nil
        }
        return close + 2
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(String.UnicodeScalarView(scalars))
    }
}
