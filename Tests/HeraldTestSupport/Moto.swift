import AsyncHTTPClient
import Foundation
import HeraldAWS
import Logging
import NIOCore
import Testing

/// The moto_server the integration tests talk to: `HERALD_TEST_AWS_ENDPOINT` (`scripts/test` starts one on
/// loopback and sets it, together with `HERALD_TEST_REQUIRE_MOTO=1` so that a missing server fails the run).
public enum Moto {
    public static var endpoint: URL? {
        ProcessInfo.processInfo.environment["HERALD_TEST_AWS_ENDPOINT"].flatMap(URL.init(string:))
    }

    public static var isRequired: Bool { ProcessInfo.processInfo.environment["HERALD_TEST_REQUIRE_MOTO"] == "1" }

    /// A client whose every service goes to moto, with moto's default account credentials.
    public static func client() throws -> AWSClient {
        let endpoint = try #require(endpoint)
        try #require(endpoint.host == "127.0.0.1", "the integration tests only ever talk to loopback")
        let configuration = AWSConfiguration(
            credentials: AWSCredentials(accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "herald-test-secret"),
            region: "us-east-1",
            endpointOverrides: Dictionary(uniqueKeysWithValues: AWSService.allCases.map { ($0, endpoint) })
        )
        var logger = Logger(label: "herald.test.aws")
        logger.logLevel = .warning
        return AWSClient(configuration: configuration, httpClient: .shared, logger: logger)
    }

    /// moto's whole state as JSON (`GET /moto-api/data.json`): what it sent, queued and stored.
    public static func data() async throws -> [String: Any] {
        let endpoint = try #require(endpoint)
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: "\(endpoint.absoluteString)/moto-api/data.json"), timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 64 << 20)
        return try #require(try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any])
    }

    /// The records of one kind in moto's state, e.g. `("ses", "RawMessage")`.
    public static func records(_ service: String, _ kind: String) async throws -> [[String: Any]] {
        (try await data()[service] as? [String: Any])?[kind] as? [[String: Any]] ?? []
    }
}
