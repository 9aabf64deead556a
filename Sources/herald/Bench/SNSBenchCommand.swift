import ArgumentParser
import Crypto
import _CryptoExtras
import Foundation
import HeraldServer
import HeraldSNS
import HeraldStore
import Hummingbird
import Logging
import NIOHTTP1
import ServiceLifecycle
import SwiftASN1
import X509

/// `herald bench-sns`: SES events ingested through `POST /aws/sns`, with signature verification on, against the
/// same requests with verification off (measured in the same run).
struct SNSBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-sns",
        abstract: "Measure SES events/s ingested through the SNS webhook, verification on vs. off.",
        discussion: """
            Build in release mode first. Signs --distinct SNS notifications (SES Bounce events) with a fresh RSA-2048 \
            key whose certificate is served from memory (fetched once, then cached, as in production), and posts them \
            round-robin to a server on 127.0.0.1 with wrk (when installed) or the built-in client. Every 200 means the \
            event is committed to the feedback inbox.
            """
    )

    @Option(help: "An EMPTY database: a new SQLite path (default: a temporary file) or a postgres:// URL.") var database: String?
    @Option(help: "Distinct signed messages, posted round-robin.") var distinct = 2_000
    @Option(help: "Requests per phase with the built-in client.") var count = 30_000
    @Option(help: "Seconds per phase with wrk.") var seconds = 10
    @Option(help: "Concurrent connections.") var clients = 64
    @Option(help: "Port (loopback).") var port = 18_081
    @Flag(help: "Use the built-in client even when wrk is installed.") var builtinClient = false

    static let topicArn = "arn:aws:sns:us-east-1:123456789012:ses-events"
    static let certificateURL = URL(string: "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-bench.pem")!

    func run() async throws {
        let (setting, logger) = benchDatabase(database, command: "bench-sns")
        let store = try await HeraldStore.open(setting, logger: logger)
        let (certificatePEM, bodies) = try Self.signedWorkload(distinct: distinct)
        let fetcher = BenchCertificateFetcher(pem: certificatePEM)
        print("herald bench-sns: \(distinct) distinct signed notifications (RSA-2048), engine \(store.dialect.rawValue), \(ProcessInfo.processInfo.activeProcessorCount) cores")

        let validator = SNSMessageValidator(topicARNs: [Self.topicArn], fetcher: fetcher)
        let verifySeconds = try await elapsedSeconds { for body in bodies { _ = try await validator.validate(body) } }
        print(String(format: "verification alone (decode, certificate cache, RSA check): %.1f µs/message", verifySeconds / Double(bodies.count) * 1e6))

        var results: [Bool: (Int, Double)] = [:]
        for verifies in [false, true] {
            var configuration = HeraldConfiguration(host: "127.0.0.1", port: port, runsWorkers: false)
            configuration.sns = SNSWebhookConfiguration(topicARNs: [Self.topicArn], verifiesSignatures: verifies, fetcher: fetcher)
            let before = try await inboxCount(store)
            let (requests, elapsed) = try await serve(store: store, configuration: configuration, bodies: bodies, logger: logger)
            let stored = try await inboxCount(store) - before
            guard stored >= requests else { throw BenchFailure("\(requests) requests answered 200 but only \(stored) events were stored") }
            results[verifies] = (requests, elapsed)
            print(String(format: "webhook, verification %@: %d events in %.2f s = %.0f/s (%d stored)", verifies ? "on " : "off", requests, elapsed,
                         Double(requests) / elapsed, stored))
        }
        if let on = results[true], let off = results[false] {
            print(String(format: "ratio on/off: %.2f", (Double(on.0) / on.1) / (Double(off.0) / off.1)))
        }
        try await store.shutdown()
    }

    private func serve(store: HeraldStore, configuration: HeraldConfiguration, bodies: [[UInt8]], logger: Logger) async throws -> (Int, Double) {
        let app = try buildApplication(store: store, configuration: configuration, logger: logger)
        let server = ServiceGroup(services: [app], gracefulShutdownSignals: [], logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            let load = HTTPLoad(baseURL: "http://127.0.0.1:\(port)", key: "", clients: clients)
            try await waitForServer(load)
            let result: (Int, Double)
            if WrkLoad.isAvailable && !builtinClient {
                let lua = bodies.map { "[==[" + String(decoding: $0, as: UTF8.self) + "]==]" }.joined(separator: ",\n")
                let wrk = WrkLoad(baseURL: "http://127.0.0.1:\(port)", key: "", connections: clients, seconds: seconds)
                let run = try await wrk.run(path: "/aws/sns", luaBody: "bodies[n % #bodies + 1]", prelude: "local bodies = {\n\(lua)}\n")
                guard run.failures == 0 else { throw BenchFailure("\(run.failures) of \(run.requests) webhook posts got a non-2xx answer") }
                result = (run.requests, run.seconds)
            } else {
                let seconds = try await load.run(count: count, expecting: 200) { i in (.POST, "/aws/sns", bodies[i % bodies.count]) }
                result = (count, seconds)
            }
            await server.triggerGracefulShutdown()
            try await group.waitForAll()
            return result
        }
    }


    private func inboxCount(_ store: HeraldStore) async throws -> Int {
        try await store.backlog().feedback
    }

    /// A fresh signing certificate and `distinct` notifications signed with its key, each an SES Bounce event.
    static func signedWorkload(distinct: Int) throws -> (String, [[UInt8]]) {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let name = try DistinguishedName { CommonName("sns.amazonaws.com") }
        let certificate = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey), notValidBefore: Date() - 3600, notValidAfter: Date() + 86_400,
            issuer: name, subject: name, signatureAlgorithm: .sha256WithRSAEncryption, extensions: .init(), issuerPrivateKey: .init(key)
        )
        let bodies = try (0..<distinct).map { i in
            let messageId = UUID().uuidString.lowercased()
            var fields = [
                "Type": "Notification", "MessageId": messageId, "TopicArn": topicArn, "Subject": "Amazon SES Email Event Notification",
                "Message": sesBounce(i), "Timestamp": "2026-11-20T09:15:04.201Z", "SignatureVersion": "2",
                "SigningCertURL": certificateURL.absoluteString, "Signature": "",
                "UnsubscribeURL": "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=\(topicArn):\(messageId)",
            ]
            let signed = SNSStringToSign.bytes(for: try SNSMessage(json: try JSONSerialization.data(withJSONObject: fields)))
            fields["Signature"] = try key.signature(for: SHA256.hash(data: signed), padding: .insecurePKCS1v1_5).rawRepresentation.base64EncodedString()
            return Array(try JSONSerialization.data(withJSONObject: fields))
        }
        return (try certificate.serializeAsPEM().pemString, bodies)
    }

    /// An SES event-publishing Bounce for a message Herald does not know (the inbox keeps it; nothing drains it here).
    static func sesBounce(_ i: Int) -> String {
        """
        {"eventType":"Bounce","bounce":{"bounceType":"Permanent","bounceSubType":"General","bouncedRecipients":[{"emailAddress":"member\(i)@example.org",\
        "action":"failed","status":"5.1.1","diagnosticCode":"smtp; 550 5.1.1 user unknown"}],"timestamp":"2026-11-20T09:15:03.871Z",\
        "feedbackId":"0100019a8c1e34c1-\(i)-000000","reportingMTA":"dsn; a8-50.smtp-out.amazonses.com"},"mail":{"timestamp":"2026-11-20T09:15:02.512Z",\
        "source":"bench@herald.local","sendingAccountId":"123456789012","messageId":"0100019a8c1e2f3b-bench-\(i)-000000",\
        "destination":["member\(i)@example.org"],"headersTruncated":false,"tags":{"ses:configuration-set":["tracking"]}}}

        """
    }

}

/// Serves the benchmark's certificate from memory.
struct BenchCertificateFetcher: SNSFetcher {
    let pem: String
    func get(_ url: URL) async throws -> [UInt8] { Array(pem.utf8) }
}
