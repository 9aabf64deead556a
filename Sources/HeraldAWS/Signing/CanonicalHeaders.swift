/// The header block of a canonical request: lower-case names, trimmed values with runs of spaces collapsed,
/// sorted by name, repeated headers joined with `,`. Headers that proxies may change are left out, as botocore does.
struct CanonicalHeaders {
    /// One `name:value\n` per signed header.
    let lines: String
    /// The sorted names joined with `;`.
    let signedHeaders: String

    private static let unsigned: Set<String> = [
        "user-agent", "connection", "expect", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade", "x-amzn-trace-id",
        "authorization",
    ]

    init(_ headers: [(name: String, value: String)]) {
        var values: [String: [String]] = [:]
        for (name, value) in headers {
            let name = name.lowercased()
            guard !Self.unsigned.contains(name), !name.hasPrefix("proxy-") else { continue }
            values[name, default: []].append(Self.isCanonical(value) ? value : value.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        }
        let names = values.keys.sorted()
        lines = names.map { "\($0):\(values[$0, default: []].joined(separator: ","))\n" }.joined()
        signedHeaders = names.joined(separator: ";")
    }

    /// True when `value` is already trimmed with single spaces (most values): then it is signed as it is.
    private static func isCanonical(_ value: String) -> Bool {
        var previous = UInt8(ascii: " ")
        for byte in value.utf8 {
            if byte < 0x21 && !(byte == UInt8(ascii: " ") && previous != UInt8(ascii: " ")) { return false }
            if byte >= 0x80 { return false }
            previous = byte
        }
        return previous != UInt8(ascii: " ")
    }
}
