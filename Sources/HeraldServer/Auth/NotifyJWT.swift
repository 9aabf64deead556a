import Crypto
import Foundation
import HeraldCore
import Synchronization

/// A JSON Web Token as GOV.UK Notify's clients send it: HS256, claims `iss` (the service id) and `iat`.
///
/// Read on bytes: the token is checked on every API request, so it is split, base64url-decoded and (through
/// ``ClaimsCache``) JSON-decoded without Foundation's string bridging.
struct NotifyJWT {
    let issuer: String
    let issuedAt: Int?
    private let signingInput: Substring.UTF8View
    private let signature: [UInt8]

    /// Splits and decodes a compact JWT without verifying it; nil when it is not a well-formed HS256 JWT.
    /// `claimsCache` remembers what a header and payload decode to (a client sends the same ones all through a second);
    /// the signature is still checked on every request.
    init?(_ token: Substring, claimsCache: ClaimsCache? = nil) {
        let bytes = token.utf8
        guard let firstDot = bytes.firstIndex(of: UInt8(ascii: ".")),
            let secondDot = bytes[bytes.index(after: firstDot)...].firstIndex(of: UInt8(ascii: ".")),
            let signature = Base64URL.decode(bytes[bytes.index(after: secondDot)...])
        else { return nil }
        let signingInput = token[..<secondDot]
        let claims: Claims
        if let cached = claimsCache?.claims(for: signingInput) {
            claims = cached
        } else {
            guard let decoded = Self.decodeClaims(header: bytes[..<firstDot], payload: bytes[bytes.index(after: firstDot)..<secondDot])
            else { return nil }
            claimsCache?.remember(decoded, for: signingInput)
            claims = decoded
        }
        self.issuer = claims.issuer
        self.issuedAt = claims.issuedAt
        self.signingInput = signingInput.utf8
        self.signature = signature
    }

    /// The claims Herald reads, from an HS256 token's header and payload.
    struct Claims: Sendable {
        let issuer: String
        let issuedAt: Int?
    }

    private static func decodeClaims(header: Substring.UTF8View.SubSequence, payload: Substring.UTF8View.SubSequence) -> Claims? {
        guard let headerBytes = Base64URL.decode(header), let headerObject = try? JSONValue(parsing: headerBytes),
            headerObject["alg"]?.stringValue == "HS256",
            let payloadBytes = Base64URL.decode(payload), let payload = try? JSONValue(parsing: payloadBytes),
            case .object = payload
        else { return nil }
        let issuedAt: Int? = switch payload["iat"] {
        case .int(let seconds)?: seconds
        case .double(let seconds)? where seconds.isFinite && abs(seconds) < 1e15: Int(seconds)
        default: nil
        }
        return Claims(issuer: payload["iss"]?.stringValue ?? "", issuedAt: issuedAt)
    }

    /// True when the token was signed with `key` (compared in constant time).
    func isSigned(with key: JWTSigningKey) -> Bool {
        key.code(for: signingInput) == signature
    }

    /// Signs claims the way Notify's clients do; used by Herald's own client commands and benchmarks.
    static func sign(issuer: String, secret: String, issuedAt: Int = Int(Date().timeIntervalSince1970)) -> String {
        let header = Base64URL.encode(Array(#"{"typ":"JWT","alg":"HS256"}"#.utf8))
        let payload = Base64URL.encode(Array(#"{"iss":"\#(issuer)","iat":\#(issuedAt)}"#.utf8))
        let signingInput = "\(header).\(payload)"
        return "\(signingInput).\(Base64URL.encode(Array(JWTSigningKey(secret: secret).code(for: signingInput.utf8))))"
    }
}

/// An API key's secret ready for HS256: the HMAC state after the key is absorbed, copied for each token.
struct JWTSigningKey: Sendable {
    private let initial: HMAC<SHA256>

    init(secret: String) {
        initial = HMAC<SHA256>(key: SymmetricKey(data: Array(secret.utf8)))
    }

    func code(for message: some Sequence<UInt8>) -> HMAC<SHA256>.MAC {
        var hmac = initial
        let bytes = Array(message)
        hmac.update(data: bytes)
        return hmac.finalize()
    }
}

/// Decoded claims of recently seen tokens, keyed by the exact header.payload text; bounded, cleared when full.
final class ClaimsCache: Sendable {
    private let entries = Mutex<[Substring: NotifyJWT.Claims]>([:])
    private let capacity: Int

    init(capacity: Int = 10_000) {
        self.capacity = capacity
    }

    func claims(for signingInput: Substring) -> NotifyJWT.Claims? {
        entries.withLock { $0[signingInput] }
    }

    func remember(_ claims: NotifyJWT.Claims, for signingInput: Substring) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[signingInput] = claims
        }
    }
}
