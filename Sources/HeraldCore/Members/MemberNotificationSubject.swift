/// What a member notification is about, as preferences see it: its kind and, when the caller gives them, its event
/// type, category and sender.
public struct MemberNotificationSubject: Sendable, Hashable {
    public var kind: MemberNotificationKind
    public var eventType: EventType?
    public var category: String?
    public var sender: String?

    public init(kind: MemberNotificationKind, eventType: EventType? = nil, category: String? = nil, sender: String? = nil) {
        self.kind = kind
        self.eventType = eventType
        self.category = category
        self.sender = sender
    }

    /// The topics a preference may name to cover this notification, the most specific first: the exact event type,
    /// the wildcards above it from the narrowest, the category, the sender, the kind.
    public var topics: [PreferenceTopic] {
        var topics: [PreferenceTopic] = []
        if let eventType {
            let patterns = eventType.matchingPatterns
            topics.append(.eventType(patterns[0]))
            topics += patterns.dropFirst().reversed().map(PreferenceTopic.eventType)
        }
        if let category { topics.append(.category(category)) }
        if let sender { topics.append(.sender(sender)) }
        topics.append(.kind(kind))
        return topics
    }

    /// The topic a one-click unsubscribe from this notification's email turns off: its most specific one.
    public var mostSpecificTopic: PreferenceTopic { topics[0] }
}
