import Foundation
import HeraldCore
import SQLKit

/// A change to one channel preference: `enabled` nil removes the choice, so the next more general one applies.
public struct PreferenceChange: Sendable, Hashable {
    public var topic: PreferenceTopic
    public var channel: Channel
    public var enabled: Bool?

    public init(topic: PreferenceTopic, channel: Channel, enabled: Bool?) {
        self.topic = topic
        self.channel = channel
        self.enabled = enabled
    }
}

extension HeraldStore {
    /// Applies `changes` to a member's preferences, or to the service's defaults when `memberId` is nil, in one
    /// transaction.
    public func setPreferences(serviceId: UUID, memberId: String?, _ changes: [PreferenceChange], at now: Date = Date()) async throws {
        let service = serviceId.storageString, member = memberId ?? ""
        try await engine.transaction { db in
            for change in changes {
                if let enabled = change.enabled {
                    try await db.raw("""
                        INSERT INTO member_preferences (service_id, topic, member_id, channel, enabled, updated_at)
                        VALUES (\(bind: service), \(bind: change.topic.text), \(bind: member), \(bind: change.channel.rawValue),
                                \(bind: enabled ? 1 : 0), \(bind: now.microsecondsSinceEpoch))
                        ON CONFLICT (service_id, topic, member_id, channel) DO UPDATE SET enabled = excluded.enabled, updated_at = excluded.updated_at
                        """).run()
                } else {
                    try await db.raw("""
                        DELETE FROM member_preferences WHERE service_id = \(bind: service) AND topic = \(bind: change.topic.text)
                          AND member_id = \(bind: member) AND channel = \(bind: change.channel.rawValue)
                        """).run()
                }
            }
        }
    }

    /// A member's own preferences, or the service's defaults when `memberId` is nil, in topic order.
    public func preferences(serviceId: UUID, memberId: String?) async throws -> [ChannelPreference] {
        try await engine.read { db in
            try await db.raw("""
                SELECT member_id, topic, channel, enabled FROM member_preferences
                WHERE service_id = \(bind: serviceId.storageString) AND member_id = \(bind: memberId ?? "") ORDER BY topic, channel
                """).all().map(Self.decodePreference)
        }
    }

    /// Every preference, of any member or the service's defaults, about one of `topics`: all a fan-out needs to
    /// decide its channels, whatever the audience's size.
    public func preferences(serviceId: UUID, topics: [PreferenceTopic]) async throws -> [ChannelPreference] {
        guard !topics.isEmpty else { return [] }
        return try await engine.read { db in
            try await db.raw("""
                SELECT member_id, topic, channel, enabled FROM member_preferences
                WHERE service_id = \(bind: serviceId.storageString) AND topic IN (\(binds: topics.map(\.text)))
                """).all().map(Self.decodePreference)
        }
    }

    private static func decodePreference(_ row: any SQLRow) throws -> ChannelPreference {
        let memberId = try row.decode(column: "member_id", as: String.self)
        let topicText = try row.decode(column: "topic", as: String.self)
        let channelText = try row.decode(column: "channel", as: String.self)
        guard let topic = try? PreferenceTopic(parsing: topicText) else { throw CorruptRow(column: "topic", value: topicText) }
        guard let channel = Channel(rawValue: channelText) else { throw CorruptRow(column: "channel", value: channelText) }
        return ChannelPreference(
            memberId: memberId.isEmpty ? nil : memberId, topic: topic, channel: channel, enabled: try row.decode(column: "enabled", as: Int.self) != 0
        )
    }
}
