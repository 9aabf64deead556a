import Foundation
import HeraldCore
import HeraldDelivery
import HeraldServer
import HeraldSNS
import HeraldStore
import HeraldTestSupport
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// `POST /aws/sns` through the real router: every message of the signing kit behaves as its manifest says.
@Suite struct SNSWebhookTests {
    static func configuration(fetcher: MemorySNSFetcher) -> HeraldConfiguration {
        var configuration = HeraldConfiguration(runsWorkers: false)
        configuration.sns = SNSWebhookConfiguration(topicARNs: [SNSSigningKit.topicArn], fetcher: fetcher)
        return configuration
    }

    static func post(_ body: [UInt8], to client: any TestClientProtocol) async throws -> HTTPResponse.Status {
        try await client.execute(
            uri: "/aws/sns", method: .post, headers: [.contentType: "text/plain; charset=UTF-8"], body: ByteBuffer(bytes: body)
        ) { $0.status }
    }

    static func inbox(_ store: HeraldStore) async throws -> [StoredFeedback] {
        try await store.write { try await $0.claimFeedback(limit: 100, now: Date()) }
    }

    @Test(arguments: SNSSigningKit.cases)
    func kitMessageBehavesAsManifestSays(_ kitCase: SNSSigningKit.Case) async throws {
        let body = try kitCase.body
        let message = try SNSMessage(json: body)
        let subscribeURL = message.subscribeURL.flatMap(URL.init(string:))
        var documents = [SNSSigningKit.certificateURL: try SNSSigningKit.file(kitCase.certificate)]
        if let subscribeURL { documents[subscribeURL] = Array("<ConfirmSubscriptionResponse/>".utf8) }
        let fetcher = MemorySNSFetcher(documents)
        try await TestDatabase.sqlite.withStore { store in
            let app = try buildApplication(store: store, configuration: Self.configuration(fetcher: fetcher), logger: TestDatabase.logger)
            try await app.test(.router) { client in
                let status = try await Self.post(body, to: client)
                let inbox = try await Self.inbox(store)
                let requests = await fetcher.requests
                switch kitCase.expect {
                case .valid:
                    #expect(status == .ok)
                    switch message.kind {
                    case .notification:
                        #expect(inbox.map(\.document.source) == ["sns-webhook"])
                        #expect(inbox.first?.document.body == String(decoding: body, as: UTF8.self))
                    case .subscriptionConfirmation:
                        #expect(inbox.isEmpty)
                        #expect(requests == [SNSSigningKit.certificateURL, subscribeURL])
                    case .unsubscribeConfirmation:
                        #expect(inbox.isEmpty)
                        #expect(requests == [SNSSigningKit.certificateURL])
                    }
                    if message.kind != .notification {
                        #expect(try await Self.post(body, to: client) == .ok)  // SNS redelivers
                        let changes = try await store.snsSubscriptionChanges()
                        #expect(changes.map(\.messageId) == [message.messageId])
                        #expect(changes.first?.kind == message.kind.rawValue)
                        #expect(changes.first?.topicArn == message.topicArn)
                    }
                case .invalidSignature:
                    #expect(status == .forbidden)
                    #expect(inbox.isEmpty)
                    #expect(requests == [SNSSigningKit.certificateURL], "nothing but the certificate is fetched")
                case .rejectedURL:
                    #expect(status == .forbidden)
                    #expect(inbox.isEmpty)
                    #expect(requests.isEmpty)
                }
            }
        }
    }

    @Test func unsignedMalformedAndWrongTopicMessagesAreBadRequests() async throws {
        let fetcher = MemorySNSFetcher([SNSSigningKit.certificateURL: try SNSSigningKit.certificatePEM])
        try await TestDatabase.sqlite.withStore { store in
            let app = try buildApplication(store: store, configuration: Self.configuration(fetcher: fetcher), logger: TestDatabase.logger)
            try await app.test(.router) { client in
                let raw = #"{"eventType":"Bounce","mail":{"messageId":"x"}}"#
                #expect(try await Self.post(Array(raw.utf8), to: client) == .badRequest)
                #expect(try await Self.post(Array("not json".utf8), to: client) == .badRequest)
                let otherTopic = try SNSSigningKit.notification("{}", topicArn: "arn:aws:sns:us-east-1:123456789012:other-topic")
                #expect(try await Self.post(otherTopic, to: client) == .badRequest)
                #expect(try await Self.inbox(store).isEmpty)
            }
        }
    }

    @Test func aConfirmationFromAnUnconfiguredTopicIsNotConfirmed() async throws {
        let fetcher = MemorySNSFetcher([SNSSigningKit.certificateURL: try SNSSigningKit.certificatePEM])
        var settings = Self.configuration(fetcher: fetcher)
        settings.sns.topicARNs = ["arn:aws:sns:us-east-1:123456789012:other-topic"]
        let configuration = settings
        try await TestDatabase.sqlite.withStore { store in
            let app = try buildApplication(store: store, configuration: configuration, logger: TestDatabase.logger)
            try await app.test(.router) { client in
                let body = try SNSSigningKit.file("messages/v2/subscription-confirmation.json")
                #expect(try await Self.post(body, to: client) == .badRequest)
                #expect(await fetcher.requests == [SNSSigningKit.certificateURL])
            }
        }
    }

    @Test func anUnreachableCertificateIsABadGatewaySoSNSRetries() async throws {
        let fetcher = MemorySNSFetcher()
        try await TestDatabase.sqlite.withStore { store in
            let app = try buildApplication(store: store, configuration: Self.configuration(fetcher: fetcher), logger: TestDatabase.logger)
            try await app.test(.router) { client in
                let body = try SNSSigningKit.file("messages/v2/notification.json")
                #expect(try await Self.post(body, to: client) == .badGateway)
            }
        }
    }

    /// The whole path: an email is delivered by the simulator, then SES reports a hard bounce through SNS; the
    /// feedback processor applies it from the inbox.
    @Test(arguments: TestDatabase.available)
    func aBounceThroughTheWebhookFailsTheNotification(database: TestDatabase) async throws {
        let fetcher = MemorySNSFetcher([SNSSigningKit.certificateURL: try SNSSigningKit.certificatePEM])
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            var configuration = Self.configuration(fetcher: fetcher)
            configuration.worker.idlePoll = .milliseconds(20)
            try await withRunningHerald(store: store, configuration: configuration, fixture: fixture) { client, api in
                    let sent = try await api.post("/v2/notifications/email", json: [
                        "email_address": "success@simulator.amazonses.com", "template_id": fixture.template.id.storageString,
                        "personalisation": ["name": "Ada", "code": "42"],
                    ])
                    let id = try #require(sent.json["id"] as? String)
                    #expect(try await api.waitForStatus("delivered", of: id) == "delivered")
                    let bounce = try Self.sesBounce(notificationId: id, recipient: "success@simulator.amazonses.com")
                    #expect(try await Self.post(try SNSSigningKit.notification(bounce), to: client) == .ok)
                    #expect(try await api.waitForStatus("permanent-failure", of: id) == "permanent-failure")
            }
        }
    }

    /// The kit's SES Bounce event, addressed to one of Herald's notifications by its SES tag.
    static func sesBounce(notificationId: String, recipient: String) throws -> String {
        let kitMessage = try SNSMessage(json: try SNSSigningKit.file("messages/v2/notification.json")).message
        var event = try #require(JSONSerialization.jsonObject(with: Data(kitMessage.utf8)) as? [String: Any])
        var mail = try #require(event["mail"] as? [String: Any])
        mail["messageId"] = "ses-\(notificationId)"
        mail["destination"] = [recipient]
        mail["tags"] = [SESTags.notificationId: [notificationId]]
        event["mail"] = mail
        var bounce = try #require(event["bounce"] as? [String: Any])
        bounce["bouncedRecipients"] = [["emailAddress": recipient, "action": "failed", "status": "5.1.1", "diagnosticCode": "smtp; 550 5.1.1 unknown"]]
        event["bounce"] = bounce
        return String(decoding: try JSONSerialization.data(withJSONObject: event), as: UTF8.self)
    }
}
