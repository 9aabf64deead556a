import Crypto
import Foundation

/// A JSON Web Token as GOV.UK Notify's clients send it: HS256, claims `iss` (the service id) and `iat`.
struct NotifyJWT {
    let issuer: String
    let issuedAt: Int?
    private let signingInput: Data
    private let signature: Data

    /// Splits and decodes a compact JWT without verifying it; nil when it is not a well-formed HS256 JWT.
    init?(_ token: String) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
            let headerData = Self.base64URLDecode(parts[0]),
            let header = try? JSONSerialization.jsonObject(with: headerData) as? [String: Any],
            (header["alg"] as? String) == "HS256",
            let payloadData = Self.base64URLDecode(parts[1]),
            let payload = try? JSONSerialization.jsonObject(with: payloadData) as? [String: Any],
            let signature = Self.base64URLDecode(parts[2])
        else { return nil }
        self.issuer = (payload["iss"] as? String) ?? ""
        self.issuedAt = (payload["iat"] as? NSNumber)?.intValue
        self.signingInput = Data("\(parts[0]).\(parts[1])".utf8)
        self.signature = signature
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
