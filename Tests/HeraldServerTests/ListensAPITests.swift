import Foundation
import HeraldCore
import HeraldServer
import HeraldStore
import HeraldTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// `/herald/v1/members/{member_id}/listens` and `/herald/v1/listens`: members' subscriptions over HTTP.
@Suite struct ListensAPITests {
    @Test(arguments: TestDatabase.available)
    func subscribeListAndUnsubscribe(database: TestDatabase) async throws {
        try await database.withMembersAPI(members: ["ada", "bo"]) { store, fixture, api in
            let created = try await api.post("/herald/v1/members/ada/listens", json: ["event_type": "forums.post.*", "scope": "post-1"])
            #expect(created.status == .created)
            #expect(created.json["event_type"] as? String == "forums.post.*")
            #expect(created.json["scope"] as? String == "post-1")
            #expect(created.json["member_id"] as? String == "ada")
            let again = try await api.post("/herald/v1/members/ada/listens", json: ["event_type": "forums.post.*", "scope": "post-1"])
            #expect(again.status == .ok)
            #expect(again.json["id"] as? String == created.json["id"] as? String)
            let unscoped = try await api.post("/herald/v1/members/ada/listens", json: ["event_type": "forums.thread.reply.new"])
            #expect(unscoped.status == .created)
            #expect(unscoped.json["scope"] is NSNull)
            #expect(try await api.post("/herald/v1/members/bo/listens", json: ["event_type": "forums.post.comment.new", "scope": "post-1"]).status == .created)
            #expect(try await api.post("/herald/v1/members/nobody/listens", json: ["event_type": "forums.post.*"]).status == .notFound)

            let listed = try await api.get("/herald/v1/members/ada/listens")
            let listens = try #require(listed.json["listens"] as? [[String: Any]])
            #expect(listens.map { $0["event_type"] as? String } == ["forums.post.*", "forums.thread.reply.new"])
            #expect(try await api.get("/herald/v1/members/nobody/listens").status == .notFound)

            // The post is deleted: the platform removes every listen on it.
            let deleted = try await api.send("/herald/v1/listens?scope=post-1", method: .delete, body: nil)
            #expect(deleted.status == .ok)
            #expect(deleted.json["deleted"] as? Int == 2)
            let comment = try EventType(validating: "forums.post.comment.new")
            #expect(try await store.listeners(serviceId: fixture.service.id, of: comment, scope: "post-1").isEmpty)
            let everything = try await api.send("/herald/v1/listens", method: .delete, body: nil)
            #expect(everything.status == .badRequest)

            let id = try #require(unscoped.json["id"] as? String)
            #expect(try await api.send("/herald/v1/members/bo/listens/\(id)", method: .delete, body: nil).status == .notFound)
            #expect(try await api.send("/herald/v1/members/ada/listens/\(id)", method: .delete, body: nil).status == .noContent)
            #expect(try await api.send("/herald/v1/members/ada/listens/\(id)", method: .delete, body: nil).status == .notFound)
            #expect(try await api.send("/herald/v1/members/ada/listens/not-a-uuid", method: .delete, body: nil).status == .badRequest)
            #expect((try await api.get("/herald/v1/members/ada/listens").json["listens"] as? [Any])?.isEmpty == true)
        }
    }

    @Test(arguments: TestDatabase.available)
    func badEventTypesAndScopesSayWhy(database: TestDatabase) async throws {
        try await database.withMembersAPI(members: ["ada"]) { store, fixture, api in
            let cases: [([String: Any], String)] = [
                (["event_type": "forums.post"], "event_type 'forums.post' needs at least three dot-separated parts: <application>.<function>.<action>"),
                (["event_type": "forums.*.new"], "event_type 'forums.*.new' may use '*' only as its whole last part, after at least one other part (forums.post.*)"),
                (["event_type": "Forums.Post.New"], "event_type 'Forums.Post.New' may contain only lowercase letters, digits, '_' and '-' between its dots"),
                (["scope": "post-1"], "event_type is a required property"),
                (["event_type": 7], "event_type 7 is not of type string"),
                (["event_type": "forums.post.*", "scope": ""], "scope must be 1 to 255 characters long (leave it out for every scope)"),
                (["event_type": "forums.post.*", "filter": "x"], "Additional properties are not allowed (filter was unexpected)"),
            ]
            for (body, message) in cases {
                let reply = try await api.post("/herald/v1/members/ada/listens", json: body)
                #expect(reply.status == .badRequest)
                #expect(reply.firstError?.0 == "ValidationError")
                #expect(reply.firstError?.1 == message)
            }
            let badQuery = try await api.send("/herald/v1/listens?event_type=forums", method: .delete, body: nil)
            #expect(badQuery.firstError?.1 == "event_type 'forums' needs at least three dot-separated parts: <application>.<function>.<action>")
            #expect(try await store.listens(serviceId: fixture.service.id, memberId: "ada").isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func subscribeManyAtOnce(database: TestDatabase) async throws {
        try await database.withMembersAPI(members: ["ada", "bo"]) { store, fixture, api in
            let items: [[String: Any]] = [
                ["member_id": "ada", "event_type": "forums.post.*"],
                ["member_id": "bo", "event_type": "forums.post.comment.new", "scope": "post-1"],
                ["member_id": "bo", "event_type": "forums.post.comment.new", "scope": "post-1"],  // twice in one call
                ["member_id": "nobody", "event_type": "forums.post.*"],
            ]
            let reply = try await api.post("/herald/v1/listens", json: ["listens": items])
            #expect(reply.status == .ok)
            #expect(reply.json["created"] as? Int == 2)
            #expect(reply.json["unchanged"] as? Int == 2)
            let comment = try EventType(validating: "forums.post.comment.new")
            #expect(try await store.listeners(serviceId: fixture.service.id, of: comment, scope: "post-1").map(\.id) == ["ada", "bo"])

            let invalid = try await api.post("/herald/v1/listens", json: ["listens": [
                ["member_id": "ada", "event_type": "forums.post.*"], ["event_type": "forums.*.new", "scope": ""], "ada",
            ]])
            #expect(invalid.status == .badRequest)
            #expect((invalid.json["errors"] as? [[String: Any]])?.compactMap { $0["message"] as? String } == [
                "listens[1].member_id is a required property",
                "listens[1].event_type 'forums.*.new' may use '*' only as its whole last part, after at least one other part (forums.post.*)",
                "listens[1].scope must be 1 to 255 characters long (leave it out for every scope)",
                "listens[2] ada is not of type object",
            ])
            #expect(try await api.post("/herald/v1/listens", json: ["listen": []]).firstError?.1 == "listens is a required property")
        }
    }
}
