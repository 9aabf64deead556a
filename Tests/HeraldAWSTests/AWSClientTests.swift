import AsyncHTTPClient
import Foundation
import HeraldAWS
import Logging
import NIOCore
import NIOPosix
import Testing

@Suite("AWS client transport failures")
struct AWSClientTests {
    static func client(sqsEndpoint: String, timeout: TimeAmount) throws -> AWSClient {
        let configuration = AWSConfiguration(
            credentials: AWSCredentials(accessKeyId: "AKID", secretAccessKey: "secret"), region: "us-east-1",
            endpointOverrides: [.sqs: try #require(URL(string: sqsEndpoint))]
        )
        return AWSClient(configuration: configuration, httpClient: .shared, logger: Logger(label: "herald.test.aws"), timeout: timeout)
    }

    @Test func refusedConnectionIsARetryableConnectionError() async throws {
        // Port 9 (discard) on loopback: nothing listens there. AsyncHTTPClient retries the connection until the
        // deadline, then reports the refusal.
        let client = try Self.client(sqsEndpoint: "http://127.0.0.1:9", timeout: .seconds(1))
        let error = try await #require(throws: AWSError.self) { try await SQS(client: client).getQueueUrl(name: "q") }
        #expect(error.source == .connection)
        #expect(error.statusCode == nil)
        #expect(error.isRetryable)
    }

    @Test func serverThatNeverAnswersIsARetryableTimeout() async throws {
        // Accepts connections on loopback and never writes a byte.
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in channel.eventLoop.makeSucceededVoidFuture() }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(server.localAddress?.port)
        let client = try Self.client(sqsEndpoint: "http://127.0.0.1:\(port)", timeout: .milliseconds(300))
        let error = await #expect(throws: AWSError.self) { try await SQS(client: client).getQueueUrl(name: "q") }
        try await server.close()
        #expect(error?.source == .timeout)
        #expect(error?.isRetryable == true)
    }
}
