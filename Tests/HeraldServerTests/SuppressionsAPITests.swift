import Foundation
import HeraldCore
import HeraldServer
import HeraldStore
import HeraldTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// `/herald/v1/suppressions`: a service's suppression list over HTTP, with the service's own API key.
@Suite struct SuppressionsAPITests {
    @Test(arguments: TestDatabase.available)
    func listAddAndRemoveWithNotifysErrors(database: TestDatabase) async throws {
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let other = try await ServiceFixture.create(in: store)
            try await store.suppress(Suppression(serviceId: fixture.service.id, address: "bounced@example.org", reason: .bounce, source: "0100-abc"))
            try await store.suppress(Suppression(serviceId: other.service.id, address: "theirs@example.org", reason: .complaint))
            let app = Application(router: buildRouter(store: store))
            try await app.test(.router) { client in
                let api = APIClient(client: client, key: fixture.liveKey.keyString)
                let listed = try await api.get("/herald/v1/suppressions")
                #expect(listed.status == .ok)
                let entries = try #require(listed.json["suppressions"] as? [[String: Any]])
                #expect(entries.map { $0["email_address"] as? String } == ["bounced@example.org"])
                #expect(entries.first?["reason"] as? String == "bounce")
                #expect(entries.first?["source"] as? String == "0100-abc")

                let added = try await api.post("/herald/v1/suppressions", json: ["email_address": "Hand@Example.org"])
                #expect(added.status == .created)
                #expect(added.json["email_address"] as? String == "hand@example.org")
                #expect(try await api.post("/herald/v1/suppressions", json: ["email_address": "hand@example.org"]).status == .ok)
                let invalid = try await api.post("/herald/v1/suppressions", json: ["email_address": "not an address"])
                #expect(invalid.status == .badRequest)
                #expect(invalid.firstError?.0 == "ValidationError")

                #expect(try await api.send("/herald/v1/suppressions/hand%40example.org", method: .delete, body: nil).status == .noContent)
                let again = try await api.send("/herald/v1/suppressions/hand@example.org", method: .delete, body: nil)
                #expect(again.status == .notFound)
                #expect(again.firstError?.0 == "NoResultFound")
                #expect(try await api.send("/herald/v1/suppressions/theirs@example.org", method: .delete, body: nil).status == .notFound)

                let anonymous = try await api.send("/herald/v1/suppressions", method: .get, body: nil, authorization: "")
                #expect(anonymous.status == .unauthorized)
            }
            #expect(try await store.suppressions(serviceId: other.service.id).count == 1)
        }
    }
}
