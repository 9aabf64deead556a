import Foundation
import HeraldMail
import HeraldSMTP
import HeraldTestSupport
import NIOCore
import NIOPosix
import Testing

/// Connection reuse and timeouts.
@Suite("SMTP connections against aiosmtpd", .enabled(if: SMTPTestServer.shouldRun, "no test SMTP server: run scripts/smtp.sh or scripts/test"))
struct SMTPConnectionTests {
    @Test func sequentialMessagesShareOneConnection() async throws {
        let client = try TestServers.client(.startTLS)
        let messages = (0..<4).map { _ in TestServers.message() }
        for message in messages {
            #expect(try await client.send(message).dataReply?.code == 250)
        }
        #expect(await client.connectionsOpened == 1)
        await client.shutdown()
        var connections: Set<Int> = []
        for message in messages {
            connections.insert(try await SMTPTestServer.received(messageID: message.messageID).connection)
        }
        #expect(connections.count == 1)
    }

    @Test func concurrentMessagesStayWithinThePool() async throws {
        var configuration = try TestServers.configuration(.plain)
        configuration.maximumConnections = 2
        let client = try SMTPClient(configuration: configuration)
        let messages = (0..<12).map { _ in TestServers.message() }
        try await withThrowingTaskGroup(of: Int?.self) { group in
            for message in messages {
                group.addTask { try await client.send(message).dataReply?.code }
            }
            for try await code in group {
                #expect(code == 250)
            }
        }
        #expect(await client.connectionsOpened == 2)
        await client.shutdown()
        var connections: Set<Int> = []
        for message in messages {
            connections.insert(try await SMTPTestServer.received(messageID: message.messageID).connection)
        }
        #expect(connections.count == 2)
    }

    @Test func aSlowReplyTimesOutAndTheNextMessageGetsAFreshConnection() async throws {
        var configuration = try TestServers.configuration(.plain)
        configuration.commandTimeout = .seconds(2)  // well under the slow reply, well over a busy machine's greeting
        let client = try SMTPClient(configuration: configuration)
        let started = ContinuousClock.now
        let error = await #expect(throws: SMTPError.self) {
            try await client.send(TestServers.message(to: ["slow@example.com"]))
        }
        if case .timedOut(let what)? = error {
            #expect(what == "RCPT TO")
        } else {
            Issue.record("unexpected error: \(String(describing: error))")
        }
        #expect(ContinuousClock.now - started < .seconds(4))  // the server answers after 5 s

        let next = TestServers.message()
        #expect(try await client.send(next).dataReply?.code == 250)
        #expect(await client.connectionsOpened == 2)
        await client.shutdown()
    }
}

/// Timeouts and refusals on loopback that need no SMTP server.
@Suite struct SMTPUnreachableServerTests {
    @Test func aServerThatNeverGreetsTimesOut() async throws {
        let silent = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(silent.localAddress?.port)
        var configuration = SMTPConfiguration(host: "127.0.0.1", port: port, security: .none)
        configuration.commandTimeout = .milliseconds(300)
        let client = try SMTPClient(configuration: configuration)
        let error = await #expect(throws: SMTPError.self) {
            try await client.send(TestServers.message())
        }
        if case .timedOut(let what)? = error {
            #expect(what == "greeting")
        } else {
            Issue.record("unexpected error: \(String(describing: error))")
        }
        try await silent.close()
    }

    @Test func nothingListeningIsAConnectionFailure() async throws {
        let closed = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(closed.localAddress?.port)
        try await closed.close()
        let client = try SMTPClient(configuration: SMTPConfiguration(host: "127.0.0.1", port: port, security: .none))
        let error = await #expect(throws: SMTPError.self) {
            try await client.send(TestServers.message())
        }
        #expect({ if case .connectionFailed? = error { true } else { false } }(), "\(String(describing: error))")
    }
}
