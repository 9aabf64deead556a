/// One header field ready to write: a name and an ASCII value, folded at whitespace to keep
/// lines within 78 characters (RFC 5322 §2.2.3).
struct HeaderField: Sendable {
    static let lineLimit = 78

    let name: String
    let value: String

    /// A field whose value is already ASCII (addresses, dates, encoded-words). Line breaks in
    /// either part are removed so that no value can start a header of its own.
    init(_ name: String, _ value: String) {
        let isNameByte = { (byte: UInt8) in (0x21...0x7E).contains(byte) && byte != UInt8(ascii: ":") }
        let isLineBreak = { (byte: UInt8) in byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") }
        self.name = name.utf8.allSatisfy(isNameByte) ? name : String(decoding: name.utf8.filter(isNameByte), as: UTF8.self)
        self.value = value.utf8.contains(where: isLineBreak) ? String(value.unicodeScalars.map { $0 == "\r" || $0 == "\n" ? " " : Character($0) }) : value
    }

    /// Longest run without whitespace written as is; longer ones are sent as encoded-words, which split,
    /// so that no line passes RFC 5322's 998 octets.
    static let longestRun = 900

    /// A field of unstructured text (RFC 5322 §3.2.5), encoded with RFC 2047 when needed: non-ASCII or
    /// control characters, text that looks like an encoded-word, or a run too long to fold.
    static func unstructured(_ name: String, _ text: String) -> HeaderField {
        let tooLong = text.utf8.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
            .contains { $0.count > longestRun }
        return HeaderField(name, EncodedWord.isNeeded(for: text) || tooLong ? EncodedWord.encode(text) : text)
    }

    /// `Name: value` with CRLF + whitespace inserted before a space or tab wherever a line would
    /// pass 78 characters. A run with no whitespace stays whole (RFC 5322 allows up to 998).
    var rendered: String {
        let line = Array((name + ": " + value).utf8)
        var lines: [ArraySlice<UInt8>] = []
        var rest = line[...]
        while rest.count > Self.lineLimit, let split = Self.foldPoint(in: rest) {
            lines.append(rest[..<split])
            rest = rest[split...]
        }
        lines.append(rest)
        return lines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\r\n")
    }

    /// The best whitespace to fold before: the last one that keeps the line within the limit,
    /// else the first one after it. Never one that would leave a line of only whitespace.
    private static func foldPoint(in line: ArraySlice<UInt8>) -> Int? {
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let firstText = line.firstIndex(where: { !isSpace($0) }),
            let lastText = line.lastIndex(where: { !isSpace($0) })
        else { return nil }
        let candidates = line.indices.filter { $0 > firstText && $0 < lastText && isSpace(line[$0]) }
        let limit = line.startIndex + lineLimit
        return candidates.last(where: { $0 <= limit }) ?? candidates.first
    }
}
