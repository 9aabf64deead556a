import AsyncHTTPClient
import Foundation
import HeraldAWS
import HeraldCore
@testable import HeraldDelivery
import HeraldStore
import HeraldTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// The SES provider: how SES's answers become outcomes, what reaches SES, and pacing under throttling.
@Suite struct SESEmailProviderTests {
    @Test(arguments: [
        (AWSError(statusCode: 400, code: "MessageRejected", message: "Email address is not verified."), "permanent"),
        (AWSError(statusCode: 400, code: "MailFromDomainNotVerifiedException", message: "not verified"), "technical"),
        (AWSError(statusCode: 400, code: "SendingPausedException", message: "paused"), "technical"),
        (AWSError(statusCode: 403, code: "AccessDeniedException", message: "no"), "technical"),
        (AWSError(statusCode: 429, code: "TooManyRequestsException", message: "slow down"), "transient"),
        (AWSError(statusCode: 400, code: "Throttling", message: "Maximum sending rate exceeded."), "transient"),
        (AWSError(statusCode: 400, code: "LimitExceededException", message: "Daily message quota exceeded."), "transient"),
        (AWSError(statusCode: 503, code: "ServiceUnavailable", message: "later"), "transient"),
        (AWSError(source: .timeout, statusCode: nil, code: "Timeout", message: "no answer"), "transient"),
    ])
    func sesAnswersBecomeOutcomesKeepingTheMessage(error: AWSError, expected: String) {
        let outcome = ProviderError(error, provider: "SES", permanentCodes: ["MessageRejected"])
        let kind = switch outcome {
        case .transient: "transient"
        case .permanent: "permanent"
        case .technical: "technical"
        }
        #expect(kind == expected)
        #expect(outcome.message.contains(error.message))
    }

    /// The SES provider on moto, with a new sender identity verified.
    private static func providerWithVerifiedSender() async throws -> (SESEmailProvider, sender: String) {
        let client = try Moto.client()
        let sender = "notify-\(UUID().uuidString.prefix(8))@example.com"
        _ = try await SESv2(client: client).createEmailIdentity(sender)
        return (SESEmailProvider(ses: SESv2(client: client), configurationSet: nil, logger: Logger(label: "test")), sender)
    }

    /// Sends `email` and returns moto's record of it and the raw message SES got.
    private static func sentRecord(of email: OutgoingEmail, through provider: SESEmailProvider) async throws -> ([String: Any], String) {
        let receipt = try await provider.send(email)
        let record = try #require(try await Moto.records("ses", "RawMessage").first { $0["id"] as? String == receipt.messageId })
        return (record, try #require(record["raw_data"] as? String))
    }

    @Test(.enabled(if: Moto.endpoint != nil, "HERALD_TEST_AWS_ENDPOINT is not set"))
    func sendsHeraldsMIMEMessageToSES() async throws {
        let (provider, sender) = try await Self.providerWithVerifiedSender()
        let email = OutgoingEmail(
            notificationId: UUID(), serviceId: UUID(), from: sender, to: "Zoe@bücher.example", subject: "Zoë's renewal", textBody: "Dear Zoë,\nsee you."
        )
        let (record, raw) = try await Self.sentRecord(of: email, through: provider)
        #expect(raw.contains("X-Herald-Notification-Id: \(email.notificationId.storageString)\r\n"))
        #expect(raw.contains("Subject: =?UTF-8?"))
        #expect(raw.contains("Message-ID: <\(email.notificationId.storageString)@herald.local>\r\n"))
        #expect(raw.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(raw.contains("To: Zoe@xn--bcher-kva.example\r\n"))
        let destinations = record["destinations"] as? [String] ?? []
        #expect(!destinations.isEmpty && destinations.allSatisfy { $0 == "Zoe@xn--bcher-kva.example" }, "the envelope too is Punycode: \(destinations)")
    }

    @Test(.enabled(if: Moto.endpoint != nil, "HERALD_TEST_AWS_ENDPOINT is not set"))
    func blindCopiesGoAsBccAddressesAndNoToHeader() async throws {
        let (provider, sender) = try await Self.providerWithVerifiedSender()
        let email = OutgoingEmail(
            notificationId: UUID(), serviceId: UUID(), from: sender, to: "ada@example.org", bcc: ["bo@example.org", "cy@bücher.example"],
            subject: "AGM", textBody: "The AGM is on Friday."
        )
        let (record, raw) = try await Self.sentRecord(of: email, through: provider)
        #expect(!raw.contains("\r\nTo:") && !raw.contains("\r\nBcc:"))
        #expect(Set(record["destinations"] as? [String] ?? []) == ["ada@example.org", "bo@example.org", "cy@xn--bcher-kva.example"])
    }

    @Test(.enabled(if: Moto.endpoint != nil, "HERALD_TEST_AWS_ENDPOINT is not set"))
    func anUnverifiedSenderFailsPermanentlyWithSESsWords() async throws {
        let provider = SESEmailProvider(ses: SESv2(client: try Moto.client()), configurationSet: nil, logger: Logger(label: "test"))
        let email = OutgoingEmail(notificationId: UUID(), serviceId: UUID(), from: "x@unverified.test", to: "a@example.net", subject: "s", textBody: "b")
        let error = await #expect(throws: ProviderError.self) { try await provider.send(email) }
        guard case .permanent(let reason) = error else {
            Issue.record("expected a permanent failure, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("MessageRejected"))
    }

    /// A fake SES endpoint on loopback that throttles every fifth request and counts what it accepted.
    actor FakeSES {
        private(set) var accepted: [String: Int] = [:]
        private(set) var requestTimes: [Date] = []

        func answer(_ body: Data) -> (throttled: Bool, messageId: String) {
            requestTimes.append(Date())
            if requestTimes.count % 5 == 0 { return (true, "") }
            let json = try? JSONValue(parsing: body)
            let id = json?["EmailTags"]?.arrayValue?.first { $0["Name"]?.stringValue == SESTags.notificationId }?["Value"]?.stringValue ?? "?"
            accepted[id, default: 0] += 1
            return (false, "0100-\(id)")
        }
    }

    @Test(arguments: TestDatabase.available)
    func throttledWorkersDeliverEachNotificationOnceAndNeverExceedTheRate(database: TestDatabase) async throws {
        let fake = FakeSES()
        let router = Router()
        router.post("/v2/email/outbound-emails") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 20)
            let answer = await fake.answer(Data(body.readableBytesView))
            if answer.throttled {
                return Response(status: .tooManyRequests, headers: [.contentType: "application/json", HTTPField.Name("X-Amzn-Errortype")!: "TooManyRequestsException"],
                                body: .init(byteBuffer: ByteBuffer(string: #"{"message":"Maximum sending rate exceeded."}"#)))
            }
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(string: #"{"MessageId":"\#(answer.messageId)"}"#)))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let endpoint = try #require(URL(string: "http://127.0.0.1:\(port)"))
            let aws = AWSConfiguration(
                credentials: AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "test-secret"), region: "eu-west-2",
                endpointOverrides: [.sesv2: endpoint]
            )
            let logger = Logger(label: "test")
            let provider = SESEmailProvider(ses: SESv2(client: AWSClient(configuration: aws, httpClient: .shared, logger: logger)), configurationSet: "herald", logger: logger)
            try await database.withStore { store in
                let fixture = try await ServiceFixture.create(in: store)
                let notifications = (0..<80).map { fixture.email(to: "member\($0)@example.org") }
                _ = try await store.enqueue(notifications, priority: .bulk)
                let rate = 40.0
                let configuration = DeliveryWorkerConfiguration(
                    batchSize: 50, loops: 2, idlePoll: .milliseconds(20), retry: RetryPolicy(maxAttempts: 20, baseDelay: 0.05, maxDelay: 0.2),
                    maxSendRate: rate
                )
                let workers = (0..<3).map { _ in DeliveryWorker(store: store, provider: provider, configuration: configuration, logger: logger) }
                try await DeliveryWorker.runUntilDrained(workers, store: store)
                let accepted = await fake.accepted
                #expect(accepted.count == notifications.count)
                #expect(Set(accepted.keys) == Set(notifications.map(\.id.storageString)))
                #expect(accepted.values.allSatisfy { $0 == 1 }, "sent more than once: \(accepted.filter { $0.value > 1 })")
                let times = await fake.requestTimes
                #expect(times.count >= notifications.count + notifications.count / 5)  // the throttled ones were retried
                // Workers start sends on schedule at 95% of the rate (PacedDeliveryTests checks that exactly); here the
                // times are taken when the endpoint, in this same busy process, gets round to each request, so a
                // sliding second may show some scheduling jitter on top. The whole run stays under the rate.
                for (index, time) in times.enumerated() {
                    let inWindow = times[index...].prefix { $0.timeIntervalSince(time) < 1 }.count
                    #expect(Double(inWindow) <= rate * 1.1, "\(inWindow) requests within 1 s")
                }
                let span = try #require(times.last).timeIntervalSince(try #require(times.first))
                #expect(Double(times.count - 1) / span <= rate)
                for notification in notifications {
                    let stored = try #require(try await store.notification(id: notification.id))
                    #expect(stored.status == .sending && stored.provider == "ses" && stored.providerMessageId == "0100-\(notification.id.storageString)")
                }
            }
        }
    }
}
