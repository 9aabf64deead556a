import Foundation
import HeraldCore
import HeraldServer
import HeraldStore
import HeraldTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// `/herald/v1/members`: a service's members over HTTP, with the service's own API key.
@Suite struct MembersAPITests {
    private func put(_ api: APIClient, _ members: [[String: Any]]) async throws -> APIClient.Reply {
        try await api.send("/herald/v1/members", method: .put, body: try JSONSerialization.data(withJSONObject: ["members": members]))
    }

    @Test(arguments: TestDatabase.available)
    func upsertShowListAndDeactivate(database: TestDatabase) async throws {
        try await database.withMembersAPI { store, fixture, api in
            let other = try await ServiceFixture.create(in: store)
            let created = try await put(api, [
                ["member_id": "m/1", "name": "Ada", "email_address": " ada@example.org ", "phone_number": "07700 900001", "time_zone": "Europe/London"],
                ["member_id": "m2"], ["member_id": "m3", "active": false],
            ])
            #expect(created.status == .ok)
            #expect(created.json["created"] as? Int == 3)
            #expect(created.json["updated"] as? Int == 0)
            let updated = try await put(api, [["member_id": "m2", "name": "Bo"], ["member_id": "m4"]])
            #expect(updated.json["created"] as? Int == 1)
            #expect(updated.json["updated"] as? Int == 1)

            let ada = try await api.get("/herald/v1/members/m%2F1")
            #expect(ada.status == .ok)
            #expect(ada.json["member_id"] as? String == "m/1")
            #expect(ada.json["email_address"] as? String == "ada@example.org")
            #expect(ada.json["phone_number"] as? String == "+447700900001")
            #expect(ada.json["time_zone"] as? String == "Europe/London")
            #expect(ada.json["active"] as? Bool == true)
            #expect(try await api.get("/herald/v1/members/m2").json["name"] as? String == "Bo")
            let missing = try await api.get("/herald/v1/members/nobody")
            #expect(missing.status == .notFound)
            #expect(missing.firstError?.0 == "NoResultFound")
            let theirs = APIClient(client: api.client, key: other.liveKey.keyString)
            #expect(try await theirs.get("/herald/v1/members/m2").status == .notFound)  // per service

            let first = try await api.get("/herald/v1/members?page_size=3")
            let firstIds = (first.json["members"] as? [[String: Any]])?.compactMap { $0["member_id"] as? String }
            #expect(firstIds == ["m/1", "m2", "m3"])
            let next = try #require((first.json["links"] as? [String: Any])?["next"] as? String)
            #expect(next.hasSuffix("herald/v1/members?after=m3&page_size=3"))
            let second = try await api.get("/herald/v1/members?after=m3&page_size=3")
            #expect((second.json["members"] as? [[String: Any]])?.compactMap { $0["member_id"] as? String } == ["m4"])
            #expect((second.json["links"] as? [String: Any])?["next"] == nil)
            #expect(try await api.get("/herald/v1/members?page_size=0").status == .badRequest)
            #expect(try await api.get("/herald/v1/members?colour=red").status == .badRequest)

            #expect(try await api.send("/herald/v1/members/m2", method: .delete, body: nil).status == .noContent)
            #expect(try await api.get("/herald/v1/members/m2").json["active"] as? Bool == false)
            #expect(try await api.send("/herald/v1/members/nobody", method: .delete, body: nil).status == .notFound)

            let anonymous = try await api.send("/herald/v1/members", method: .get, body: nil, authorization: "")
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test(arguments: TestDatabase.available)
    func invalidMembersAreRefusedWithEveryReasonAndNothingIsStored(database: TestDatabase) async throws {
        try await database.withMembersAPI { store, fixture, api in
            let reply = try await put(api, [
                ["member_id": "ok", "email_address": "fine@example.org"],
                ["name": "No id"],
                ["member_id": "m2", "email_address": "not an address", "phone_number": "0117 496 0860"],
                ["member_id": "m3", "time_zone": "Europe/Nowhere", "active": "yes", "email": "typo@example.org"],
                ["member_id": 42],
            ])
            #expect(reply.status == .badRequest)
            let messages = (reply.json["errors"] as? [[String: Any]])?.compactMap { $0["message"] as? String } ?? []
            #expect(messages == [
                "members[1].member_id is a required property",
                "members[2].email_address Not a valid email address",
                "members[2].phone_number Not a UK mobile number",
                "members[3] Additional properties are not allowed (email was unexpected)",
                "members[3].time_zone Europe/Nowhere is not a known time zone (an IANA name such as Europe/London)",
                "members[3].active yes is not of type boolean",
                "members[4].member_id 42 is not of type string",
            ])
            #expect((reply.json["errors"] as? [[String: Any]])?.allSatisfy { $0["error"] as? String == "ValidationError" } == true)
            #expect(try await store.member(serviceId: fixture.service.id, id: "ok") == nil)

            let noList = try await api.send("/herald/v1/members", method: .put, body: Data(#"{"member": []}"#.utf8))
            #expect(noList.firstError?.1 == "members is a required property")
            let tooMany = try await put(api, (0...50_000).map { ["member_id": "m\($0)"] })
            #expect(tooMany.status == .badRequest)
            #expect(tooMany.firstError?.1 == "members has 50001 items: at most 50000 may be sent in one call")
        }
    }
}
