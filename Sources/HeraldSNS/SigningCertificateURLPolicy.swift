import Foundation

/// Which URLs Herald will fetch for SNS: a `SigningCertURL` before trusting its certificate, a `SubscribeURL`
/// before confirming. Only https, no user info, and a host on the allow-list; certificate URLs must end in `.pem`.
/// Checked before anything is fetched, since the URLs come from the (not yet verified) message.
public struct SigningCertificateURLPolicy: Sendable, Hashable {
    /// A host that may serve SNS certificates and subscription confirmations.
    public enum AllowedHost: Sendable, Hashable {
        /// `sns.<region>.amazonaws.com` (or `.amazonaws.com.cn`) on the default port: what AWS uses.
        case amazonSNS
        /// One exact host and port (e.g. a loopback server in tests).
        case exact(host: String, port: Int)
    }

    public var allowedHosts: [AllowedHost]

    public init(allowedHosts: [AllowedHost]) {
        self.allowedHosts = allowedHosts
    }

    /// AWS's SNS endpoints only: the default.
    public static let amazonSNS = SigningCertificateURLPolicy(allowedHosts: [.amazonSNS])

    /// The certificate URL, if it may be fetched.
    public func certificateURL(_ string: String) -> URL? {
        guard let components = allowedComponents(string), components.percentEncodedQuery == nil,
              components.percentEncodedPath.hasSuffix(".pem") else { return nil }
        return components.url
    }

    /// The subscription confirmation URL, if it may be fetched.
    public func subscribeURL(_ string: String) -> URL? {
        allowedComponents(string)?.url
    }

    private func allowedComponents(_ string: String) -> URLComponents? {
        guard let components = URLComponents(string: string), components.scheme?.lowercased() == "https",
              components.percentEncodedUser == nil, components.percentEncodedPassword == nil, components.fragment == nil,
              let host = components.percentEncodedHost?.lowercased() else { return nil }
        let allowed = allowedHosts.contains { allowed in
            switch allowed {
            case .amazonSNS: (components.port == nil || components.port == 443) && Self.isAmazonSNSHost(host)
            case .exact(let name, let port): host == name.lowercased() && components.port == port
            }
        }
        return allowed ? components : nil
    }

    /// `sns.<region>.amazonaws.com[.cn]`, the region being letters, digits and dashes.
    static func isAmazonSNSHost(_ host: String) -> Bool {
        guard host.hasPrefix("sns.") else { return false }
        var rest = host.dropFirst(4)
        if rest.hasSuffix(".amazonaws.com.cn") {
            rest = rest.dropLast(17)
        } else if rest.hasSuffix(".amazonaws.com") {
            rest = rest.dropLast(14)
        } else {
            return false
        }
        return rest.count >= 3 && rest.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }
}
