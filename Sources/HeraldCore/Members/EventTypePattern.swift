/// What a listen subscribes to: one event type exactly, or every event type below a prefix (`forums.post.*` matches
/// `forums.post.comment` and `forums.post.comment.new`, not `forums.post` itself nor `forums.poster.new`).
///
/// ```swift
/// let pattern = try EventTypePattern(validating: "forums.post.*")
/// pattern.matches(try EventType(validating: "forums.post.comment.new"))   // true
/// pattern.text                                                             // "forums.post.*"
/// ```
public enum EventTypePattern: Sendable, Hashable, CustomStringConvertible {
    case exact(EventType)
    /// Every event type whose name starts with `prefix` and a dot.
    case wildcard(prefix: String)

    /// An event type name, or a prefix of one or more parts followed by `.*`.
    public init(validating text: String) throws(InvalidEventType) {
        guard text.hasSuffix(".*") else {
            self = .exact(try EventType(validating: text))
            return
        }
        let prefix = text.dropLast(2)
        guard !prefix.isEmpty else { throw InvalidEventType(text, .misplacedWildcard) }
        try EventType.validate(prefix, minimumParts: 1, input: text)
        self = .wildcard(prefix: String(prefix))
    }

    /// The pattern as written, and as stored.
    public var text: String {
        switch self {
        case .exact(let eventType): eventType.name
        case .wildcard(let prefix): prefix + ".*"
        }
    }

    /// Whether a happening of `eventType` is one this pattern subscribes to.
    public func matches(_ eventType: EventType) -> Bool {
        switch self {
        case .exact(let wanted): wanted == eventType
        case .wildcard(let prefix): eventType.name.hasPrefix(prefix + ".")
        }
    }

    public var description: String { text }
}
