import Foundation
import NIOCore

extension SMTPConfiguration {
    /// A URL that does not describe an SMTP server.
    public struct InvalidURL: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Reads `smtp://[user:password@]host[:port][?starttls=required|opportunistic|off]` (port 25, STARTTLS
    /// opportunistic by default) or `smtps://…` (implicit TLS, port 465). More query items: `auth=plain|login`,
    /// `ca=/path/to/ca.pem`, `timeout=SECONDS` (each reply), `pool=N` (connections), `helo=NAME`. User name and
    /// password are percent-decoded.
    public init(url string: String) throws(InvalidURL) {
        guard let url = URLComponents(string: string), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw InvalidURL(description: "not an smtp:// or smtps:// URL")
        }
        let query = Dictionary((url.queryItems ?? []).map { ($0.name.lowercased(), $0.value ?? "") }, uniquingKeysWith: { $1 })
        let security: Security
        switch (scheme, query["starttls"]?.lowercased()) {
        case ("smtps", nil): security = .implicitTLS
        case ("smtp", nil), ("smtp", "opportunistic"): security = .startTLSOpportunistic
        case ("smtp", "required"): security = .startTLSRequired
        case ("smtp", "off"): security = .none
        case ("smtp", let other?): throw InvalidURL(description: "starttls=\(other): use required, opportunistic or off")
        case ("smtps", _): throw InvalidURL(description: "smtps:// is TLS from the start; starttls does not apply")
        default: throw InvalidURL(description: "scheme \(scheme): use smtp:// or smtps://")
        }
        self.init(host: host, port: url.port ?? (security == .implicitTLS ? 465 : 25), security: security)
        username = url.user.flatMap { $0.isEmpty ? nil : $0 }
        password = url.password
        if let auth = query["auth"] {
            guard let mechanism = AuthMechanism(rawValue: auth.uppercased()) else {
                throw InvalidURL(description: "auth=\(auth): use plain or login")
            }
            authMechanism = mechanism
        }
        trustedCAFile = query["ca"].flatMap { $0.isEmpty ? nil : $0 }
        if let timeout = query["timeout"] {
            guard let seconds = Double(timeout), seconds > 0 else { throw InvalidURL(description: "timeout=\(timeout): use seconds") }
            commandTimeout = .nanoseconds(Int64(seconds * 1e9))
        }
        if let pool = query["pool"] {
            guard let count = Int(pool), count > 0 else { throw InvalidURL(description: "pool=\(pool): use a positive number") }
            maximumConnections = count
        }
        if let helo = query["helo"], !helo.isEmpty {
            localHostname = helo
        }
    }
}
