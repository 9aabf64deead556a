/// A piece of template text: literal text or a placeholder.
///
/// Parsing matches Notify's pattern `\({2}([^()]+)\){2}` scanned left to right, so the
/// body of a placeholder never contains a bracket and `(((name)))` is `(` + `((name))` + `)`.
/// Brackets are ASCII, and UTF-8 never uses an ASCII byte inside another character, so the scan works on bytes.
enum TemplateSegment: Sendable, Hashable {
    case text(String)
    case placeholder(TemplatePlaceholder)

    /// Splits `text` into literal runs and placeholders, in order.
    static func parse(_ text: String) -> [TemplateSegment] {
        let bytes = Array(text.utf8)
        var segments: [TemplateSegment] = []
        var literalStart = 0
        var index = 0
        while index < bytes.count {
            guard let end = placeholderEnd(in: bytes, from: index) else {
                index += 1
                continue
            }
            if literalStart < index {
                segments.append(.text(String(decoding: bytes[literalStart..<index], as: UTF8.self)))
            }
            segments.append(.placeholder(TemplatePlaceholder(body: String(decoding: bytes[(index + 2)..<(end - 2)], as: UTF8.self))))
            index = end
            literalStart = end
        }
        if literalStart < bytes.count {
            segments.append(.text(String(decoding: bytes[literalStart...], as: UTF8.self)))
        }
        return segments
    }

    /// The index just past the closing `))` when a placeholder starts at `start`, else `nil`.
    private static func placeholderEnd(in bytes: [UInt8], from start: Int) -> Int? {
        let open = UInt8(ascii: "("), close = UInt8(ascii: ")")
        guard start + 1 < bytes.count, bytes[start] == open, bytes[start + 1] == open else { return nil }
        var end = start + 2
        while end < bytes.count, bytes[end] != open, bytes[end] != close {
            end += 1
        }
        guard end > start + 2, end + 1 < bytes.count, bytes[end] == close, bytes[end + 1] == close else {
            return nil
        }
        return end + 2
    }
}
