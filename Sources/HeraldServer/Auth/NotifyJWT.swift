import Crypto
import Foundation
import Synchronization

/// A JSON Web Token as GOV.UK Notify's clients send it: HS256, claims `iss` (the service id) and `iat`.
struct NotifyJWT {
    let issuer: String
    let issuedAt: Int?
    private let signingInput: Data
    private let signature: Data

    /// Splits and decodes a compact JWT without verifying it; nil when it is not a well-formed HS256 JWT.
    /// `claimsCache` remembers what a header and payload decode to (a client sends the same ones all through a second);
    /// the signature is still checked on every request.
    init?(_ token: String, claimsCache: ClaimsCache? = nil) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let signature = Self.base64URLDecode(parts[2]) else { return nil }
        let signingInput = "\(parts[0]).\(parts[1])"
        let claims: Claims
        if let cached = claimsCache?.claims(for: signingInput) {
            claims = cached
        } else {
            guard let decoded = Self.decodeClaims(header: parts[0], payload: parts[1]) else { return nil }
            claimsCache?.remember(decoded, for: signingInput)
            claims = decoded
        }
        self.issuer = claims.issuer
        self.issuedAt = claims.issuedAt
        self.signingInput = Data(signingInput.utf8)
        self.signature = signature
    }

    /// The claims Herald reads, from an HS256 token's header and payload.
    struct Claims: Sendable {
        let issuer: String
        let issuedAt: Int?
    }

    private static func decodeClaims(header: Substring, payload: Substring) -> Claims? {
        guard let headerData = base64URLDecode(header),
            let headerObject = try? JSONSerialization.jsonObject(with: headerData) as? [String: Any],
            (headerObject["alg"] as? String) == "HS256",
            let payloadData = base64URLDecode(payload),
            let payloadObject = try? JSONSerialization.jsonObject(with: payloadData) as? [String: Any]
        else { return nil }
        return Claims(issuer: (payloadObject["iss"] as? String) ?? "", issuedAt: (payloadObject["iat"] as? NSNumber)?.intValue)
    }

    /// True when the token was signed with `secret` (compared in constant time).
    func isSigned(with secret: String) -> Bool {
        HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: signingInput, using: SymmetricKey(data: Data(secret.utf8)))
    }

    /// Signs claims the way Notify's clients do; used by Herald's own client commands and benchmarks.
    static func sign(issuer: String, secret: String, issuedAt: Int = Int(Date().timeIntervalSince1970)) -> String {
        let header = base64URLEncode(Data(#"{"typ":"JWT","alg":"HS256"}"#.utf8))
        let payload = base64URLEncode(Data(#"{"iss":"\#(issuer)","iat":\#(issuedAt)}"#.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(header).\(payload)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return "\(header).\(payload).\(base64URLEncode(Data(mac)))"
    }

    static func base64URLDecode(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }

    static func base64URLEncode(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// Decoded claims of recently seen tokens, keyed by the exact header.payload text; bounded, cleared when full.
final class ClaimsCache: Sendable {
    private let entries = Mutex<[String: NotifyJWT.Claims]>([:])
    private let capacity: Int

    init(capacity: Int = 10_000) {
        self.capacity = capacity
    }

    func claims(for signingInput: String) -> NotifyJWT.Claims? {
        entries.withLock { $0[signingInput] }
    }

    func remember(_ claims: NotifyJWT.Claims, for signingInput: String) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[signingInput] = claims
        }
    }
}
