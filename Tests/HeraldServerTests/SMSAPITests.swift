import Foundation
import HeraldCore
import HeraldDelivery
import HeraldServer
import HeraldStore
import HeraldTestSupport
import HTTPTypes
import HummingbirdTesting
import Testing

/// `POST /v2/notifications/sms` with Notify's shapes and errors, delivered by the SMS simulator.
@Suite struct SMSAPITests {
    private func smsTemplate(_ fixture: ServiceFixture, in store: HeraldStore, body: String = "Dear ((name)), your code is ((code)).") async throws -> Template {
        let template = Template(serviceId: fixture.service.id, channel: .sms, name: "Code", subject: nil, body: body)
        try await store.createTemplate(template)
        return template
    }

    @Test(arguments: TestDatabase.available)
    func aTextMessageIsAcceptedRenderedAndDelivered(database: TestDatabase) async throws {
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let template = try await smsTemplate(fixture, in: store)
            var configuration = HeraldConfiguration(runsWorkers: false)
            configuration.worker.idlePoll = .milliseconds(20)
            try await withRunningHerald(store: store, configuration: configuration, fixture: fixture) { _, api in
                let reply = try await api.post("/v2/notifications/sms", json: [
                    "phone_number": "07700 900123", "template_id": template.id.storageString,
                    "personalisation": ["name": "Zoë", "code": "4 2"], "reference": "r1",
                ])
                #expect(reply.status == .created)
                let content = try #require(reply.json["content"] as? [String: Any])
                #expect(content["body"] as? String == "Dear Zoë, your code is 4 2.")
                #expect(content["from_number"] as? String == "Herald")
                #expect(reply.json["reference"] as? String == "r1")
                let id = try #require(reply.json["id"] as? String)
                #expect(try await api.waitForStatus("delivered", of: id) == "delivered")
                let stored = try await api.get("/v2/notifications/\(id)").json
                #expect(stored["type"] as? String == "sms")
                #expect(stored["phone_number"] as? String == "+447700900123")
                #expect(stored["email_address"] is NSNull)
                #expect(stored["subject"] is NSNull)
                #expect((stored["cost_details"] as? [String: Any])?["billable_sms_fragments"] as? Int == 1)
            }
        }
    }

    @Test func badRequestsGetNotifysErrors() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let template = try await smsTemplate(fixture, in: store, body: "((text))")
            let app = try buildApplication(store: store, configuration: HeraldConfiguration(runsWorkers: false), logger: TestDatabase.logger)
            try await app.test(.router) { client in
                let api = APIClient(client: client, key: fixture.liveKey.keyString)
                let sms = template.id.storageString, email = fixture.template.id.storageString
                let cases: [([String: Any], String, String)] = [
                    (["phone_number": "020 7946 0991", "template_id": sms], "ValidationError", "phone_number Not a UK mobile number"),
                    (["phone_number": "07700 9OO123", "template_id": sms], "ValidationError", "phone_number Must not contain letters or symbols"),
                    (["phone_number": 7_700_900_123, "template_id": sms], "ValidationError", "phone_number 7700900123 is not of type string"),
                    (["template_id": sms], "ValidationError", "phone_number is a required property"),
                    (["phone_number": "07700900123", "email_address": "a@example.org", "template_id": sms], "ValidationError",
                     "Additional properties are not allowed (email_address was unexpected)"),
                    (["phone_number": "07700900123", "template_id": email, "personalisation": ["name": "A", "code": "1"]], "BadRequestError",
                     "email template is not suitable for sms notification"),
                    (["phone_number": "07700900123", "template_id": sms, "personalisation": ["text": String(repeating: "a", count: 919)]],
                     "BadRequestError", "Your message is too long. Text messages cannot be longer than 918 characters. Your message is 919 characters long."),
                    (["phone_number": "07700900123", "template_id": sms, "personalisation": ["text": " \u{200B} "]], "BadRequestError", "Your message is empty."),
                ]
                for (body, error, message) in cases {
                    let reply = try await api.post("/v2/notifications/sms", json: body)
                    #expect(reply.status == .badRequest, "\(body)")
                    #expect(reply.firstError?.0 == error)
                    #expect(reply.firstError?.1 == message)
                }
                let wrongWay = try await api.post("/v2/notifications/email", json: ["email_address": "a@example.org", "template_id": sms])
                #expect(wrongWay.firstError?.1 == "sms template is not suitable for email notification")
                #expect(try await store.backlog().deliveries == 0)
            }
        }
    }

    @Test func notifysSimulatedNumbersAreAnsweredButNeitherStoredNorSent() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let template = try await smsTemplate(fixture, in: store, body: "Hi")
            let app = try buildApplication(store: store, configuration: HeraldConfiguration(runsWorkers: false), logger: TestDatabase.logger)
            try await app.test(.router) { client in
                let api = APIClient(client: client, key: fixture.liveKey.keyString)
                for number in ["07700900000", "07700 900111", "+447700900222"] {
                    let reply = try await api.post("/v2/notifications/sms", json: ["phone_number": number, "template_id": template.id.storageString])
                    #expect(reply.status == .created)
                    let id = try #require(reply.json["id"] as? String)
                    #expect(try await api.get("/v2/notifications/\(id)").status == .notFound)
                }
                #expect(try await store.backlog().deliveries == 0)
            }
        }
    }
}
