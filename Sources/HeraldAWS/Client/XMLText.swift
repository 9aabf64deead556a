/// Reads the text of a simple element out of an AWS query-protocol XML answer, such as `<MessageId>` or
/// `<Code>`: these answers are small and flat enough that a parser would only add weight.
enum XMLText {
    /// The unescaped text of the first `<name>…</name>` (no attributes), or nil.
    static func first(_ name: String, in xml: String) -> String? {
        guard let open = xml.firstRange(of: "<\(name)>"),
              let close = xml[open.upperBound...].firstRange(of: "</\(name)>") else { return nil }
        return unescape(xml[open.upperBound..<close.lowerBound])
    }

    static func unescape(_ text: Substring) -> String {
        var result = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";"), let character = entity(rest[rest.index(after: amp)..<semicolon]) else {
                result += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            result.append(character)
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    private static func entity(_ name: Substring) -> Character? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            let value = name.hasPrefix("#x") ? UInt32(name.dropFirst(2), radix: 16) : name.hasPrefix("#") ? UInt32(name.dropFirst()) : nil
            return value.flatMap { Unicode.Scalar($0) }.map(Character.init)
        }
    }
}
