/// Reads the text of a simple element out of an AWS query-protocol XML answer, such as `<MessageId>` or
/// `<Code>`: these answers are small and flat enough that a parser would only add weight.
enum XMLText {
    /// The unescaped text of the first `<name>…</name>` (no attributes), or nil.
    static func first(_ name: String, in xml: String) -> String? {
        guard let open = xml.firstRange(of: "<\(name)>"),
              let close = xml[open.upperBound...].firstRange(of: "</\(name)>") else { return nil }
        return unescape(xml[open.upperBound..<close.lowerBound])
    }

    /// The raw (still escaped) content of every outermost `<name>…</name>` in `xml`, in order; an element nested
    /// in another of the same name (`<member>` lists inside a `<member>`) stays inside its parent's content, and
    /// `<name/>` counts as empty.
    static func elements(_ name: String, in xml: Substring) -> [Substring] {
        let open = "<\(name)>", close = "</\(name)>", empty = "<\(name)/>"
        var result: [Substring] = []
        var rest = xml
        while let start = [rest.firstRange(of: open), rest.firstRange(of: empty)].compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }) {
            if rest[start] == empty {
                result.append(rest[start.upperBound..<start.upperBound])
                rest = rest[start.upperBound...]
                continue
            }
            var depth = 1
            var cursor = start.upperBound
            while depth > 0, let next = [rest[cursor...].firstRange(of: open), rest[cursor...].firstRange(of: close)]
                .compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }) {
                depth += rest[next] == open ? 1 : -1
                if depth == 0 { result.append(rest[start.upperBound..<next.lowerBound]) }
                cursor = next.upperBound
            }
            if depth > 0 { break }
            rest = rest[cursor...]
        }
        return result
    }

    /// The unescaped texts of the `<member>` items of the first `<list>` (`<list><member>a</member>…</list>`).
    static func members(of list: String, in xml: Substring) -> [String] {
        guard let content = elements(list, in: xml).first else { return [] }
        return elements("member", in: content).map(unescape)
    }

    /// An attribute map written as `<entry><key>K</key><value>V</value></entry>` items (SNS `Attributes`).
    static func entries(in xml: Substring) -> [String: String] {
        var result: [String: String] = [:]
        for entry in elements("entry", in: xml) {
            guard let key = elements("key", in: entry).first else { continue }
            result[unescape(key)] = elements("value", in: entry).first.map(unescape) ?? ""
        }
        return result
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
