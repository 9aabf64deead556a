import Foundation
import HeraldCore
import HeraldStore
import HeraldTestSupport
import Testing

/// Members' in-app inboxes, on every engine: newest-first keyset pages, unread counts, acknowledgement (once),
/// expiry and its clean-up.
@Suite struct InboxStoreTests {
    /// An item created `minutesAgo` minutes before `base`, at a whole microsecond (as stored).
    private func item(
        _ service: UUID, _ member: String, _ title: String, minutesAgo: Double = 0, base: Date = Date(microsecondsSinceEpoch: Date().microsecondsSinceEpoch),
        acknowledgedAt: Date? = nil, expiresAt: Date? = nil
    ) -> InboxItem {
        InboxItem(
            serviceId: service, memberId: member, kind: .personal, title: title, body: "Body of \(title)",
            createdAt: base.addingTimeInterval(-minutesAgo * 60), acknowledgedAt: acknowledgedAt, expiresAt: expiresAt
        )
    }

    @Test(arguments: TestDatabase.available)
    func itemsComeBackNewestFirstWithEveryField(database: TestDatabase) async throws {
        try await database.withStore { store in
            let service = try await ServiceFixture.create(in: store).service.id
            let now = Date(microsecondsSinceEpoch: Date().microsecondsSinceEpoch)
            let full = InboxItem(
                serviceId: service, memberId: "ada", kind: .happening, eventType: try EventType(validating: "forums.post.comment.new"),
                scope: "post-1", title: "New comment", body: "Bo replied", link: "/forums/post/1#c2", createdAt: now,
                expiresAt: now.addingTimeInterval(3600)
            )
            let older = item(service, "ada", "older", minutesAgo: 5)
            try await store.addToInbox([older, full, item(service, "bo", "someone else's")])
            #expect(try await store.inboxItems(serviceId: service, memberId: "ada") == [full, older])
            #expect(try await store.inboxItems(serviceId: UUID(), memberId: "ada").isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func pagesFollowOlderThanWithoutGapsOrOverlaps(database: TestDatabase) async throws {
        try await database.withStore { store in
            let service = try await ServiceFixture.create(in: store).service.id
            let base = Date(microsecondsSinceEpoch: Date().microsecondsSinceEpoch)
            // Three items share one created_at: the id breaks the tie.
            let items = (0..<7).map { item(service, "ada", "item \($0)", minutesAgo: Double(min($0, 4)), base: base) }
            try await store.addToInbox(items.shuffled())
            var pages: [[InboxItem]] = []
            var cursor: UUID?
            repeat {
                let page = try await store.inboxItems(serviceId: service, memberId: "ada", olderThan: cursor, limit: 3)
                pages.append(page)
                cursor = page.last?.id
            } while pages.last?.count == 3
            let expected = items.sorted { ($0.createdAt, $0.id.storageString) > ($1.createdAt, $1.id.storageString) }
            #expect(pages.map(\.count) == [3, 3, 1])
            #expect(pages.flatMap { $0 } == expected)
            #expect(try await store.inboxItems(serviceId: service, memberId: "bo", olderThan: items[0].id).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func unreadCountAndPagesLeaveOutAcknowledgedAndExpiredItems(database: TestDatabase) async throws {
        try await database.withStore { store in
            let service = try await ServiceFixture.create(in: store).service.id
            let now = Date()
            let unread = item(service, "ada", "unread", minutesAgo: 1)
            let unexpired = item(service, "ada", "expires later", minutesAgo: 2, expiresAt: now.addingTimeInterval(60))
            let read = item(service, "ada", "read", minutesAgo: 3, acknowledgedAt: now)
            let expired = item(service, "ada", "expired", minutesAgo: 4, expiresAt: now.addingTimeInterval(-1))
            try await store.addToInbox([unread, unexpired, read, expired, item(service, "bo", "bo's")])
            #expect(try await store.unreadInboxCount(serviceId: service, memberId: "ada", now: now) == 2)
            #expect(try await store.unreadInboxCount(serviceId: service, memberId: "ada", now: now.addingTimeInterval(120)) == 1)
            #expect(try await store.inboxItems(serviceId: service, memberId: "ada", now: now).map(\.title) == ["unread", "expires later", "read"])
            #expect(try await store.inboxItems(serviceId: service, memberId: "ada", unreadOnly: true, now: now).map(\.title) == ["unread", "expires later"])
            #expect(try await store.unreadInboxCount(serviceId: service, memberId: "nobody") == 0)
        }
    }

    @Test(arguments: TestDatabase.available)
    func acknowledgingTwiceKeepsTheFirstTime(database: TestDatabase) async throws {
        try await database.withStore { store in
            let service = try await ServiceFixture.create(in: store).service.id
            let first = Date(microsecondsSinceEpoch: Date().microsecondsSinceEpoch)
            let target = item(service, "ada", "to read")
            let expired = item(service, "ada", "expired", expiresAt: first.addingTimeInterval(-1))
            try await store.addToInbox([target, expired, item(service, "ada", "other")])
            let acknowledged = try await store.acknowledgeInboxItem(serviceId: service, memberId: "ada", id: target.id, at: first)
            #expect(acknowledged?.acknowledgedAt == first)
            let again = try await store.acknowledgeInboxItem(serviceId: service, memberId: "ada", id: target.id, at: first.addingTimeInterval(60))
            #expect(again?.acknowledgedAt == first)
            #expect(try await store.unreadInboxCount(serviceId: service, memberId: "ada") == 1)
            #expect(try await store.acknowledgeInboxItem(serviceId: service, memberId: "bo", id: target.id) == nil)
            #expect(try await store.acknowledgeInboxItem(serviceId: service, memberId: "ada", id: expired.id) == nil)
            #expect(try await store.acknowledgeInboxItem(serviceId: service, memberId: "ada", id: UUID()) == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func acknowledgingAllMarksOnlyThatMembersUnreadItems(database: TestDatabase) async throws {
        try await database.withStore { store in
            let service = try await ServiceFixture.create(in: store).service.id
            let earlier = Date(microsecondsSinceEpoch: Date().microsecondsSinceEpoch - 60_000_000)
            let read = item(service, "ada", "read", acknowledgedAt: earlier)
            try await store.addToInbox([read, item(service, "ada", "a"), item(service, "ada", "b"), item(service, "bo", "c")])
            #expect(try await store.acknowledgeInbox(serviceId: service, memberId: "ada") == 2)
            #expect(try await store.acknowledgeInbox(serviceId: service, memberId: "ada") == 0)
            #expect(try await store.unreadInboxCount(serviceId: service, memberId: "ada") == 0)
            #expect(try await store.unreadInboxCount(serviceId: service, memberId: "bo") == 1)
            let items = try await store.inboxItems(serviceId: service, memberId: "ada")
            #expect(items.first { $0.id == read.id }?.acknowledgedAt == earlier)
        }
    }

    @Test(arguments: TestDatabase.available)
    func expiredItemsAreDeletedInBatches(database: TestDatabase) async throws {
        try await database.withStore { store in
            let service = try await ServiceFixture.create(in: store).service.id
            let now = Date()
            let expired = (0..<5).map { item(service, "ada", "expired \($0)", expiresAt: now.addingTimeInterval(-Double($0) - 1)) }
            let kept = [item(service, "ada", "kept"), item(service, "ada", "later", expiresAt: now.addingTimeInterval(60))]
            try await store.addToInbox(expired + kept)
            #expect(try await store.deleteExpiredInboxItems(now: now, limit: 3) == 3)
            #expect(try await store.deleteExpiredInboxItems(now: now, limit: 3) == 2)
            #expect(try await store.deleteExpiredInboxItems(now: now, limit: 3) == 0)
            #expect(try await store.inboxItems(serviceId: service, memberId: "ada", now: .distantPast).map(\.title).sorted() == ["kept", "later"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func aFanOutLargerThanOneStatementStoresEveryItem(database: TestDatabase) async throws {
        try await database.withStore { store in
            let service = try await ServiceFixture.create(in: store).service.id
            let items = (0..<12_345).map { item(service, "member-\($0 % 1_000)", "broadcast \($0)") }
            try await store.addToInbox(items)
            #expect(try await store.unreadInboxCount(serviceId: service, memberId: "member-7") == 13)
            #expect(try await store.unreadInboxCount(serviceId: service, memberId: "member-999") == 12)
        }
    }
}
