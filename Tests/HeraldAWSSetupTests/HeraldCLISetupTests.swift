import Foundation
import HeraldTestSupport
import Testing

/// The real `herald setup aws` binary against moto_server, configured only through the environment as a person
/// would configure it.
@Suite("Setup: the herald binary against moto_server", .enabled(if: Moto.endpoint != nil, "HERALD_TEST_AWS_ENDPOINT is not set"))
struct HeraldCLISetupTests {
    /// `herald` is built next to the test bundle (`.build/debug/`).
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("herald")

    /// The keys `--json` always prints (and `webhook_subscription_arn` with `--webhook-url`).
    static let jsonKeys = [
        "configuration_set", "event_destination", "topic_arn", "queue_url", "queue_arn", "dead_letter_queue_url", "dead_letter_queue_arn",
        "queue_subscription_arn", "webhook_subscription_arn",
    ]

    func herald(_ arguments: [String]) async throws -> Subprocess.Result {
        let endpoint = try #require(Moto.endpoint?.absoluteString)
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("herald-setup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = [
            "HOME": home.path, "PATH": "/usr/bin:/bin", "AWS_ENDPOINT_URL": endpoint, "AWS_REGION": "us-east-1",
            "AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": "herald-test-secret", "HERALD_LOG_LEVEL": "warning",
        ]
        return try await Subprocess.run(Self.binary, arguments, environment: environment)
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not JSON: \(text)")
    }

    @Test func setupRunsTwiceAndTheSecondRunChangesNothing() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build herald first: \(Self.binary.path)")
        let name = "herald-cli-\(UUID().uuidString.prefix(8).lowercased())"

        let planned = try await herald(["setup", "aws", "--name", name, "--dry-run"])
        #expect(planned.status == 0, "\(planned.errors)")
        #expect(planned.output.contains("(dry run: nothing was changed)"))
        #expect(planned.output.contains("missing  queue policy: SNS \(name)-ses-events → SQS \(name)-ses-events"))

        let first = try await herald(["setup", "aws", "--name", name, "--json"])
        #expect(first.status == 0, "\(first.errors)")
        let created = try json(first.output)
        #expect(created["changed"] as? Bool == true)
        #expect(Set(created.keys).isSuperset(of: Self.jsonKeys.filter { $0 != "webhook_subscription_arn" }))
        #expect(created["configuration_set"] as? String == name)
        #expect(created["topic_arn"] as? String == "arn:aws:sns:us-east-1:123456789012:\(name)-ses-events")
        #expect(created["queue_arn"] as? String == "arn:aws:sqs:us-east-1:123456789012:\(name)-ses-events")
        #expect((created["queue_url"] as? String)?.hasSuffix("/123456789012/\(name)-ses-events") == true)
        #expect((created["dead_letter_queue_url"] as? String)?.hasSuffix("/123456789012/\(name)-ses-events-dlq") == true)
        #expect((created["resources"] as? [[String: Any]])?.compactMap { $0["outcome"] as? String } == Array(repeating: "created", count: 7))

        let second = try await herald(["setup", "aws", "--name", name])
        #expect(second.status == 0, "\(second.errors)")
        #expect(second.output.contains("Everything existed as wanted; nothing was changed."))
        #expect(second.output.contains("HERALD_SES_CONFIGURATION_SET=\(name)\n"))
        #expect(second.output.contains("HERALD_FEEDBACK_QUEUE_URL=\(created["queue_url"] as? String ?? "?")"))
        #expect(!second.output.contains("created"))
    }

    @Test func badSettingsAreRefusedBeforeAnyCall() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build herald first: \(Self.binary.path)")
        let result = try await herald(["setup", "aws", "--name", "herald", "--webhook-url", "http://example.org/aws/sns"])
        #expect(result.status != 0)
        #expect(result.errors.contains("must start with https://"))
    }
}
