/// Quoted-printable body encoding (RFC 2045 §6.7) of UTF-8 text, with CRLF line breaks.
enum QuotedPrintable {
    /// Longest encoded line, soft-break `=` included.
    static let lineLimit = 76
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Encodes `text`, taking LF, CRLF and lone CR as line breaks and writing each as CRLF.
    /// Lines longer than ``lineLimit`` get soft breaks; an `=XX` escape is never split.
    static func encode(_ text: String) -> String {
        lines(of: text).map(encodeLine).joined(separator: "\r\n")
    }

    private static func lines(of text: String) -> [ArraySlice<UInt8>] {
        let bytes = Array(text.utf8)
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\r"):
                lines.append(bytes[start..<index])
                let isCRLF = index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n")
                index += isCRLF ? 2 : 1
                start = index
            case UInt8(ascii: "\n"):
                lines.append(bytes[start..<index])
                index += 1
                start = index
            default:
                index += 1
            }
        }
        lines.append(bytes[start...])
        return lines
    }

    private static func encodeLine(_ line: ArraySlice<UInt8>) -> String {
        var encoded: [UInt8] = []
        var column = 0
        for index in line.indices {
            let token = self.token(for: line[index], atEndOfLine: index == line.index(before: line.endIndex))
            if column + token.count > lineLimit - 1 {
                encoded += Array("=\r\n".utf8)
                column = 0
            }
            encoded += token
            column += token.count
        }
        return String(decoding: encoded, as: UTF8.self)
    }

    /// Printable ASCII other than `=` as itself; space and tab too unless they end the line.
    private static func token(for byte: UInt8, atEndOfLine: Bool) -> [UInt8] {
        let isBlank = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
        if (isBlank && !atEndOfLine) || ((0x21...0x7E).contains(byte) && byte != UInt8(ascii: "=")) {
            return [byte]
        }
        return [UInt8(ascii: "="), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
    }
}
