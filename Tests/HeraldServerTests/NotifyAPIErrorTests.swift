import Foundation
import HeraldCore
import HeraldServer
import HeraldStore
import HeraldTestSupport
import HTTPTypes
import HummingbirdTesting
import Testing

/// Every bad input to the first API slice gets GOV.UK Notify's status code, error class and message.
@Suite struct NotifyAPIErrorTests {
    func withAPI(_ body: @escaping @Sendable (APIClient, ServiceFixture, HeraldStore) async throws -> Void) async throws {
        try await TestDatabase.sqlite.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let app = try buildApplication(store: store, configuration: HeraldConfiguration(runsWorkers: false), logger: TestDatabase.logger)
            try await app.test(.router) { client in
                try await body(APIClient(client: client, key: fixture.liveKey.keyString), fixture, store)
            }
        }
    }

    static let authCases: [(authorization: String?, status: Int, message: String)] = [
        (nil, 401, "Unauthorized: authentication token must be provided"),
        ("Basic abc", 401, "Unauthorized: authentication bearer scheme must be used"),
        ("Bearer not-a-jwt", 403, "Invalid token: make sure your API token matches the example at https://docs.notifications.service.gov.uk/rest-api.html#authorisation-header"),
    ]

    @Test func malformedAuthorizationIsRefusedAsNotifyDoes() async throws {
        try await withAPI { api, _, _ in
            for (authorization, status, message) in Self.authCases {
                let reply = try await api.send("/v2/notifications", method: .get, body: nil, authorization: authorization ?? "")
                #expect(Int(reply.status.code) == status)
                #expect(reply.firstError?.0 == "AuthError")
                #expect(reply.firstError?.1 == message)
                #expect(reply.json["status_code"] as? Int == status)
            }
        }
    }

    @Test func tokensSignedWrongOrLateOrForUnknownServicesAreRefused() async throws {
        try await withAPI { api, fixture, store in
            let service = fixture.service.id.storageString
            let wrongSecret = "live-\(service)-\(UUID().uuidString.lowercased())"
            let cases: [(key: String, date: Date, message: String)] = [
                (wrongSecret, Date(), "Invalid token: API key not found"),
                (fixture.liveKey.keyString, Date().addingTimeInterval(-45), "Error: Your system clock must be accurate to within 30 seconds"),
                ("live-\(UUID().uuidString.lowercased())-\(UUID().uuidString.lowercased())", Date(), "Invalid token: service not found"),
            ]
            for (key, date, message) in cases {
                let reply = try await api.send("/v2/notifications", method: .get, body: nil, authorization: ClientToken.bearer(forKey: key, at: date))
                #expect(reply.status == .forbidden)
                #expect(reply.firstError?.1 == message)
            }
            var revoked = APIKey(serviceId: fixture.service.id, name: "old", type: .normal, revokedAt: Date())
            revoked.secret = UUID().uuidString.lowercased()
            try await store.createAPIKey(revoked)
            try await Task.sleep(for: .seconds(5.1))  // the key cache's lifetime
            let reply = try await api.send("/v2/notifications", method: .get, body: nil, authorization: ClientToken.bearer(forKey: revoked.keyString))
            #expect(reply.firstError?.1 == "Invalid token: API key revoked")
        }
    }

    @Test func badRequestsGetNotifyErrors() async throws {
        try await withAPI { api, fixture, _ in
            let template = fixture.template.id.storageString
            let full: [String: Any] = ["name": "Ada", "code": "42"]
            let cases: [(body: Any, error: String, message: String)] = [
                (["template_id": template, "personalisation": full], "ValidationError", "email_address is a required property"),
                (["email_address": "not-an-address", "template_id": template], "ValidationError", "email_address Not a valid email address"),
                (["email_address": "a@example.org", "template_id": "nope"], "ValidationError", "template_id is not a valid UUID"),
                (["email_address": "a@example.org", "template_id": template, "colour": "red"], "ValidationError", "Additional properties are not allowed (colour was unexpected)"),
                (["email_address": "a@example.org", "template_id": template, "personalisation": "x"], "ValidationError", "personalisation x is not of type object"),
                (["email_address": "a@example.org", "template_id": UUID().uuidString], "BadRequestError", "Template not found"),
                (["email_address": "a@example.org", "template_id": template, "personalisation": ["name": "Ada"]], "BadRequestError", "Missing personalisation: code"),
                (["email_address": "a@example.org", "template_id": template], "BadRequestError", "Missing personalisation: name, code"),
                (["email_address": "a@example.org", "template_id": template, "personalisation": ["name": "Ada", "code": NSNull()]], "BadRequestError", "Missing personalisation: code"),
            ]
            for (body, error, message) in cases {
                let reply = try await api.post("/v2/notifications/email", json: body)
                #expect(reply.status == .badRequest, "\(message)")
                #expect(reply.firstError?.0 == error)
                #expect(reply.firstError?.1 == message)
            }
            let invalidJSON = try await api.send("/v2/notifications/email", method: .post, body: Data("{not json".utf8))
            #expect(invalidJSON.status == .badRequest)
            #expect(invalidJSON.firstError?.1 == "Invalid JSON supplied in POST data")
        }
    }

    @Test func oversizeBodiesAreRefused() async throws {
        try await withAPI { api, fixture, store in
            let huge = String(repeating: "x", count: 2_000_100)
            let reply = try await api.post(
                "/v2/notifications/email",
                json: ["email_address": "a@example.org", "template_id": fixture.template.id.storageString, "personalisation": ["name": huge, "code": "1"]]
            )
            #expect(reply.status == .badRequest)
            #expect(reply.firstError?.1.hasPrefix("Your message is too long. Emails cannot be longer than 2000000 bytes.") == true)
            let tooLargeToRead = Data(repeating: UInt8(ascii: " "), count: 5 * 1024 * 1024)
            let refused = try await api.send("/v2/notifications/email", method: .post, body: tooLargeToRead)
            #expect(refused.status == .contentTooLarge)
            #expect(refused.json["status_code"] as? Int == 413)
            #expect(try await store.backlog().deliveries == 0)
        }
    }

    @Test func readingUnknownOrMalformedIdsFails() async throws {
        try await withAPI { api, _, _ in
            let missing = try await api.get("/v2/notifications/\(UUID().uuidString)")
            #expect(missing.status == .notFound)
            #expect(missing.firstError?.0 == "NoResultFound")
            #expect(missing.firstError?.1 == "No result found")
            let malformed = try await api.get("/v2/notifications/abc")
            #expect(malformed.status == .badRequest)
            #expect(malformed.firstError?.1 == "notification_id is not a valid UUID")
            let badFilter = try await api.get("/v2/notifications?status=elephant&colour=red")
            #expect(badFilter.status == .badRequest)
            #expect((badFilter.json["errors"] as? [Any])?.count == 2)
            let badOlderThan = try await api.get("/v2/notifications?older_than=zzz")
            #expect(badOlderThan.firstError?.1 == "older_than is not a valid UUID")
        }
    }
}
