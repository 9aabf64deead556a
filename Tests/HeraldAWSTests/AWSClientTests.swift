import AsyncHTTPClient
import Foundation
import HeraldAWS
import Logging
import NIOCore
import Testing

@Suite("AWS client transport failures")
struct AWSClientTests {
    @Test func refusedConnectionIsARetryableConnectionError() async throws {
        // Port 9 (discard) on loopback: nothing listens there in the test environment.
        let endpoint = try #require(URL(string: "http://127.0.0.1:9"))
        let configuration = AWSConfiguration(
            credentials: AWSCredentials(accessKeyId: "AKID", secretAccessKey: "secret"), region: "us-east-1", endpointOverrides: [.sqs: endpoint]
        )
        let client = AWSClient(configuration: configuration, httpClient: .shared, logger: Logger(label: "herald.test.aws"), timeout: .seconds(5))
        let error = try await #require(throws: AWSError.self) { try await SQS(client: client).getQueueUrl(name: "q") }
        #expect(error.source == .connection)
        #expect(error.statusCode == nil)
        #expect(error.isRetryable)
    }
}
