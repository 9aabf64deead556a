import Foundation
import HeraldCore
@testable import HeraldDelivery
import HeraldSMTP
import HeraldTestSupport
import NIOCore
import Testing

/// The SMTP provider against a real SMTP server (aiosmtpd from `scripts/smtp.sh`): how the server's replies become
/// delivery outcomes.
@Suite("SMTP provider against aiosmtpd", .enabled(if: SMTPTestServer.shouldRun, "no test SMTP server: run scripts/smtp.sh or scripts/test"))
struct SMTPEmailProviderTests {
    static func email(to: String) -> OutgoingEmail {
        OutgoingEmail(
            notificationId: UUID(), serviceId: UUID(), from: "notify@herald.example", to: to,
            subject: "Zoë’s appointment", textBody: "See you on Monday.\n"
        )
    }

    static func provider(password: String? = nil) throws -> SMTPEmailProvider {
        var configuration = SMTPConfiguration(host: "127.0.0.1", port: try SMTPTestServer.port(.startTLS), security: .startTLSRequired)
        configuration.trustedCAFile = try SMTPTestServer.caFile()
        configuration.username = try SMTPTestServer.username()
        configuration.password = try password ?? SMTPTestServer.password()
        return SMTPEmailProvider(client: try SMTPClient(configuration: configuration))
    }

    @Test func acceptedMessageIsDeliveredWithItsMessageID() async throws {
        let email = Self.email(to: "zoe@bücher.example")
        let receipt = try await Self.provider().send(email)
        #expect(receipt.messageId == "\(email.notificationId.storageString)@herald.local")
        #expect(receipt.immediateOutcome == .delivered)
        let received = try await SMTPTestServer.received(messageID: receipt.messageId)
        #expect(received.rcptTos == ["zoe@xn--bcher-kva.example"])
        #expect(received.parsed.subject == "Zoë’s appointment")
        #expect(received.parsed.defects == [])
    }

    @Test func blindCopiesAreInTheEnvelopeOnlyAndOneRefusalDoesNotFailTheMessage() async throws {
        var email = Self.email(to: "ada@example.org")
        email.bcc = ["reject@example.com", "bo@example.org"]
        let receipt = try await Self.provider().send(email)
        #expect(receipt.immediateOutcome == .delivered)
        #expect(Array(receipt.refused.keys) == ["reject@example.com"])  // recorded as that recipient's permanent failure
        #expect(receipt.refused["reject@example.com"]?.contains("550") == true)
        let received = try await SMTPTestServer.received(messageID: receipt.messageId)
        #expect(received.rcptTos == ["ada@example.org", "bo@example.org"])  // the 550 for reject@ left the others
        #expect(received.parsed.to.isEmpty && received.parsed.cc.isEmpty)
        #expect(received.parsed.defects == [])
    }

    @Test func a550IsAPermanentFailureWithTheServersWords() async throws {
        let error = await #expect(throws: ProviderError.self) {
            try await Self.provider().send(Self.email(to: "reject@example.com"))
        }
        if case .permanent(let message)? = error {
            #expect(message.contains("550") && message.contains("mailbox unavailable"))
        } else {
            Issue.record("unexpected error: \(String(describing: error))")
        }
    }

    @Test func a451IsRetried() async throws {
        let error = await #expect(throws: ProviderError.self) {
            try await Self.provider().send(Self.email(to: "later@example.com"))
        }
        if case .transient(let message)? = error {
            #expect(message.contains("451"))
        } else {
            Issue.record("unexpected error: \(String(describing: error))")
        }
    }

    @Test func refusedCredentialsAreATechnicalFailure() async throws {
        let error = await #expect(throws: ProviderError.self) {
            try await Self.provider(password: "wrong").send(Self.email(to: "ok@example.com"))
        }
        if case .technical(let message)? = error {
            #expect(message.contains("535"))
        } else {
            Issue.record("unexpected error: \(String(describing: error))")
        }
    }

    @Test func aNonASCIILocalPartTheServerCannotTakeFailsPermanently() async throws {
        let configuration = SMTPConfiguration(host: "127.0.0.1", port: try SMTPTestServer.port(.plain), security: .none)
        let provider = SMTPEmailProvider(client: try SMTPClient(configuration: configuration))
        let error = await #expect(throws: ProviderError.self) {
            try await provider.send(Self.email(to: "jösé@example.com"))
        }
        if case .permanent(let message)? = error {
            #expect(message.contains("jösé@example.com") && message.contains("SMTPUTF8"))
        } else {
            Issue.record("unexpected error: \(String(describing: error))")
        }
    }
}

/// Failures on the way to the server, which need no SMTP server to show.
@Suite struct SMTPEmailProviderConnectionTests {
    @Test func nothingListeningIsRetried() async throws {
        let configuration = SMTPConfiguration(host: "127.0.0.1", port: 1, security: .none, connectTimeout: .seconds(2))
        let provider = SMTPEmailProvider(client: try SMTPClient(configuration: configuration))
        let error = await #expect(throws: ProviderError.self) {
            try await provider.send(SMTPEmailProviderTests.email(to: "ok@example.com"))
        }
        #expect({ if case .transient? = error { true } else { false } }(), "\(String(describing: error))")
    }

    @Test(arguments: [
        (SMTPError.timedOut("RCPT TO"), "transient"),
        (.rejected(command: "MAIL FROM", reply: SMTPReply(code: 421, lines: ["closing"])), "transient"),
        (.rejected(command: "DATA", reply: SMTPReply(code: 554, lines: ["spam"])), "permanent"),
        (.startTLSUnavailable, "technical"),
        (.authenticationUnavailable("no AUTH"), "technical"),
        (.protocolViolation("garbage"), "transient"),
    ])
    func errorsBecomeOutcomes(error: SMTPError, expected: String) {
        let kind = switch SMTPEmailProvider.classify(error) {
        case .transient: "transient"
        case .permanent: "permanent"
        case .technical: "technical"
        }
        #expect(kind == expected)
    }
}
