import HeraldCore
import HeraldStore

/// Channel preferences on the wire: `{"topic": "event:forums.post.comment.new", "channel": "email", "enabled": false}`;
/// in a change, `"enabled": null` removes the choice so the next more general one applies.
enum PreferenceJSON {
    static let fields: Set = ["topic", "channel", "enabled"]

    /// The changes in a `{"preferences": [...]}` body, or a validation error listing every problem.
    static func changes(_ body: JSONValue) throws(NotifyError) -> [PreferenceChange] {
        try body.bulkItems("preferences", maximum: 1_000) { item, field, problems in change(item, field: field, problems: &problems) }
    }

    static func json(_ preference: ChannelPreference) -> JSONValue {
        ["topic": .string(preference.topic.text), "channel": .string(preference.channel.rawValue), "enabled": .bool(preference.enabled)]
    }

    private static func change(_ value: JSONValue, field: String, problems: inout [String]) -> PreferenceChange? {
        guard case .object = value else {
            problems.append(ValidationMessage.notOfType(field, value, "object"))
            return nil
        }
        let before = problems.count
        value.rejectMembers(otherThan: fields, in: field, problems: &problems)
        var topic: PreferenceTopic?
        if let text = value.requiredString("topic", in: field, problems: &problems) {
            do { topic = try PreferenceTopic(parsing: text) } catch { problems.append("\(field).topic \(error)") }
        }
        var channel: Channel?
        if let text = value.requiredString("channel", in: field, problems: &problems) {
            channel = Channel(rawValue: text).flatMap { $0 == .letter ? nil : $0 }
            if channel == nil { problems.append("\(field).channel \(text) is not one of [email, sms] (in-app has no preference: it always gets notifications)") }
        }
        var enabled: Bool?
        switch value["enabled"] {
        case nil: problems.append("\(field).enabled is a required property (true, false, or null to remove the choice)")
        case .null?: enabled = nil
        case .bool(let flag)?: enabled = flag
        case let other?: problems.append(ValidationMessage.notOfType("\(field).enabled", other, "boolean"))
        }
        guard problems.count == before, let topic, let channel else { return nil }
        return PreferenceChange(topic: topic, channel: channel, enabled: enabled)
    }
}
