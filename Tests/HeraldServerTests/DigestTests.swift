import Foundation
import HeraldCore
import HeraldServer
import HeraldStore
import HeraldTestSupport
import Testing

/// Digests: a member who chose one gets a happening's email in their next digest, at their local hour, once.
@Suite struct DigestTests {
    static func date(_ text: String) throws -> Date { try Date(text, strategy: .iso8601) }

    @Test func schedulesFallAtTheMembersLocalHour() throws {
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        let daily = DigestSchedule(frequency: .daily, hour: 8)
        #expect(daily.nextDelivery(after: try Self.date("2027-01-11T10:00:00Z"), in: newYork) == (try Self.date("2027-01-11T13:00:00Z")))
        #expect(daily.nextDelivery(after: try Self.date("2027-01-11T13:00:00Z"), in: newYork) == (try Self.date("2027-01-12T13:00:00Z")))
        let fridays = DigestSchedule(frequency: .weekly, hour: 18, weekday: 5)
        #expect(fridays.nextDelivery(after: try Self.date("2027-01-11T10:00:00Z"), in: .gmt) == (try Self.date("2027-01-15T18:00:00Z")))
    }

    @Test(arguments: TestDatabase.available)
    func happeningsWaitForTheDailyDigestAndGoOutInOneEmailOnce(database: TestDatabase) async throws {
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let serviceId = fixture.service.id
            let comment = try EventType(validating: "forums.post.comment.new")
            try await store.upsertMembers([
                Member(serviceId: serviceId, id: "ada", name: "Ada", email: "ada@example.org", timeZone: "Europe/London"),
                Member(serviceId: serviceId, id: "bob", name: "Bob", email: "bob@example.org"),
            ])
            try await store.createListens(["ada", "bob"].map { Listen(serviceId: serviceId, memberId: $0, eventType: .exact(comment)) })
            try await store.setDigest(serviceId: serviceId, memberId: "ada", DigestSchedule(frequency: .daily, hour: 8))
            let notifier = MemberNotifier(store: store)
            for (index, author) in ["Cy", "Di"].enumerated() {
                let report = try await notifier.send(MemberNotification(
                    serviceId: serviceId, subject: MemberNotificationSubject(kind: .happening, eventType: comment), audience: .listeners,
                    title: "\(author) commented", body: "Comment \(index + 1)", url: "https://club.example/c/\(index + 1)",
                    createdAt: try Self.date("2027-01-11T1\(index):00:00Z")
                ), service: fixture.service)
                #expect(report.reach[.email] == FanOutReport.Reach(reached: 1, inDigest: 1))
                #expect(report.inApp == 2)
            }
            func emails(to address: String) async throws -> [NotificationRecord] {
                try await store.notifications(NotificationFilter(serviceId: serviceId)).filter { $0.recipient == address }
            }
            #expect(try await emails(to: "bob@example.org").count == 2)
            #expect(try await emails(to: "ada@example.org").isEmpty)

            let sender = DigestSender(store: store, logger: TestDatabase.logger)
            #expect(try await sender.sendDue(now: try Self.date("2027-01-11T20:00:00Z")) == 0)
            #expect(try await sender.sendDue(now: try Self.date("2027-01-12T08:01:00Z")) == 1)
            #expect(try await sender.sendDue(now: try Self.date("2027-01-12T08:02:00Z")) == 0)
            let digest = try #require(try await emails(to: "ada@example.org").first)
            #expect(try await emails(to: "ada@example.org").count == 1)
            #expect(digest.subject == "Your daily digest: 2 new notifications")
            #expect(digest.body == "Cy commented\nComment 1\nhttps://club.example/c/1\n\n---\n\nDi commented\nComment 2\nhttps://club.example/c/2")
            #expect(try await store.pendingDigests().isEmpty)

            try await store.setDigest(serviceId: serviceId, memberId: "ada", nil)
            let after = try await notifier.send(MemberNotification(
                serviceId: serviceId, subject: MemberNotificationSubject(kind: .happening, eventType: comment), audience: .listeners, title: "Ed commented", body: "3"
            ), service: fixture.service)
            #expect(after.reach[.email] == FanOutReport.Reach(reached: 2))
        }
    }
}
