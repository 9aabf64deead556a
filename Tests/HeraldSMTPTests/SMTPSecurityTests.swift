import Foundation
import HeraldMail
import HeraldSMTP
import HeraldTestSupport
import Testing

/// STARTTLS, implicit TLS and AUTH against the aiosmtpd servers, with their throwaway certificate.
@Suite("SMTP TLS and AUTH against aiosmtpd", .enabled(if: SMTPTestServer.shouldRun, "no test SMTP server: run scripts/smtp.sh or scripts/test"))
struct SMTPSecurityTests {
    @Test(arguments: [SMTPConfiguration.AuthMechanism.plain, .login])
    func startTLSThenAuth(mechanism: SMTPConfiguration.AuthMechanism) async throws {
        let message = TestServers.message()
        let client = try TestServers.client(.startTLS, auth: mechanism)
        #expect(try await client.send(message).dataReply?.code == 250)
        await client.shutdown()
        let received = try await SMTPTestServer.received(messageID: message.messageID)
        #expect(received.server == "starttls")
        #expect(received.tls)
        #expect(received.authenticated)
        #expect(received.login == (try SMTPTestServer.username()))
    }

    @Test func implicitTLS() async throws {
        let message = TestServers.message()
        let client = try TestServers.client(.implicitTLS)
        #expect(try await client.send(message).dataReply?.code == 250)
        await client.shutdown()
        let received = try await SMTPTestServer.received(messageID: message.messageID)
        #expect(received.server == "tls")
        #expect(received.tls)
        #expect(!received.authenticated)
    }

    @Test func implicitTLSWithAuthPlain() async throws {
        var configuration = try TestServers.configuration(.implicitTLS)
        configuration.username = try SMTPTestServer.username()
        configuration.password = try SMTPTestServer.password()
        let message = TestServers.message()
        let client = try SMTPClient(configuration: configuration)
        #expect(try await client.send(message).dataReply?.code == 250)
        await client.shutdown()
        #expect(try await SMTPTestServer.received(messageID: message.messageID).authenticated)
    }

    @Test func wrongPasswordIsAnAuthenticationFailure() async throws {
        var configuration = try TestServers.configuration(.startTLS)
        configuration.password = "not-the-password"
        let client = try SMTPClient(configuration: configuration)
        let error = await #expect(throws: SMTPError.self) {
            try await client.send(TestServers.message())
        }
        if case .authenticationFailed(let reply)? = error {
            #expect(reply.code == 535)
        } else {
            Issue.record("unexpected error: \(String(describing: error))")
        }
    }

    @Test func anUntrustedCertificateIsRefused() async throws {
        var configuration = try TestServers.configuration(.implicitTLS)
        configuration.trustedCAFile = nil
        let client = try SMTPClient(configuration: configuration)
        let error = await #expect(throws: SMTPError.self) {
            try await client.send(TestServers.message())
        }
        #expect({ if case .connectionFailed? = error { true } else { false } }(), "\(String(describing: error))")
    }

    @Test func requiredSTARTTLSThatIsNotOfferedSendsNothing() async throws {
        var configuration = try TestServers.configuration(.plain)
        configuration.security = .startTLSRequired
        let message = TestServers.message()
        let client = try SMTPClient(configuration: configuration)
        let error = await #expect(throws: SMTPError.self) {
            try await client.send(message)
        }
        #expect({ if case .startTLSUnavailable? = error { true } else { false } }(), "\(String(describing: error))")
        #expect(try await !SMTPTestServer.hasReceived(messageID: message.messageID))
    }

    @Test func credentialsAreNotSentOverAnUnencryptedConnection() async throws {
        var configuration = try TestServers.configuration(.plain)
        configuration.security = .startTLSOpportunistic
        configuration.username = "herald"
        configuration.password = "secret"
        let client = try SMTPClient(configuration: configuration)
        let error = await #expect(throws: SMTPError.self) {
            try await client.send(TestServers.message())
        }
        if case .authenticationUnavailable(let reason)? = error {
            #expect(reason.contains("not encrypted"))
        } else {
            Issue.record("unexpected error: \(String(describing: error))")
        }
    }
}
