/// Why an SMTP exchange failed. ``SMTPEmailProvider`` (HeraldDelivery) turns each into a delivery outcome.
public enum SMTPError: Error, Sendable, CustomStringConvertible {
    /// The connection could not be made, the TLS handshake failed, or the server closed the connection.
    case connectionFailed(String)
    /// No reply within the configured time; the connection is closed.
    case timedOut(String)
    /// The server answered a command with a failure; `command` names it (`MAIL FROM`, `DATA`, …).
    case rejected(command: String, reply: SMTPReply)
    /// The server refused the credentials (5xx to AUTH).
    case authenticationFailed(SMTPReply)
    /// Credentials are configured but cannot be used: the server offers no usable mechanism, or the
    /// connection is not encrypted.
    case authenticationUnavailable(String)
    /// STARTTLS is required but the server does not offer it.
    case startTLSUnavailable
    /// An address has a non-ASCII local part and the server does not offer SMTPUTF8 (RFC 6531).
    case smtpUTF8Unavailable(address: String)
    /// The server wrote something that is not SMTP.
    case protocolViolation(String)

    public var description: String {
        switch self {
        case .connectionFailed(let reason): "SMTP connection failed: \(reason)"
        case .timedOut(let what): "SMTP server did not answer in time (\(what))"
        case .rejected(let command, let reply): "SMTP server refused \(command): \(reply)"
        case .authenticationFailed(let reply): "SMTP authentication failed: \(reply)"
        case .authenticationUnavailable(let reason): "SMTP authentication unavailable: \(reason)"
        case .startTLSUnavailable: "SMTP server does not offer STARTTLS, which is required (starttls=required)"
        case .smtpUTF8Unavailable(let address):
            "the address \(address) has a non-ASCII local part, and the SMTP server does not offer SMTPUTF8 (RFC 6531) to take it"
        case .protocolViolation(let reason): "SMTP protocol violation: \(reason)"
        }
    }

    /// Whether the connection can carry another message after this error.
    var leavesConnectionUsable: Bool {
        switch self {
        case .rejected, .smtpUTF8Unavailable: true
        case .connectionFailed, .timedOut, .authenticationFailed, .authenticationUnavailable, .startTLSUnavailable, .protocolViolation: false
        }
    }

    /// Whether this looks like a connection the server dropped while it sat idle.
    var isConnectionLoss: Bool {
        if case .connectionFailed = self { return true }
        return false
    }
}
