import Foundation
import HeraldCore
import HeraldServer
import HeraldStore
import HeraldTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// `/herald/v1/members/{member_id}/inbox`: a member's in-app inbox over HTTP.
@Suite struct InboxAPITests {
    @Test(arguments: TestDatabase.available)
    func aMemberPagesThroughTheirInboxNewestFirst(database: TestDatabase) async throws {
        try await database.withMembersAPI(members: ["ada", "bo"]) { store, fixture, api in
            let now = Date(microsecondsSinceEpoch: Date().microsecondsSinceEpoch)  // as stored
            let items = (0..<3).map { index in
                InboxItem(
                    serviceId: fixture.service.id, memberId: "ada", kind: .happening, eventType: try? EventType(validating: "forums.post.comment.new"),
                    scope: "post-1", title: "Comment \(index)", body: "Body \(index)", link: "/forums/post/1", createdAt: now.addingTimeInterval(Double(index)),
                    expiresAt: now.addingTimeInterval(3600)
                )
            }
            try await store.addToInbox(items + [InboxItem(serviceId: fixture.service.id, memberId: "bo", kind: .personal, title: "Hi", body: "Bo")])

            let first = try await api.get("/herald/v1/members/ada/inbox?limit=2")
            #expect(first.status == .ok)
            #expect(first.json["unread_count"] as? Int == 3)
            let page = try #require(first.json["items"] as? [[String: Any]])
            #expect(page.map { $0["title"] as? String } == ["Comment 2", "Comment 1"])
            let newest = try #require(page.first)
            #expect(newest["id"] as? String == items[2].id.storageString)
            #expect(newest["member_id"] as? String == "ada")
            #expect(newest["kind"] as? String == "happening")
            #expect(newest["event_type"] as? String == "forums.post.comment.new")
            #expect(newest["scope"] as? String == "post-1")
            #expect(newest["body"] as? String == "Body 2")
            #expect(newest["link"] as? String == "/forums/post/1")
            #expect(newest["created_at"] as? String == NotifyTimestamp.string(items[2].createdAt))
            #expect(newest["acknowledged_at"] is NSNull)
            #expect(newest["expires_at"] as? String == NotifyTimestamp.string(items[2].expiresAt!))
            let links = try #require(first.json["links"] as? [String: String])
            #expect(links["current"] == "http://localhost/herald/v1/members/ada/inbox?limit=2")
            let next = try #require(links["next"])
            #expect(next == "http://localhost/herald/v1/members/ada/inbox?limit=2&older_than=\(items[1].id.storageString)")

            let second = try await api.get(String(next.dropFirst("http://localhost".count)))
            #expect((second.json["items"] as? [[String: Any]])?.map { $0["title"] as? String } == ["Comment 0"])
            #expect((second.json["links"] as? [String: String])?["next"] == nil)
            #expect(try await api.get("/herald/v1/members/bo/inbox").json["unread_count"] as? Int == 1)
        }
    }

    @Test(arguments: TestDatabase.available)
    func acknowledgingOneOrAllLowersTheUnreadCount(database: TestDatabase) async throws {
        try await database.withMembersAPI(members: ["ada"]) { store, fixture, api in
            let items = (0..<3).map { InboxItem(serviceId: fixture.service.id, memberId: "ada", kind: .broadcast, title: "News \($0)", body: "") }
            try await store.addToInbox(items)
            let one = try await api.post("/herald/v1/members/ada/inbox/\(items[0].id.storageString)/acknowledge", json: [:])
            #expect(one.status == .ok)
            let acknowledgedAt = try #require(one.json["acknowledged_at"] as? String)
            let again = try await api.post("/herald/v1/members/ada/inbox/\(items[0].id.storageString)/acknowledge", json: [:])
            #expect(again.json["acknowledged_at"] as? String == acknowledgedAt)
            #expect(try await api.get("/herald/v1/members/ada/inbox/unread-count").json["unread_count"] as? Int == 2)
            let unread = try await api.get("/herald/v1/members/ada/inbox?unread=true")
            #expect((unread.json["items"] as? [[String: Any]])?.count == 2)

            let all = try await api.post("/herald/v1/members/ada/inbox/acknowledge", json: [:])
            #expect(all.status == .ok)
            #expect(all.json["acknowledged"] as? Int == 2)
            #expect(try await api.get("/herald/v1/members/ada/inbox/unread-count").json["unread_count"] as? Int == 0)
        }
    }

    @Test(arguments: TestDatabase.available)
    func unknownMembersAndItemsAreNotFoundAndBadQueriesSayWhy(database: TestDatabase) async throws {
        try await database.withMembersAPI(members: ["ada"]) { _, _, api in
            for path in ["/herald/v1/members/nobody/inbox", "/herald/v1/members/nobody/inbox/unread-count", "/herald/v1/members/nobody/inbox/stream"] {
                let reply = try await api.get(path)
                #expect(reply.status == .notFound)
                #expect(reply.firstError?.0 == "NoResultFound")
            }
            #expect(try await api.post("/herald/v1/members/nobody/inbox/acknowledge", json: [:]).status == .notFound)
            #expect(try await api.post("/herald/v1/members/ada/inbox/\(UUID().uuidString)/acknowledge", json: [:]).status == .notFound)
            let cases: [(String, String)] = [
                ("limit=0", "limit must be a whole number from 1 to 200"),
                ("limit=201", "limit must be a whole number from 1 to 200"),
                ("older_than=7", "older_than is not a valid UUID"),
                ("unread=yes", "unread must be true or false"),
                ("page=2", "Additional properties are not allowed (page was unexpected)"),
            ]
            for (query, message) in cases {
                let reply = try await api.get("/herald/v1/members/ada/inbox?\(query)")
                #expect(reply.status == .badRequest)
                #expect(reply.firstError?.0 == "ValidationError")
                #expect(reply.firstError?.1 == message)
            }
            let badId = try await api.post("/herald/v1/members/ada/inbox/not-a-uuid/acknowledge", json: [:])
            #expect(badId.firstError?.1 == "id is not a valid UUID")
        }
    }
}
