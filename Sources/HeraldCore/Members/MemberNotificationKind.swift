/// The five ways a members' platform addresses a notification to its members, which decide who receives it and
/// whether their preferences count.
public enum MemberNotificationKind: String, Sendable, Codable, CaseIterable {
    /// Every member, whatever their preferences (service announcements, outages).
    case systemBroadcast = "system-broadcast"
    /// Every member who has not opted out of broadcasts.
    case broadcast
    /// The members the caller names.
    case namedSpecific = "named-specific"
    /// A fan-out to the members who listen to the happening's event type (and scope).
    case happening
    /// One member, as a personal message.
    case personal
}
