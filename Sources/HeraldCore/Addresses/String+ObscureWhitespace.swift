extension String {
    /// Zero-width and non-breaking spaces that people paste in by accident (Notify's
    /// `OBSCURE_ZERO_WIDTH_WHITESPACE` and `OBSCURE_FULL_WIDTH_WHITESPACE`).
    private static let obscureWhitespace: Set<Unicode.Scalar> = [
        "\u{180E}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{2028}", "\u{2029}",
        "\u{00A0}", "\u{202F}",
    ]

    /// Python's `string.whitespace`.
    private static let asciiWhitespace: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}"]

    /// Notify's `strip_and_remove_obscure_whitespace`: obscure whitespace removed everywhere,
    /// then ASCII whitespace trimmed from both ends.
    var strippingObscureWhitespace: String {
        if utf8.allSatisfy({ $0 < 0x80 }) {
            // Every obscure space is outside ASCII: only the trimming applies.
            let isSpace: (UInt8) -> Bool = { Self.asciiWhitespace.contains(Unicode.Scalar($0)) }
            guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else { return "" }
            return first == utf8.startIndex && last == utf8.index(before: utf8.endIndex) ? self : String(self[first...last])
        }
        let kept = unicodeScalars.filter { !Self.obscureWhitespace.contains($0) }
        let start = kept.firstIndex { !Self.asciiWhitespace.contains($0) } ?? kept.endIndex
        let end = kept.lastIndex { !Self.asciiWhitespace.contains($0) }.map { kept.index(after: $0) } ?? start
        return String(String.UnicodeScalarView(kept[start..<end]))
    }
}
