import Foundation
import HeraldCore
import Testing

/// Channel preferences: topics as text, the order in which they are consulted, and who wins.
@Suite struct PreferenceTests {
    static let comment = try! EventType(validating: "forums.post.comment.new")

    @Test(arguments: ["event:forums.post.comment.new", "event:forums.*", "category:newsletters", "sender:club-123", "kind:system-broadcast"])
    func topicsKeepTheirText(text: String) throws {
        #expect(try PreferenceTopic(parsing: text).text == text)
    }

    @Test(arguments: ["forums.post.comment.new", "event:forums", "kind:weekly", "category:", "colour:red", "sender:\(String(repeating: "x", count: 256))"])
    func malformedTopicsAreRefused(text: String) {
        #expect(throws: InvalidPreferenceTopic.self) { try PreferenceTopic(parsing: text) }
    }

    @Test func topicsGoFromTheExactEventTypeToTheKind() throws {
        let subject = MemberNotificationSubject(kind: .happening, eventType: Self.comment, category: "forums", sender: "club-9")
        #expect(subject.topics.map(\.text) == [
            "event:forums.post.comment.new", "event:forums.post.comment.*", "event:forums.post.*", "event:forums.*",
            "category:forums", "sender:club-9", "kind:happening",
        ])
        #expect(MemberNotificationSubject(kind: .personal).topics == [.kind(.personal)])
    }

    @Test func aMembersOwnChoiceWinsOverTheServicesDefaultsWhicheverIsMoreSpecific() throws {
        let subject = MemberNotificationSubject(kind: .happening, eventType: Self.comment)
        let forums = try PreferenceTopic(parsing: "event:forums.*"), exact = PreferenceTopic.eventType(.exact(Self.comment))
        let book = PreferenceBook([
            ChannelPreference(memberId: nil, topic: exact, channel: .email, enabled: false),
            ChannelPreference(memberId: nil, topic: .kind(.happening), channel: .sms, enabled: true),
            ChannelPreference(memberId: "ada", topic: forums, channel: .email, enabled: true),
            ChannelPreference(memberId: "bob", topic: .kind(.happening), channel: .sms, enabled: false),
            ChannelPreference(memberId: "bob", topic: exact, channel: .sms, enabled: true),
        ])
        #expect(book.wants(.email, memberId: "ada", subject: subject))  // her wildcard beats the service's exact default
        #expect(!book.wants(.email, memberId: "bob", subject: subject))  // the service's default
        #expect(book.wants(.sms, memberId: "ada", subject: subject))  // the service's default for the kind
        #expect(book.wants(.sms, memberId: "bob", subject: subject))  // his exact choice beats his choice for the kind
        #expect(!book.wants(.sms, memberId: "bob", subject: MemberNotificationSubject(kind: .happening, eventType: try EventType(validating: "forums.post.edit"))))
        let nothingStored = PreferenceBook([])
        #expect(nothingStored.wants(.email, memberId: "ada", subject: subject))
        #expect(!nothingStored.wants(.sms, memberId: "ada", subject: subject))
    }

    @Test func aFanOutCountsEveryMemberOnEveryChannelOnce() {
        let service = UUID()
        func member(_ id: String, email: String? = nil, phone: String? = nil, active: Bool = true) -> Member {
            Member(serviceId: service, id: id, email: email, phone: phone, active: active)
        }
        let audience = [
            member("ada", email: "ada@example.org", phone: "+447700900001"), member("bob", email: "bob@example.org"),
            member("cy", phone: "+447700900003"), member("di", email: "DI@example.org"), member("ed", email: "ed@example.org"),
            member("fay", email: "fay@example.org", active: false),
        ]
        let subject = MemberNotificationSubject(kind: .broadcast, category: "news")
        let book = PreferenceBook([
            ChannelPreference(memberId: "bob", topic: .category("news"), channel: .email, enabled: false),
            ChannelPreference(memberId: "ada", topic: .kind(.broadcast), channel: .sms, enabled: true),
            ChannelPreference(memberId: "cy", topic: .kind(.broadcast), channel: .sms, enabled: true),
        ])
        let suppressions: [String: Suppression.Reason] = ["di@example.org": .bounce, "ed@example.org": .unsubscribe]
        let decision = FanOutDecision(audience: audience, unknown: ["zed"], channels: [.email, .sms], subject: subject, preferences: book, suppressions: suppressions)
        #expect(Dictionary(uniqueKeysWithValues: decision.recipients.map { ($0.member.id, $0.channels) }) == [
            "ada": [.email, .sms], "bob": [], "cy": [.sms], "di": [], "ed": [.email],  // an unsubscribe from bulk mail is not an opt-out here
        ])
        let report = decision.report
        #expect(report.inApp == 5 && report.inactive == 1 && report.unknownMembers == ["zed"])
        #expect(report.reach[.email] == FanOutReport.Reach(reached: 2, missed: [.optedOut: 1, .noAddress: 1, .suppressed: 1]))
        #expect(report.reach[.sms] == FanOutReport.Reach(reached: 2, missed: [.optedOut: 3]))

        let system = FanOutDecision(audience: audience, unknown: [], channels: [.email], subject: MemberNotificationSubject(kind: .systemBroadcast), preferences: nil, suppressions: suppressions)
        #expect(system.report.reach[.email] == FanOutReport.Reach(reached: 3, missed: [.noAddress: 1, .suppressed: 1]))  // bob's opt-out does not count
    }
}
