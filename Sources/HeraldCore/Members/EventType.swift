/// The name of something that happens on a members' platform, `<application>.<function>.<action>` with more levels
/// allowed (`forums.post.comment.new`): three or more dot-separated parts of lowercase letters, digits, `_` and `-`.
///
/// ```swift
/// try EventType(validating: "forums.post.comment.new").parts   // ["forums", "post", "comment", "new"]
/// try EventType(validating: "forums.post")                      // throws: needs at least three parts
/// ```
public struct EventType: Sendable, Hashable, CustomStringConvertible {
    /// The longest name accepted, in bytes.
    public static let maximumLength = 255

    /// The validated name.
    public let name: String

    public init(validating name: String) throws(InvalidEventType) {
        try Self.validate(name[...], minimumParts: 3, input: name)
        self.name = name
    }

    /// The dot-separated parts, application first.
    public var parts: [Substring] { name.split(separator: ".") }

    /// Every pattern a listen may hold that matches this event type: the exact name, then each wildcard over one of
    /// its proper prefixes (`forums.*`, `forums.post.*`, `forums.post.comment.*` for `forums.post.comment.new`).
    public var matchingPatterns: [EventTypePattern] {
        let parts = self.parts
        return [.exact(self)] + (1..<parts.count).map { .wildcard(prefix: parts.prefix($0).joined(separator: ".")) }
    }

    public var description: String { name }

    /// Checks `name` part by part: `minimumParts` is 3 for an event type and 1 for the prefix of a wildcard pattern;
    /// errors quote `input`, the whole text the caller gave.
    static func validate(_ name: Substring, minimumParts: Int, input: String) throws(InvalidEventType) {
        guard !input.isEmpty else { throw InvalidEventType(input, .empty) }
        guard input.utf8.count <= maximumLength else { throw InvalidEventType(input, .tooLong) }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        if parts.contains(where: { $0.contains("*") }) { throw InvalidEventType(input, .misplacedWildcard) }
        if parts.contains(where: \.isEmpty) { throw InvalidEventType(input, .emptyPart) }
        if !parts.allSatisfy({ $0.utf8.allSatisfy(isAllowed) }) { throw InvalidEventType(input, .invalidCharacter) }
        guard parts.count >= minimumParts else { throw InvalidEventType(input, .tooFewParts) }
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }
}
