import Foundation
import HeraldMail
import HeraldSMTP
import HeraldTestSupport
import NIOCore

/// Clients for the aiosmtpd servers of `scripts/smtp.sh`, and messages with ids the server files them under.
enum TestServers {
    /// A configuration for one of the servers: loopback, its CA trusted, credentials for the STARTTLS one.
    static func configuration(_ kind: SMTPTestServer.Kind, auth: SMTPConfiguration.AuthMechanism? = nil) throws -> SMTPConfiguration {
        var configuration = SMTPConfiguration(host: "127.0.0.1", port: try SMTPTestServer.port(kind))
        configuration.commandTimeout = .seconds(10)
        switch kind {
        case .plain:
            configuration.security = .none
        case .startTLS:
            configuration.security = .startTLSRequired
            configuration.trustedCAFile = try SMTPTestServer.caFile()
            configuration.username = try SMTPTestServer.username()
            configuration.password = try SMTPTestServer.password()
            configuration.authMechanism = auth
        case .implicitTLS:
            configuration.security = .implicitTLS
            configuration.trustedCAFile = try SMTPTestServer.caFile()
        }
        return configuration
    }

    static func client(_ kind: SMTPTestServer.Kind, auth: SMTPConfiguration.AuthMechanism? = nil) throws -> SMTPClient {
        try SMTPClient(configuration: configuration(kind, auth: auth))
    }

    /// A short message with a fresh Message-ID (the server stores each message under its id).
    static func message(to: [String] = ["ok@example.com"], from: String = "notify@herald.example", subject: String = "Test") -> MailMessage {
        MailMessage(
            from: MailAddress(from, displayName: "Herald"),
            to: to.map { MailAddress($0) },
            subject: subject,
            textBody: "Hello.\n",
            messageID: "\(UUID().uuidString.lowercased())@herald.test"
        )
    }
}
