/// The preferences that decide one notification's channels: members' own choices first (on the most specific topic
/// they made one for), then the service's defaults (likewise), then Herald's: email yes, SMS no (texts cost money).
///
/// ```swift
/// let book = PreferenceBook([ChannelPreference(memberId: "ada", topic: .eventType(.exact(comment)), channel: .email, enabled: false)])
/// book.wants(.email, memberId: "ada", subject: MemberNotificationSubject(kind: .happening, eventType: comment))   // false
/// book.wants(.email, memberId: "bob", subject: MemberNotificationSubject(kind: .happening, eventType: comment))   // true
/// ```
public struct PreferenceBook: Sendable {
    private struct Key: Hashable {
        var memberId: String?
        var topic: PreferenceTopic
        var channel: Channel
    }

    private let choices: [Key: Bool]

    public init(_ preferences: some Sequence<ChannelPreference>) {
        var choices: [Key: Bool] = [:]
        for preference in preferences {
            choices[Key(memberId: preference.memberId, topic: preference.topic, channel: preference.channel)] = preference.enabled
        }
        self.choices = choices
    }

    /// Whether `memberId` gets notifications about `subject` on `channel`.
    public func wants(_ channel: Channel, memberId: String, subject: MemberNotificationSubject) -> Bool {
        wants(channel, memberId: memberId, topics: subject.topics)
    }

    /// Whether `memberId` gets notifications on `channel` about something whose topics, the most specific first, are
    /// `topics`.
    public func wants(_ channel: Channel, memberId: String, topics: [PreferenceTopic]) -> Bool {
        for owner in [memberId, nil] {
            for topic in topics {
                if let choice = choices[Key(memberId: owner, topic: topic, channel: channel)] { return choice }
            }
        }
        return channel == .email
    }
}
