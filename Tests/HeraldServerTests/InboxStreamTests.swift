import AsyncHTTPClient
import Foundation
import HeraldCore
import HeraldServer
import HeraldStore
import HeraldTestSupport
import Hummingbird
import HummingbirdTesting
import NIOHTTP1
import Testing

/// `GET /herald/v1/members/{member_id}/inbox/stream`: a member's inbox live, over a real socket, on every engine.
/// Each test has a time limit, generous because the full parallel suite on two cores runs ordinary tests for 80 s
/// and more: a stream that never delivers an awaited event fails instead of hanging the run.
@Suite struct InboxStreamTests {
    @Test(.timeLimit(.minutes(3)), arguments: TestDatabase.available)
    func newItemsAndUnreadCountsReachAnOpenStreamFromThisProcessAndAnother(database: TestDatabase) async throws {
        try await database.withStores(2) { stores in
            let (store, otherProcess) = (stores[0], stores[1])
            let fixture = try await ServiceFixture.create(in: store)
            try await store.upsertMembers([Member(serviceId: fixture.service.id, id: "ada"), Member(serviceId: fixture.service.id, id: "bo")])
            let earlier = InboxItem(serviceId: fixture.service.id, memberId: "ada", kind: .broadcast, title: "Before", body: "")
            try await store.addToInbox([earlier])
            try await Application(router: buildRouter(store: store)).test(.live) { client in
                var events = try await openInboxStream(port: try #require(client.port), key: fixture.liveKey, memberId: "ada").makeAsyncIterator()
                #expect(try await events.next()?.json?["unread_count"] as? Int == 1)

                let mine = InboxItem(
                    serviceId: fixture.service.id, memberId: "ada", kind: .personal, title: "Hello", body: "From this process", link: "/messages/1"
                )
                try await store.addToInbox([mine, InboxItem(serviceId: fixture.service.id, memberId: "bo", kind: .personal, title: "Not Ada's", body: "")])
                let announced = try #require(try await events.next())
                #expect(announced.name == "item")
                #expect(announced.json?["id"] as? String == mine.id.storageString)
                #expect(announced.json?["link"] as? String == "/messages/1")
                #expect(try await events.next() == ServerSentEvent(name: "unread-count", data: #"{"unread_count":2}"#))

                let theirs = InboxItem(serviceId: fixture.service.id, memberId: "ada", kind: .happening, title: "Reply", body: "From a worker")
                try await otherProcess.addToInbox([theirs])
                #expect(try await events.next()?.json?["id"] as? String == theirs.id.storageString)
                #expect(try await events.next() == ServerSentEvent(name: "unread-count", data: #"{"unread_count":3}"#))

                #expect(try await otherProcess.acknowledgeInbox(serviceId: fixture.service.id, memberId: "ada") == 3)
                #expect(try await events.next() == ServerSentEvent(name: "unread-count", data: #"{"unread_count":0}"#))
            }
        }
    }

    @Test(.timeLimit(.minutes(3)), arguments: TestDatabase.available)
    func aGracefulShutdownEndsOpenStreams(database: TestDatabase) async throws {
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            try await store.upsertMembers([Member(serviceId: fixture.service.id, id: "ada")])
            let reader = try await Application(router: buildRouter(store: store)).test(.live) { client in
                let events = try await openInboxStream(port: try #require(client.port), key: fixture.liveKey, memberId: "ada")
                return Task {
                    var names: [String] = []
                    for try await event in events {
                        names.append(event.name)
                    }
                    return names
                }
            }
            // The test framework shut the server down gracefully when the closure returned: the stream has ended.
            #expect(try await reader.value == ["unread-count"])
        }
    }

    @Test(.timeLimit(.minutes(3)), arguments: TestDatabase.available)
    func aClientThatDisconnectsLeavesNoSubscriptionBehind(database: TestDatabase) async throws {
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            try await store.upsertMembers([Member(serviceId: fixture.service.id, id: "ada")])
            try await Application(router: buildRouter(store: store)).test(.live) { client in
                let port = try #require(client.port)
                let reader = Task {
                    var events = try await openInboxStream(port: port, key: fixture.liveKey, memberId: "ada").makeAsyncIterator()
                    _ = try await events.next()
                    try await Task.sleep(for: .seconds(60))
                }
                #expect(await Self.subscribers(of: store, become: 1))
                reader.cancel()  // the page is closed: the client drops the connection
                #expect(await Self.subscribers(of: store, become: 0))
            }
        }
    }

    /// Whether the store's feed has `count` subscriptions within 30 s.
    private static func subscribers(of store: HeraldStore, become count: Int) async -> Bool {
        let started = ContinuousClock.now
        while store.inboxChanges.subscriberCount != count, ContinuousClock.now - started < .seconds(30) {
            try? await Task.sleep(for: .milliseconds(20))
        }
        return store.inboxChanges.subscriberCount == count
    }
}
