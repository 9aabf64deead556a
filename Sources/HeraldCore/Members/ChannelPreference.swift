/// One stored choice: whether a member (or, when `memberId` is nil, every member of the service by default) wants
/// notifications about `topic` on `channel`. The in-app inbox has no preference: it always gets the notification.
public struct ChannelPreference: Sendable, Hashable {
    public var memberId: String?
    public var topic: PreferenceTopic
    /// Email or SMS.
    public var channel: Channel
    public var enabled: Bool

    public init(memberId: String?, topic: PreferenceTopic, channel: Channel, enabled: Bool) {
        self.memberId = memberId
        self.topic = topic
        self.channel = channel
        self.enabled = enabled
    }
}
