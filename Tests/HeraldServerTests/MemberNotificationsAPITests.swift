import Foundation
import HeraldCore
import HeraldServer
import HeraldStore
import HeraldTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `POST /herald/v1/member-notifications` for each of the five kinds, and `/herald/v1/…/preferences`: who is reached
/// on which channel, and why the others are not.
@Suite struct MemberNotificationsAPITests {
    private static var members: [[String: Any]] { [
        ["member_id": "ada", "name": "Ada", "email_address": "ada@example.org", "phone_number": "07700 900001"],
        ["member_id": "bob", "name": "Bob", "email_address": "bob@example.org"],
        ["member_id": "cy", "name": "Cy"],
        ["member_id": "di", "name": "Di", "email_address": "di@example.org"],
        ["member_id": "ed", "name": "Ed", "email_address": "ed@example.org", "active": false],
    ] }

    private func setUp(_ api: APIClient, _ store: HeraldStore, _ fixture: ServiceFixture) async throws {
        let put = try await api.send("/herald/v1/members", method: .put, body: try JSONSerialization.data(withJSONObject: ["members": Self.members]))
        #expect(put.status == .ok)
        try await store.suppress(Suppression(serviceId: fixture.service.id, address: "di@example.org", reason: .bounce))
    }

    private func notify(_ api: APIClient, _ body: [String: Any]) async throws -> APIClient.Reply {
        try await api.post("/herald/v1/member-notifications", json: body)
    }

    private func reach(_ reply: APIClient.Reply, _ channel: String) -> [String: Int]? {
        reply.json[channel] as? [String: Int]
    }

    @Test(arguments: TestDatabase.available)
    func callsRepeatedWithTheSameIdempotencyKeyFanOutOnceAndGetTheFirstAnswer(database: TestDatabase) async throws {
        try await database.withMembersAPI { store, fixture, api in
            try await setUp(api, store, fixture)
            @Sendable func body() -> [String: Any] { ["kind": "broadcast", "title": "AGM", "body": "Thursday"] }
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "agm-2026"]
            // Two at once (a client retrying before the first answer), then one more after.
            async let first = api.post("/herald/v1/member-notifications", json: body(), headers: key)
            async let second = api.post("/herald/v1/member-notifications", json: body(), headers: key)
            let answers = try await [first, second]
            let third = try await api.post("/herald/v1/member-notifications", json: body(), headers: key)
            for answer in answers + [third] {
                #expect(answer.status == .created, "\(answer.json)")
                #expect(answer.json["id"] as? String == answers[0].json["id"] as? String)
                #expect(reach(answer, "email") == reach(answers[0], "email"))
            }
            #expect(answers[0].json["id"] is String)
            #expect(try await store.inboxItems(serviceId: fixture.service.id, memberId: "ada").count == 1)
            #expect(try await store.statusCounts().values.reduce(0, +) == 2)  // Ada and Bob; Di is suppressed

            let another = try await api.post("/herald/v1/member-notifications", json: body(), headers: [HTTPField.Name("Idempotency-Key")!: "agm-2027"])
            #expect(another.json["id"] as? String != answers[0].json["id"] as? String)
            #expect(try await store.inboxItems(serviceId: fixture.service.id, memberId: "ada").count == 2)
        }
    }

    @Test(arguments: TestDatabase.available)
    func eachKindReachesItsAudienceAndSaysWhyOthersAreNotReached(database: TestDatabase) async throws {
        try await database.withMembersAPI { store, fixture, api in
            try await setUp(api, store, fixture)
            let optOut = try await api.send("/herald/v1/members/bob/preferences", method: .put, body: try JSONSerialization.data(withJSONObject: [
                "preferences": [["topic": "category:news", "channel": "email", "enabled": false]],
            ]))
            #expect(optOut.status == .ok)

            let broadcast = try await notify(api, ["kind": "broadcast", "category": "news", "title": "Club news", "body": "Hello ((member_name))"])
            #expect(broadcast.status == .created)
            #expect(broadcast.json["in_app"] as? Int == 4)
            #expect(broadcast.json["inactive"] as? Int == 1)
            #expect(reach(broadcast, "email") == ["reached": 1, "in_digest": 0, "opted_out": 1, "no_address": 1, "suppressed": 1])
            #expect(broadcast.json["sms"] == nil)

            let system = try await notify(api, ["kind": "system-broadcast", "category": "news", "title": "Maintenance", "body": "Tonight", "channels": ["email", "sms"]])
            #expect(reach(system, "email") == ["reached": 2, "in_digest": 0, "opted_out": 0, "no_address": 1, "suppressed": 1])  // Bob's opt-out does not apply
            #expect(reach(system, "sms") == ["reached": 1, "opted_out": 0, "no_address": 3, "suppressed": 0])

            let named = try await notify(api, ["kind": "named-specific", "member_ids": ["ada", "zed"], "title": "Your team", "body": "Selected", "channels": []])
            #expect(named.json["in_app"] as? Int == 1)
            #expect(named.json["unknown_member_ids"] as? [String] == ["zed"])

            let personal = try await notify(api, ["kind": "personal", "member_id": "ada", "title": "Hi ((member_name))", "body": "Your renewal", "url": "https://club.example/renew"])
            #expect(reach(personal, "email") == ["reached": 1, "in_digest": 0, "opted_out": 0, "no_address": 0, "suppressed": 0])

            let adasInbox = try await store.inboxItems(serviceId: fixture.service.id, memberId: "ada")
            #expect(adasInbox.map(\.title) == ["Hi Ada", "Your team", "Maintenance", "Club news"])
            #expect(adasInbox.first?.kind == .personal)
            let emails = try await store.notifications(NotificationFilter(serviceId: fixture.service.id)).filter { $0.recipient == "ada@example.org" }
            #expect(emails.count == 3)
            let renewal = try #require(emails.first { $0.subject == "Hi Ada" })
            #expect(renewal.body == "Your renewal\n\nhttps://club.example/renew")
            #expect(renewal.origin == .members)
            #expect(try await store.memberMessage(notificationId: renewal.id)?.subject.kind == .personal)
            #expect(try await store.notifications(NotificationFilter(serviceId: fixture.service.id)).contains { $0.channel == .sms && $0.recipient == "+447700900001" })
        }
    }

    @Test(arguments: TestDatabase.available)
    func aHappeningReachesListenersInItsScopeButNotTheOneWhoActed(database: TestDatabase) async throws {
        try await database.withMembersAPI { store, fixture, api in
            try await setUp(api, store, fixture)
            for (member, pattern, scope) in [("ada", "forums.post.comment.new", "post-1"), ("bob", "forums.post.*", nil), ("cy", "forums.post.comment.new", "post-2")] as [(String, String, String?)] {
                var listen: [String: Any] = ["event_type": pattern]
                listen["scope"] = scope
                #expect(try await api.post("/herald/v1/members/\(member)/listens", json: listen).status == .created)
            }
            let happening: [String: Any] = [
                "kind": "happening", "event_type": "forums.post.comment.new", "scope": "post-1", "exclude_member_ids": ["bob"],
                "title": "((author)) commented", "body": "((excerpt))", "link": "/forums/post/1", "context": ["author": "Bob", "excerpt": "Nice!"],
            ]
            let reply = try await notify(api, happening)
            #expect(reply.json["in_app"] as? Int == 1)
            let item = try #require(try await store.inboxItems(serviceId: fixture.service.id, memberId: "ada").first)
            #expect(item.title == "Bob commented" && item.body == "Nice!" && item.link == "/forums/post/1" && item.scope == "post-1")
            #expect(item.eventType?.name == "forums.post.comment.new")
            var unscoped = happening
            unscoped["exclude_member_ids"] = []
            unscoped["scope"] = "post-3"
            #expect(try await notify(api, unscoped).json["in_app"] as? Int == 1)  // only Bob's unscoped wildcard hears it
        }
    }

    @Test(arguments: TestDatabase.available)
    func badRequestsAreRefusedWithEveryProblem(database: TestDatabase) async throws {
        try await database.withMembersAPI(members: ["ada"]) { _, _, api in
            let cases: [([String: Any], String)] = [
                (["kind": "gossip", "title": "t", "body": "b"], "kind gossip is not one of"),
                (["kind": "happening", "title": "t", "body": "b"], "event_type is required by a happening"),
                (["kind": "personal", "title": "t", "body": "b"], "member_id is required by a personal notification"),
                (["kind": "named-specific", "member_ids": [], "title": "t", "body": "b"], "member_ids is required"),
                (["kind": "broadcast", "title": "t", "body": "b", "link": "https://elsewhere.example/"], "link must be a path"),
                (["kind": "broadcast", "title": "t", "body": "b", "channels": ["letter"]], "channels may hold email and sms"),
                (["kind": "broadcast", "body": "b"], "title is a required property"),
                (["kind": "personal", "member_id": "ada", "title": "((missing))", "body": "b"], "Missing personalisation: missing"),
            ]
            for (body, message) in cases {
                let reply = try await notify(api, body)
                #expect(reply.status == .badRequest, "\(body)")
                #expect(reply.firstError?.1.contains(message) == true, "\(String(describing: reply.firstError)) should say \(message)")
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func preferencesAndDigestsAreReadWrittenAndRemoved(database: TestDatabase) async throws {
        try await database.withMembersAPI(members: ["ada"]) { _, _, api in
            func put(_ path: String, _ preferences: [[String: Any]]) async throws -> APIClient.Reply {
                try await api.send(path, method: .put, body: try JSONSerialization.data(withJSONObject: ["preferences": preferences]))
            }
            let set = try await put("/herald/v1/members/ada/preferences", [
                ["topic": "event:forums.*", "channel": "email", "enabled": false], ["topic": "kind:broadcast", "channel": "sms", "enabled": true],
            ])
            #expect(set.status == .ok)
            #expect((set.json["preferences"] as? [[String: Any]])?.count == 2)
            let removed = try await put("/herald/v1/members/ada/preferences", [["topic": "event:forums.*", "channel": "email", "enabled": NSNull()]])
            #expect((removed.json["preferences"] as? [[String: Any]])?.map { $0["topic"] as? String } == ["kind:broadcast"])
            #expect(try await put("/herald/v1/preferences", [["topic": "category:news", "channel": "sms", "enabled": true]]).status == .ok)
            #expect((try await api.get("/herald/v1/preferences").json["preferences"] as? [[String: Any]])?.first?["topic"] as? String == "category:news")
            #expect(try await api.get("/herald/v1/members/nobody/preferences").status == .notFound)
            let bad = try await put("/herald/v1/members/ada/preferences", [["topic": "colour:red", "channel": "fax"]])
            #expect(bad.status == .badRequest)
            #expect(bad.firstError?.1.contains("colour:red is not a preference topic") == true)

            #expect(try await api.get("/herald/v1/members/ada/digest").json["frequency"] as? String == "off")
            let weekly = try await api.send("/herald/v1/members/ada/digest", method: .put, body: try JSONSerialization.data(withJSONObject: [
                "frequency": "weekly", "hour": 18, "weekday": "Friday",
            ]))
            #expect(weekly.json["frequency"] as? String == "weekly" && weekly.json["hour"] as? Int == 18 && weekly.json["weekday"] as? String == "friday")
            let off = try await api.send("/herald/v1/members/ada/digest", method: .put, body: try JSONSerialization.data(withJSONObject: ["frequency": "off"]))
            #expect(off.json["frequency"] as? String == "off")
            let wrong = try await api.send("/herald/v1/members/ada/digest", method: .put, body: try JSONSerialization.data(withJSONObject: ["frequency": "hourly", "hour": 25]))
            #expect(wrong.status == .badRequest)
        }
    }
}
