import Foundation
import HeraldCore
import HeraldDelivery
import HeraldServer
import HeraldStore
import HeraldTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ServiceLifecycle
import Testing

/// Callbacks over real HTTP to an app on loopback: each final status is reported once, with the service's bearer
/// token, a call the app refuses is retried, and a complaint is reported once with Notify's complaint fields.
@Suite struct CallbackTests {
    /// The service's app: records every call it accepts, by path; refuses the first `refusing` calls with a 500.
    actor Receiver {
        private(set) var accepted: [(path: String, authorization: String?, body: JSONValue)] = []
        private(set) var refused = 0
        let refusing: Int

        init(refusing: Int) {
            self.refusing = refusing
        }

        func receive(path: String, authorization: String?, body: JSONValue) -> HTTPResponse.Status {
            if refused < refusing {
                refused += 1
                return .internalServerError
            }
            accepted.append((path, authorization, body))
            return .ok
        }

        /// Waits until `count` calls were accepted (at most 30 s), then a little longer for any duplicate.
        func waitFor(_ count: Int) async throws {
            let started = ContinuousClock.now
            while accepted.count < count, ContinuousClock.now - started < .seconds(30) {
                try await Task.sleep(for: .milliseconds(50))
            }
            try await Task.sleep(for: .milliseconds(500))
        }
    }

    /// Runs Herald (workers and callback sender polling quickly) beside the app at `http://127.0.0.1:{port}/app/{kind}`.
    private func withCallbackApp(
        database: TestDatabase, refusing: Int,
        _ body: @escaping @Sendable (_ port: Int, _ receiver: Receiver, _ fixture: ServiceFixture, _ api: APIClient) async throws -> Void
    ) async throws {
        let receiver = Receiver(refusing: refusing)
        let router = Router()
        router.post("app/:kind") { request, context -> Response in
            var request = request
            let body = try await request.collectBody(upTo: 1 << 20)
            let json = (try? JSONValue(parsing: Data(body.readableBytesView))) ?? .null
            return Response(status: await receiver.receive(
                path: context.parameters.get("kind") ?? "", authorization: request.headers[.authorization], body: json
            ))
        }
        try await withLoopbackServer(router: router) { port in
            try await database.withStore { store in
                let fixture = try await ServiceFixture.create(in: store)
                var configuration = HeraldConfiguration(runsWorkers: false)
                configuration.worker.idlePoll = .milliseconds(20)
                configuration.callbacks = CallbackPolicy(baseDelay: 0.2, idlePoll: .milliseconds(20))
                try await withRunningHerald(store: store, configuration: configuration, fixture: fixture) { _, api in
                    try await body(port, receiver, fixture, api)
                }
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func finalStatusesAreCalledBackOnceWithTheToken(database: TestDatabase) async throws {
        try await withCallbackApp(database: database, refusing: 1) { port, receiver, fixture, api in
            let invalid = try await api.send("/herald/v1/callbacks/delivery-status", method: .put, body: try JSONSerialization.data(withJSONObject: [
                "url": "http://example.org/callbacks", "bearer_token": "short",
            ]))
            #expect(invalid.status == .badRequest)
            #expect(invalid.json["errors"].map { "\($0)" }?.contains("url is not a valid https url") == true)
            #expect(invalid.json["errors"].map { "\($0)" }?.contains("bearer_token must be at least 10 characters") == true)

            let set = try await api.send("/herald/v1/callbacks/delivery-status", method: .put, body: try JSONSerialization.data(withJSONObject: [
                "url": "http://127.0.0.1:\(port)/app/delivery-status", "bearer_token": "app-secret-123",
            ]))
            #expect(set.status == .ok)
            #expect(try await api.get("/herald/v1/callbacks/delivery-status").json["url"] as? String == "http://127.0.0.1:\(port)/app/delivery-status")

            var sent: [String: String] = [:]
            for (address, status) in [("success@simulator.amazonses.com", "delivered"), ("bounce@simulator.amazonses.com", "permanent-failure")] {
                let reply = try await api.post("/v2/notifications/email", json: [
                    "email_address": address, "template_id": fixture.template.id.storageString,
                    "personalisation": ["name": "A", "code": "1"], "reference": "ref-\(status)",
                ])
                sent[try #require(reply.json["id"] as? String)] = status
            }
            try await receiver.waitFor(2)
            let calls = await receiver.accepted
            #expect(calls.count == 2)
            #expect(await receiver.refused == 1)
            for call in calls {
                let id = try #require(call.body["id"]?.stringValue)
                #expect(call.authorization == "Bearer app-secret-123")
                #expect(call.body["status"]?.stringValue == sent[id])
                #expect(call.body["reference"]?.stringValue == "ref-\(sent[id] ?? "")")
                #expect(call.body["notification_type"]?.stringValue == "email")
                #expect(call.body["completed_at"]?.stringValue != nil && call.body["sent_at"]?.stringValue != nil)
            }
            #expect(Set(calls.compactMap { $0.body["id"]?.stringValue }) == Set(sent.keys))
        }
    }

    @Test(arguments: TestDatabase.available)
    func aComplaintIsCalledBackOnceWithNotifysFields(database: TestDatabase) async throws {
        try await withCallbackApp(database: database, refusing: 0) { port, receiver, fixture, api in
            #expect(try await api.get("/herald/v1/callbacks/inbound-letters").status == .notFound)
            for kind in ["delivery-status", "complaint"] {
                let set = try await api.send("/herald/v1/callbacks/\(kind)", method: .put, body: try JSONSerialization.data(withJSONObject: [
                    "url": "http://127.0.0.1:\(port)/app/\(kind)", "bearer_token": "app-secret-123",
                ]))
                #expect(set.status == .ok)
                #expect(set.json["callback_type"] as? String == kind.replacingOccurrences(of: "-", with: "_"))
            }
            let reply = try await api.post("/v2/notifications/email", json: [
                "email_address": "complaint@simulator.amazonses.com", "template_id": fixture.template.id.storageString,
                "personalisation": ["name": "A", "code": "1"], "reference": "ref-complaint",
            ])
            let id = try #require(reply.json["id"] as? String)
            try await receiver.waitFor(2)
            let calls = await receiver.accepted
            #expect(calls.map(\.path).sorted() == ["complaint", "delivery-status"])
            let complaint = try #require(calls.first { $0.path == "complaint" }?.body)
            #expect(complaint["notification_id"]?.stringValue == id)
            #expect(complaint["complaint_id"]?.stringValue.flatMap(UUID.init(uuidString:)) != nil)
            #expect(complaint["complaint_id"]?.stringValue != id)
            #expect(complaint["reference"]?.stringValue == "ref-complaint")
            #expect(complaint["to"]?.stringValue == "complaint@simulator.amazonses.com")
            #expect(complaint["complaint_date"]?.stringValue?.hasSuffix("Z") == true)
            #expect(calls.first { $0.path == "delivery-status" }?.body["status"]?.stringValue == "delivered")
        }
    }
}
