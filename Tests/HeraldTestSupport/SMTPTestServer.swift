import Foundation
import Testing

/// The SMTP servers the integration tests talk to, started by `scripts/smtp.sh` (aiosmtpd on three loopback ports:
/// plain, STARTTLS + AUTH required, implicit TLS), which stores every message it accepts in a spool folder together
/// with its envelope and what Python's `email` package parsed. `scripts/test` also sets `HERALD_TEST_REQUIRE_SMTP=1`
/// so that missing servers fail the run.
public enum SMTPTestServer {
    public enum Kind: String, Sendable {
        /// No TLS, no AUTH, no SMTPUTF8.
        case plain = "PLAIN"
        /// STARTTLS required, then AUTH PLAIN or LOGIN required; offers SMTPUTF8.
        case startTLS = "STARTTLS"
        /// TLS from the first byte; AUTH allowed.
        case implicitTLS = "TLS"
    }

    private static var environment: [String: String] { ProcessInfo.processInfo.environment }

    public static var isConfigured: Bool { environment["HERALD_TEST_SMTP_PLAIN_PORT"] != nil }
    public static var isRequired: Bool { environment["HERALD_TEST_REQUIRE_SMTP"] == "1" }
    /// Whether the SMTP suites run: servers configured, or required (and then failing without them).
    public static var shouldRun: Bool { isConfigured || isRequired }

    public static func port(_ kind: Kind) throws -> Int {
        try #require(environment["HERALD_TEST_SMTP_\(kind.rawValue)_PORT"].flatMap(Int.init), "HERALD_TEST_SMTP_\(kind.rawValue)_PORT is not set: run scripts/smtp.sh")
    }

    /// The throwaway self-signed certificate the TLS servers use.
    public static func caFile() throws -> String { try #require(environment["HERALD_TEST_SMTP_CA"]) }
    public static func username() throws -> String { try #require(environment["HERALD_TEST_SMTP_USER"]) }
    public static func password() throws -> String { try #require(environment["HERALD_TEST_SMTP_PASSWORD"]) }

    /// One message as the server received it.
    public struct Received: Decodable, Sendable {
        public struct Mailbox: Decodable, Sendable, Equatable {
            public var name: String
            public var address: String

            public init(name: String, address: String) {
                self.name = name
                self.address = address
            }
        }

        public struct Attachment: Decodable, Sendable, Equatable {
            public var filename: String?
            public var contentType: String
            public var size: Int

            public init(filename: String?, contentType: String, size: Int) {
                self.filename = filename
                self.contentType = contentType
                self.size = size
            }
        }

        /// What Python's `email` package (policy `default`) read from the received bytes.
        public struct Parsed: Decodable, Sendable {
            public var subject: String
            public var from: [Mailbox]
            public var to: [Mailbox]
            public var cc: [Mailbox]
            public var replyTo: [Mailbox]
            public var messageId: String
            public var date: String
            public var contentType: String
            public var text: String?
            public var html: String?
            public var attachments: [Attachment]
            public var listUnsubscribe: String?
            public var listUnsubscribePost: String?
            public var defects: [String]
        }

        /// `plain`, `starttls` or `tls`.
        public var server: String
        /// The server's number for the connection the message came on.
        public var connection: Int
        public var tls: Bool
        public var authenticated: Bool
        public var login: String?
        public var heloName: String?
        public var mailFrom: String
        public var mailOptions: [String]
        public var rcptTos: [String]
        public var parsed: Parsed
        /// The bytes received, SMTP transparency undone.
        public var raw: [UInt8] = []

        private enum CodingKeys: String, CodingKey {
            case server, connection, tls, authenticated, login, heloName, mailFrom, mailOptions, rcptTos, parsed
        }
    }

    /// The message stored under `messageID`, waiting up to `timeout` for the server to write it.
    public static func received(messageID: String, timeout: Duration = .seconds(20)) async throws -> Received {
        let spool = try #require(environment["HERALD_TEST_SMTP_SPOOL"])
        let name = String(messageID.unicodeScalars.map { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._@-".unicodeScalars.contains(scalar))
                ? Character(scalar) : "_"
        })
        let json = URL(fileURLWithPath: spool).appendingPathComponent(name + ".json")
        let eml = URL(fileURLWithPath: spool).appendingPathComponent(name + ".eml")
        let deadline = ContinuousClock.now + timeout
        while !FileManager.default.fileExists(atPath: json.path), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        var received = try JSONDecoder().decode(Received.self, from: try Data(contentsOf: json))
        received.raw = Array(try Data(contentsOf: eml))
        return received
    }

    /// Whether the server stored a message under `messageID` (checked after a short grace period).
    public static func hasReceived(messageID: String) async throws -> Bool {
        (try? await received(messageID: messageID, timeout: .milliseconds(300))) != nil
    }
}
