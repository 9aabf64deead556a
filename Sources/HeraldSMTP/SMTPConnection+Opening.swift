import Foundation
import NIOCore
import NIOSSL

extension SMTPConnection {
    /// The commands between connecting and the first transaction: greeting, EHLO, STARTTLS, AUTH.
    struct Opening {
        let channel: any Channel
        let configuration: SMTPConfiguration
        private(set) var upgradedToTLS = false

        init(channel: any Channel, configuration: SMTPConfiguration) {
            self.channel = channel
            self.configuration = configuration
        }

        mutating func run(tls: NIOSSLContext?, serverHostname: String?) async throws(SMTPError) -> SMTPCapabilities {
            let greeting = try await exchange(nil, label: "greeting")
            guard greeting.code == 220 else { throw .rejected(command: "connection (greeting)", reply: greeting) }
            var capabilities = try await hello()
            let security = configuration.security
            if security == .startTLSRequired || (security == .startTLSOpportunistic && capabilities.startTLS) {
                guard capabilities.startTLS, let tls else { throw .startTLSUnavailable }
                try await startTLS(tls, serverHostname: serverHostname)
                capabilities = try await hello()
            }
            if let username = configuration.username {
                try await authenticate(username: username, password: configuration.password ?? "", capabilities: capabilities)
            }
            return capabilities
        }

        private func exchange(_ bytes: ByteBuffer?, label: String) async throws(SMTPError) -> SMTPReply {
            try await SMTPConnection.exchange(on: channel, bytes, label: label, timeout: configuration.commandTimeout)
        }

        private func command(_ line: String, label: String? = nil) async throws(SMTPError) -> SMTPReply {
            try await exchange(ByteBuffer(string: line + "\r\n"), label: label ?? line)
        }

        /// EHLO, or HELO (no extensions) when the server does not know EHLO.
        private func hello() async throws(SMTPError) -> SMTPCapabilities {
            let ehlo = try await command("EHLO \(configuration.localHostname)")
            if ehlo.code == 250 {
                return SMTPCapabilities(ehlo: ehlo)
            }
            guard ehlo.isPermanentFailure else { throw .rejected(command: "EHLO", reply: ehlo) }
            let helo = try await command("HELO \(configuration.localHostname)")
            guard helo.code == 250 else { throw .rejected(command: "HELO", reply: helo) }
            return SMTPCapabilities()
        }

        /// STARTTLS, then the TLS handshake in front of everything else in the pipeline (RFC 3207).
        private mutating func startTLS(_ tls: NIOSSLContext, serverHostname: String?) async throws(SMTPError) {
            let reply = try await command("STARTTLS")
            guard reply.code == 220 else { throw .rejected(command: "STARTTLS", reply: reply) }
            let channel = self.channel
            do {
                try await channel.eventLoop.submit {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverHostname), position: .first)
                }.get()
            } catch {
                throw .connectionFailed("cannot start TLS: \(error)")
            }
            upgradedToTLS = true
        }

        /// AUTH with the configured mechanism, else PLAIN when offered, else LOGIN. Refused on an unencrypted
        /// connection unless encryption is switched off on purpose (`starttls=off`), so that a server that
        /// stops offering STARTTLS cannot make Herald send its password in the clear.
        private func authenticate(username: String, password: String, capabilities: SMTPCapabilities) async throws(SMTPError) {
            let encrypted = upgradedToTLS || configuration.security == .implicitTLS
            guard encrypted || configuration.security == .none else {
                throw .authenticationUnavailable("the connection is not encrypted (the server did not offer STARTTLS)")
            }
            let offered = capabilities.authMechanisms
            let mechanism: SMTPConfiguration.AuthMechanism
            if let chosen = configuration.authMechanism {
                guard offered.contains(chosen.rawValue) else {
                    throw .authenticationUnavailable("the server does not offer AUTH \(chosen.rawValue) (it offers: \(offered.sorted().joined(separator: " ")))")
                }
                mechanism = chosen
            } else if offered.contains("PLAIN") {
                mechanism = .plain
            } else if offered.contains("LOGIN") {
                mechanism = .login
            } else {
                throw .authenticationUnavailable("the server offers neither AUTH PLAIN nor LOGIN (it offers: \(offered.sorted().joined(separator: " ")))")
            }
            var reply: SMTPReply
            switch mechanism {
            case .plain:
                reply = try await command("AUTH PLAIN " + Self.base64("\0\(username)\0\(password)"), label: "AUTH PLAIN")
            case .login:
                reply = try await command("AUTH LOGIN")
                if reply.code == 334 {
                    reply = try await command(Self.base64(username), label: "AUTH LOGIN user name")
                }
                if reply.code == 334 {
                    reply = try await command(Self.base64(password), label: "AUTH LOGIN password")
                }
            }
            guard reply.code != 235 else { return }
            throw reply.isTransientFailure ? .rejected(command: "AUTH \(mechanism.rawValue)", reply: reply) : .authenticationFailed(reply)
        }

        private static func base64(_ text: String) -> String {
            Data(text.utf8).base64EncodedString()
        }
    }
}
