import Foundation
import HeraldCore
import HeraldDelivery
import HeraldServer
import HeraldStore
import HeraldTestSupport
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// One-click unsubscribe (RFC 8058): bulk mail carries `List-Unsubscribe` to Herald's endpoint, the endpoint
/// suppresses the address for bulk mail only, and a client's own `one_click_unsubscribe_url` is passed through.
@Suite struct UnsubscribeTests {
    static let publicURL = "https://herald.example.org/"

    /// Delivers everything queued through the `log` provider into `outbox`.
    private func deliver(_ store: HeraldStore, outbox: URL) async throws {
        var configuration = DeliveryWorkerConfiguration(idlePoll: .milliseconds(20))
        configuration.publicURL = Self.publicURL
        let worker = DeliveryWorker(store: store, provider: try LogProvider(directory: outbox.path), configuration: configuration, logger: TestDatabase.logger)
        try await DeliveryWorker.runUntilDrained([worker], store: store)
    }

    private func header(_ name: String, in file: URL) throws -> String? {
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "\r\n ", with: " ")
        return text.components(separatedBy: "\r\n").first { $0.hasPrefix(name + ": ") }.map { String($0.dropFirst(name.count + 2)) }
    }

    @Test(arguments: TestDatabase.available)
    func bulkMailCarriesALinkThatStopsBulkMailOnly(database: TestDatabase) async throws {
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let outbox = FileManager.default.temporaryDirectory.appendingPathComponent("herald-unsubscribe-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: outbox) }
            var newsletter = fixture.email(to: "Member@example.org")
            newsletter.origin = .job
            let receipt = fixture.email(to: "member@example.org")
            _ = try await store.enqueue([newsletter, receipt], priority: .bulk)
            try await deliver(store, outbox: outbox)

            let newsletterFile = outbox.appendingPathComponent("\(newsletter.id.storageString).eml")
            let list = try #require(try header("List-Unsubscribe", in: newsletterFile))
            #expect(list.hasPrefix("<mailto:noreply@example.org?subject=unsubscribe%20\(newsletter.id.storageString)>, <\(Self.publicURL)unsubscribe/"))
            #expect(try header("List-Unsubscribe-Post", in: newsletterFile) == "List-Unsubscribe=One-Click")
            #expect(try header("List-Unsubscribe", in: outbox.appendingPathComponent("\(receipt.id.storageString).eml")) == nil)
            let path = String(list.split(separator: "<").last!.dropLast()).replacingOccurrences(of: Self.publicURL, with: "/")

            var configuration = HeraldConfiguration(runsWorkers: false)
            configuration.publicURL = Self.publicURL
            let app = try buildApplication(store: store, configuration: configuration, logger: TestDatabase.logger)
            try await app.test(.router) { client in
                let page = try await client.execute(uri: path, method: .get)
                #expect(page.status == .ok)
                #expect(String(buffer: page.body).contains("<form method=\"post\">"))
                #expect(try await store.suppressions(serviceId: fixture.service.id).isEmpty)

                let oneClick = try await client.execute(
                    uri: path, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "List-Unsubscribe=One-Click")
                )
                #expect(oneClick.status == .ok)
                let forged = try await client.execute(uri: String(path.dropLast(2)) + "AA", method: .post)
                #expect(forged.status == .notFound)
            }
            let suppressions = try await store.suppressions(serviceId: fixture.service.id)
            #expect(suppressions.map(\.reason) == [.unsubscribe])
            #expect(suppressions.first?.address == "member@example.org")

            var nextNewsletter = fixture.email(to: "member@example.org")
            nextNewsletter.origin = .job
            let passwordReset = fixture.email(to: "member@example.org")
            _ = try await store.enqueue([nextNewsletter, passwordReset], priority: .immediate)
            try await deliver(store, outbox: outbox)
            let stopped = try #require(try await store.notification(id: nextNewsletter.id))
            #expect(stopped.status == .permanentFailure)
            #expect(stopped.statusReason?.contains("suppression list (unsubscribe") == true)
            #expect(try await store.notification(id: passwordReset.id)?.status == .delivered)

            // A later hard bounce is stronger than the unsubscribe: it replaces it.
            try await store.suppress(Suppression(serviceId: fixture.service.id, address: "member@example.org", reason: .bounce))
            #expect(try await store.suppressions(serviceId: fixture.service.id).map(\.reason) == [.bounce])
        }
    }

    @Test func aClientsOwnUnsubscribePageIsStoredShownAndSent() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let app = try buildApplication(store: store, configuration: HeraldConfiguration(runsWorkers: false), logger: TestDatabase.logger)
            let page = "https://club.example.org/unsubscribe?member=7"
            try await app.test(.router) { client in
                let api = APIClient(client: client, key: fixture.liveKey.keyString)
                let reply = try await api.post("/v2/notifications/email", json: [
                    "email_address": "a@example.org", "template_id": fixture.template.id.storageString,
                    "personalisation": ["name": "A", "code": "1"], "one_click_unsubscribe_url": page,
                ])
                #expect((reply.json["content"] as? [String: Any])?["one_click_unsubscribe_url"] as? String == page)
                let id = try #require(reply.json["id"] as? String)
                #expect(try await api.get("/v2/notifications/\(id)").json["one_click_unsubscribe_url"] as? String == page)
                let bad = try await api.post("/v2/notifications/email", json: [
                    "email_address": "a@example.org", "template_id": fixture.template.id.storageString,
                    "personalisation": ["name": "A", "code": "1"], "one_click_unsubscribe_url": "http://club.example.org/u",
                ])
                #expect(bad.firstError?.1 == "one_click_unsubscribe_url is not a valid https url")
            }
            let outbox = FileManager.default.temporaryDirectory.appendingPathComponent("herald-unsubscribe-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: outbox) }
            try await deliver(store, outbox: outbox)
            let file = try #require(try FileManager.default.contentsOfDirectory(at: outbox, includingPropertiesForKeys: nil).first)
            #expect(try header("List-Unsubscribe", in: file)?.hasSuffix("<\(page)>") == true)
        }
    }

    @Test func linksCannotBeForgedOrMovedToAnotherInstallation() {
        let secret = (0..<32).map { UInt8($0) }
        let links = UnsubscribeLinks(baseURL: "https://h.example", secret: secret)
        let id = UUID()
        let url = links.url(for: id)
        #expect(url.hasPrefix("https://h.example/unsubscribe/"))
        let token = String(url.split(separator: "/").last!)
        #expect(links.notificationId(fromToken: token) == id)
        #expect(UnsubscribeLinks(baseURL: "https://h.example", secret: secret.reversed()).notificationId(fromToken: token) == nil)
        var tampered = Array(token.utf8)
        tampered[3] = tampered[3] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        #expect(links.notificationId(fromToken: String(decoding: tampered, as: UTF8.self)) == nil)
        #expect(links.notificationId(fromToken: "short") == nil)
    }
}
