import Foundation
import HeraldCore
import HeraldStore
import HeraldTestSupport
import Testing

/// The store's behaviour, identical on every engine: each test runs once per available database.
@Suite struct StoreTests {
    @Test func postgresIsTestedWhenTheTestScriptAsksForIt() {
        if ProcessInfo.processInfo.environment["HERALD_TEST_REQUIRE_POSTGRES"] == "1" {
            #expect(TestDatabase.available.contains(.postgres), "scripts/test started PostgreSQL but HERALD_TEST_POSTGRES_URL is missing")
        }
    }

    @Test(arguments: TestDatabase.available)
    func migratingTwiceAppliesNothingTheSecondTime(database: TestDatabase) async throws {
        try await database.withStore { store in
            let applied = try await store.migrate()
            #expect(applied.isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func acceptedNotificationIsStoredWithItsDeliveryJob(database: TestDatabase) async throws {
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let notification = fixture.email(to: "a@example.org")
            let outcomes = try await store.enqueue([notification], priority: .immediate)
            guard case .accepted(let stored) = try #require(outcomes.first) else { Issue.record("not accepted"); return }
            #expect(stored.id == notification.id)
            let read = try #require(try await store.notification(id: notification.id, serviceId: fixture.service.id))
            #expect(read.status == .created)
            #expect(read.recipient == "a@example.org")
            #expect(read.createdAt.microsecondsSinceEpoch == notification.createdAt.microsecondsSinceEpoch)
            #expect(try await store.backlog().deliveries == 1)
            // Another service cannot read it.
            #expect(try await store.notification(id: notification.id, serviceId: UUID()) == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func sameIdempotencyKeyReturnsTheFirstNotificationAndQueuesOnce(database: TestDatabase) async throws {
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let first = fixture.email(to: "a@example.org", idempotencyKey: "order-1")
            let second = fixture.email(to: "b@example.org", idempotencyKey: "order-1")
            _ = try await store.enqueue([first], priority: .immediate)
            let outcome = try #require(try await store.enqueue([second], priority: .immediate).first)
            guard case .duplicate(let existing) = outcome else { Issue.record("expected duplicate, got \(outcome)"); return }
            #expect(existing.id == first.id)
            #expect(try await store.backlog().deliveries == 1)
            // The same key from another service is independent.
            let other = try await ServiceFixture.create(in: store)
            guard case .accepted = try #require(try await store.enqueue([other.email(to: "c@example.org", idempotencyKey: "order-1")], priority: .immediate).first) else {
                Issue.record("other service's key was treated as a duplicate"); return
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func immediateJobsAreClaimedBeforeBulkAndScheduledOnesWait(database: TestDatabase) async throws {
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let now = Date()
            let bulk = (0..<3).map { fixture.email(to: "bulk\($0)@example.org", createdAt: now.addingTimeInterval(-10)) }
            let later = fixture.email(to: "later@example.org", createdAt: now, scheduledFor: now.addingTimeInterval(3600))
            let urgent = fixture.email(to: "urgent@example.org", createdAt: now)
            _ = try await store.enqueue(bulk, priority: .bulk)
            _ = try await store.enqueue([later, urgent], priority: .immediate)
            let first = try await store.claimDeliveries(owner: "w1", limit: 1, lease: 7200, now: now)
            #expect(first.map(\.notification.id) == [urgent.id])
            let rest = try await store.claimDeliveries(owner: "w1", limit: 10, lease: 7200, now: now)
            #expect(Set(rest.map(\.notification.id)) == Set(bulk.map(\.id)))
            #expect(rest.allSatisfy { $0.attempt == 1 && $0.emailFrom == "noreply@example.org" })
            let atSendTime = try await store.claimDeliveries(owner: "w1", limit: 10, lease: 60, now: now.addingTimeInterval(3601))
            #expect(atSendTime.map(\.notification.id) == [later.id])
        }
    }

    @Test(arguments: TestDatabase.available)
    func anExpiredLeaseReturnsTheJobAndAReleaseDoesNotCountTheAttempt(database: TestDatabase) async throws {
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let now = Date()
            let n = fixture.email(to: "a@example.org", createdAt: now)
            _ = try await store.enqueue([n], priority: .immediate)
            #expect(try await store.claimDeliveries(owner: "dead", limit: 10, lease: 30, now: now).count == 1)
            #expect(try await store.claimDeliveries(owner: "alive", limit: 10, lease: 30, now: now.addingTimeInterval(29)).isEmpty)
            let reclaimed = try await store.claimDeliveries(owner: "alive", limit: 10, lease: 30, now: now.addingTimeInterval(31))
            #expect(reclaimed.map(\.attempt) == [2])
            try await store.releaseDeliveries(owner: "alive", ids: [n.id], now: now.addingTimeInterval(32))
            let again = try await store.claimDeliveries(owner: "next", limit: 10, lease: 30, now: now.addingTimeInterval(32))
            #expect(again.map(\.attempt) == [2])
        }
    }

    @Test(arguments: TestDatabase.available)
    func concurrentClaimersNeverShareAJob(database: TestDatabase) async throws {
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let all = (0..<600).map { fixture.email(to: "r\($0)@example.org") }
            _ = try await store.enqueue(all, priority: .bulk)
            let claimed = try await withThrowingTaskGroup(of: [UUID].self) { group in
                for worker in 0..<6 {
                    group.addTask {
                        var mine: [UUID] = []
                        while true {
                            let batch = try await store.claimDeliveries(owner: "w\(worker)", limit: 25, lease: 300)
                            if batch.isEmpty { return mine }
                            mine += batch.map(\.notification.id)
                        }
                    }
                }
                return try await group.reduce(into: [UUID]()) { $0 += $1 }
            }
            #expect(claimed.count == all.count)
            #expect(Set(claimed) == Set(all.map(\.id)))
        }
    }

    @Test(arguments: TestDatabase.available)
    func listingFiltersByKeyTypeAndStatusAndPagesWithOlderThan(database: TestDatabase) async throws {
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let base = Date(timeIntervalSince1970: 1_800_000_000)
            let live = (0..<5).map { fixture.email(to: "l\($0)@example.org", createdAt: base.addingTimeInterval(Double($0))) }
            let test = fixture.email(to: "t@example.org", createdAt: base.addingTimeInterval(10), keyType: .test)
            _ = try await store.enqueue(live + [test], priority: .immediate)
            let newestFirst = live.reversed().map(\.id)

            let firstPage = try await store.notifications(NotificationFilter(serviceId: fixture.service.id, keyType: .normal, limit: 2))
            #expect(firstPage.map(\.id) == Array(newestFirst.prefix(2)))
            let secondPage = try await store.notifications(NotificationFilter(serviceId: fixture.service.id, keyType: .normal, olderThan: firstPage.last?.id, limit: 2))
            #expect(secondPage.map(\.id) == Array(newestFirst.dropFirst(2).prefix(2)))
            let unknown = try await store.notifications(NotificationFilter(serviceId: fixture.service.id, olderThan: UUID()))
            #expect(unknown.isEmpty)
            let tests = try await store.notifications(NotificationFilter(serviceId: fixture.service.id, keyType: .test))
            #expect(tests.map(\.id) == [test.id])
            let delivered = try await store.notifications(NotificationFilter(serviceId: fixture.service.id, statuses: [.delivered]))
            #expect(delivered.isEmpty)
            let created = try await store.notifications(NotificationFilter(serviceId: fixture.service.id, statuses: [.created]))
            #expect(created.count == 6)
        }
    }

    @Test(arguments: TestDatabase.available)
    func writerLocksAppliesUpdatesAndKeepsTheTimeline(database: TestDatabase) async throws {
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let n = fixture.email(to: "a@example.org")
            _ = try await store.enqueue([n], priority: .immediate)
            let sentAt = Date()
            try await store.write { writer in
                let states = try await writer.lockStates(ids: [n.id])
                #expect(states.map(\.status) == [.created])
                try await writer.update([NotificationUpdate(
                    id: n.id, status: .sending, facts: [], provider: "simulator", providerMessageId: "msg-1", sentAt: sentAt, attempts: 1, updatedAt: sentAt
                )])
                try await writer.appendTimeline([TimelineEvent(notificationId: n.id, event: "accepted", status: .sending, detail: "ok", occurredAt: sentAt)])
                try await writer.finishDeliveries(ids: [n.id])
            }
            let byMessageId = try await store.write { try await $0.lockStates(ids: [], providerMessageIds: ["msg-1"]) }
            #expect(byMessageId.map(\.id) == [n.id])
            let read = try #require(try await store.notification(id: n.id))
            #expect(read.status == .sending)
            #expect(read.provider == "simulator")
            #expect(read.attempts == 1)
            #expect(read.sentAt?.microsecondsSinceEpoch == sentAt.microsecondsSinceEpoch)
            #expect(try await store.timeline(notificationId: n.id).map(\.event) == ["accepted"])
            #expect(try await store.backlog().deliveries == 0)
        }
    }

    @Test(arguments: TestDatabase.available)
    func feedbackWaitsInTheInboxUntilClaimedAndCanBeDeadLettered(database: TestDatabase) async throws {
        try await database.withStore { store in
            let now = Date()
            try await store.write { try await $0.appendFeedback([
                FeedbackDocument(source: "test", body: "{}", receivedAt: now), FeedbackDocument(source: "test", body: "nonsense", receivedAt: now),
            ]) }
            let claimed = try await store.write { writer in
                let entries = try await writer.claimFeedback(limit: 10, now: now)
                try await writer.deferFeedback(id: entries[0].id, until: now.addingTimeInterval(60), reason: "unmatched")
                try await writer.deadLetterFeedback(entries[1], error: "cannot parse", now: now)
                return entries
            }
            #expect(claimed.map(\.document.body) == ["{}", "nonsense"])
            #expect(try await store.write { try await $0.claimFeedback(limit: 10, now: now) }.isEmpty)
            let later = try await store.write { try await $0.claimFeedback(limit: 10, now: now.addingTimeInterval(61)) }
            #expect(later.map(\.attempts) == [1])
            #expect(try await store.backlog().feedback == 1)
        }
    }
}
