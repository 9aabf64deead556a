import Foundation

/// RFC 2047 "B" encoded-words (`=?UTF-8?B?…?=`) for header text that is not plain ASCII.
enum EncodedWord {
    /// RFC 2047 allows 75; 68 lets the first word fit on the first line after `Reply-To: ` within 78.
    static let maximumLength = 68
    private static let prefix = "=?UTF-8?B?"
    private static let suffix = "?="

    /// Whether `text` must be encoded: it has non-ASCII or control characters, or something that
    /// a reader would take for an encoded-word.
    static func isNeeded(for text: String) -> Bool {
        text.contains("=?") || text.unicodeScalars.contains { !(0x20...0x7E).contains($0.value) && $0 != "\t" }
    }

    /// `text` as encoded-words of at most ``maximumLength`` characters, separated by spaces
    /// (which readers drop between adjacent encoded-words). Words split between Unicode scalars.
    static func encode(_ text: String) -> String {
        let maximumBytes = (maximumLength - prefix.count - suffix.count) / 4 * 3
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > maximumBytes {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty {
            words.append(word(chunk))
        }
        return words.joined(separator: " ")
    }

    private static func word(_ bytes: [UInt8]) -> String {
        prefix + Data(bytes).base64EncodedString() + suffix
    }
}
