import NIOCore

/// Where and how ``SMTPClient`` sends: server, encryption, credentials, timeouts and pool size.
/// ``init(url:)`` reads the same settings from an `smtp://` or `smtps://` URL.
public struct SMTPConfiguration: Sendable, Equatable {
    /// How the connection is encrypted.
    public enum Security: Sendable, Equatable {
        /// Plain TCP, STARTTLS never used (credentials are then sent in the clear: only for local relays).
        case none
        /// STARTTLS (RFC 3207) when the server offers it, plain otherwise.
        case startTLSOpportunistic
        /// STARTTLS or fail: the message is not sent over an unencrypted connection.
        case startTLSRequired
        /// TLS from the first byte (port 465, RFC 8314).
        case implicitTLS
    }

    /// A SASL mechanism for AUTH (RFC 4954).
    public enum AuthMechanism: String, Sendable, Equatable {
        /// RFC 4616: one command carrying both user name and password.
        case plain = "PLAIN"
        /// The older two-step exchange many servers still offer.
        case login = "LOGIN"
    }

    public var host: String
    public var port: Int
    public var security: Security
    /// User name and password for AUTH; none means no AUTH.
    public var username: String?
    public var password: String?
    /// The mechanism to use; `nil` picks PLAIN when offered, else LOGIN.
    public var authMechanism: AuthMechanism?
    /// A PEM file of certificates to trust instead of the system's (for a private CA or a test server).
    public var trustedCAFile: String?
    /// The name this client gives in EHLO/HELO.
    public var localHostname: String
    public var connectTimeout: TimeAmount
    /// Longest wait for any one reply, except the reply to the message data.
    public var commandTimeout: TimeAmount
    /// Longest wait for the reply after the message data (servers may scan it first; RFC 5321 suggests 10 min).
    public var dataTimeout: TimeAmount
    /// Most connections open at once; senders beyond it wait for one to come free.
    public var maximumConnections: Int
    /// An idle connection older than this is closed rather than reused.
    public var idleTimeout: TimeAmount

    public init(
        host: String,
        port: Int,
        security: Security = .startTLSOpportunistic,
        username: String? = nil,
        password: String? = nil,
        authMechanism: AuthMechanism? = nil,
        trustedCAFile: String? = nil,
        localHostname: String = "herald.localhost",
        connectTimeout: TimeAmount = .seconds(10),
        commandTimeout: TimeAmount = .seconds(60),
        dataTimeout: TimeAmount = .seconds(600),
        maximumConnections: Int = 4,
        idleTimeout: TimeAmount = .seconds(30)
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.authMechanism = authMechanism
        self.trustedCAFile = trustedCAFile
        self.localHostname = localHostname
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        self.dataTimeout = dataTimeout
        self.maximumConnections = maximumConnections
        self.idleTimeout = idleTimeout
    }
}
