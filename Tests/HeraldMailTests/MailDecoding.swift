import Foundation

/// Small decoders for checking what the writer produced (the Python test gives an independent check).
enum MailDecoding {
    /// Header lines with folding undone: a CRLF followed by whitespace is removed.
    static func unfold(_ header: String) -> String {
        header.replacingOccurrences(of: "\r\n ", with: " ").replacingOccurrences(of: "\r\n\t", with: "\t")
    }

    /// The header block and the body of a rendered message or part.
    static func split(_ entity: String) -> (headers: [String], body: String) {
        let parts = entity.components(separatedBy: "\r\n\r\n")
        let headerBlock = unfold(parts[0])
        return (headerBlock.components(separatedBy: "\r\n"), parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    /// The unfolded value of the first header called `name`.
    static func header(_ name: String, in entity: String) -> String? {
        let prefix = name.lowercased() + ": "
        return split(entity).headers.first { $0.lowercased().hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    /// Joins RFC 2047 B encoded-words (and any plain text between them) back into text.
    static func decodeWords(_ value: String) -> String {
        let words = value.split(separator: " ")
        var bytes: [UInt8] = []
        for word in words {
            guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?=") else { return value }
            bytes += Data(base64Encoded: String(word.dropFirst(10).dropLast(2))).map(Array.init) ?? []
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Quoted-printable back to text, with CRLF line breaks kept as LF.
    static func decodeQuotedPrintable(_ encoded: String) -> String {
        let joined = encoded.replacingOccurrences(of: "=\r\n", with: "")
        var bytes: [UInt8] = []
        var rest = Array(joined.utf8)[...]
        while let byte = rest.popFirst() {
            if byte == UInt8(ascii: "="), rest.count >= 2,
                let value = UInt8(String(decoding: rest.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                rest = rest.dropFirst(2)
            } else if byte != UInt8(ascii: "\r") {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
