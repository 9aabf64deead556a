import Foundation
import HeraldCore
import HeraldDelivery
import HeraldServer
import HeraldStore
import HeraldTestSupport
import HTTPTypes
import HummingbirdTesting
import Logging
import Testing

/// Sending through the API with the real workers running: the simulator's SES events take each notification to
/// its final status, on every engine.
@Suite struct EmailLifecycleTests {
    static let expectations: [(address: String, status: String)] = [
        ("success@simulator.amazonses.com", "delivered"),
        ("someone@example.org", "delivered"),
        ("bounce@simulator.amazonses.com", "permanent-failure"),
        ("suppressionlist@simulator.amazonses.com", "permanent-failure"),
        ("temp-fail@simulator.notify", "temporary-failure"),
        ("complaint@simulator.amazonses.com", "delivered"),
    ]

    @Test(arguments: TestDatabase.available)
    func simulatorOutcomesReachTheirFinalStatus(database: TestDatabase) async throws {
        try await database.withRunningHerald { store, fixture, api in
                    var ids: [(String, String)] = []
                    for (address, status) in Self.expectations {
                        let reply = try await api.post("/v2/notifications/email", json: [
                            "email_address": address, "template_id": fixture.template.id.storageString,
                            "personalisation": ["name": "Ada", "code": "42"], "reference": "ref-\(address)",
                        ])
                        #expect(reply.status == .created)
                        let content = try #require(reply.json["content"] as? [String: Any])
                        #expect(content["subject"] as? String == "Hello Ada")
                        #expect(content["body"] as? String == "Dear Ada, your code is 42.")
                        #expect(reply.json["reference"] as? String == "ref-\(address)")
                        ids.append((try #require(reply.json["id"] as? String), status))
                    }
                    for (id, expected) in ids {
                        #expect(try await api.waitForStatus(expected, of: id) == expected, "notification \(id)")
                    }
                    let one = try await api.get("/v2/notifications/\(ids[0].0)").json
                    #expect(one["sent_at"] is String)
                    #expect(one["completed_at"] is String)
                    #expect(one["type"] as? String == "email")
                    let timeline = try await store.timeline(notificationId: try #require(UUID(uuidString: ids[2].0))).map(\.event)
                    #expect(timeline.contains("accepted") && timeline.contains("bounced"))
        }
    }

    @Test func anIdempotencyKeyReturnsTheFirstNotification() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let app = try buildApplication(store: store, configuration: HeraldConfiguration(runsWorkers: false), logger: TestDatabase.logger)
            try await app.test(.router) { client in
                let api = APIClient(client: client, key: fixture.liveKey.keyString)
                let body: [String: Any] = [
                    "email_address": "a@example.org", "template_id": fixture.template.id.storageString, "personalisation": ["name": "A", "code": "1"],
                ]
                let first = try await api.post("/v2/notifications/email", json: body, headers: [HTTPField.Name("Idempotency-Key")!: "k-1"])
                let second = try await api.post("/v2/notifications/email", json: body, headers: [HTTPField.Name("Idempotency-Key")!: "k-1"])
                #expect(first.status == .created)
                #expect(second.status == .ok)
                #expect(first.json["id"] as? String == second.json["id"] as? String)
                #expect(try await store.backlog().deliveries == 1)
            }
        }
    }
}
