/// What a member's channel preference is about: one event type or a wildcard over event types, a category, a sender,
/// or a whole kind of notification. Stored and exchanged as text: `event:forums.post.comment.new`, `event:forums.*`,
/// `category:newsletters`, `sender:club-123`, `kind:broadcast`.
public enum PreferenceTopic: Sendable, Hashable, CustomStringConvertible {
    case eventType(EventTypePattern)
    case category(String)
    case sender(String)
    case kind(MemberNotificationKind)

    /// The longest category or sender name accepted, in bytes.
    public static let maximumNameLength = 255

    /// Parses the text form; throws a message fit for a `ValidationError`.
    public init(parsing text: String) throws(InvalidPreferenceTopic) {
        guard let colon = text.firstIndex(of: ":") else { throw InvalidPreferenceTopic(text) }
        let value = String(text[text.index(after: colon)...])
        switch text[..<colon] {
        case "event":
            guard let pattern = try? EventTypePattern(validating: value) else { throw InvalidPreferenceTopic(text) }
            self = .eventType(pattern)
        case "category", "sender":
            guard !value.isEmpty, value.utf8.count <= Self.maximumNameLength else { throw InvalidPreferenceTopic(text) }
            self = text.hasPrefix("category") ? .category(value) : .sender(value)
        case "kind":
            guard let kind = MemberNotificationKind(rawValue: value) else { throw InvalidPreferenceTopic(text) }
            self = .kind(kind)
        default:
            throw InvalidPreferenceTopic(text)
        }
    }

    /// The text form, as stored.
    public var text: String {
        switch self {
        case .eventType(let pattern): "event:" + pattern.text
        case .category(let name): "category:" + name
        case .sender(let name): "sender:" + name
        case .kind(let kind): "kind:" + kind.rawValue
        }
    }

    public var description: String { text }
}

/// A preference topic that does not parse.
public struct InvalidPreferenceTopic: Error, Sendable, CustomStringConvertible {
    public let text: String

    init(_ text: String) { self.text = text }

    public var description: String {
        "\(text) is not a preference topic: use event:<event type or pattern>, category:<name>, sender:<name> or kind:<\(MemberNotificationKind.allCases.map(\.rawValue).joined(separator: "|"))>"
    }
}
