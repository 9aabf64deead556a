import Foundation

/// Makes the `Authorization` header value a Notify client would send for an API key string.
public enum ClientToken {
    /// `Bearer <jwt>` for `{name}-{service id}-{secret}` (read from the right, as Notify's clients do).
    public static func bearer(forKey key: String, at date: Date = Date()) -> String? {
        guard key.count >= 73 else { return nil }
        let serviceId = String(key.suffix(73).prefix(36))
        let secret = String(key.suffix(36))
        return "Bearer " + NotifyJWT.sign(issuer: serviceId, secret: secret, issuedAt: Int(date.timeIntervalSince1970))
    }
}
