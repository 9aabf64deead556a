import Crypto
import Foundation
import HeraldCore
import HeraldStore

/// One-click unsubscribe links (RFC 8058) for Herald's own bulk mail: `{base}unsubscribe/{token}`, where the token
/// is the notification id and an HMAC of it under the installation's secret, so links cannot be guessed or forged
/// and need no table of their own.
public struct UnsubscribeLinks: Sendable {
    /// Herald's public URL, ending in `/`.
    public let baseURL: String
    private let key: SymmetricKey

    public init(baseURL: String, secret: [UInt8]) {
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.key = SymmetricKey(data: secret)
    }

    /// The links of the database `store` uses: one secret for every process.
    public static func load(baseURL: String, store: HeraldStore) async throws -> UnsubscribeLinks {
        UnsubscribeLinks(baseURL: baseURL, secret: try await store.installationSecret(named: "unsubscribe"))
    }

    public func url(for notificationId: UUID) -> String {
        baseURL + "unsubscribe/" + token(for: notificationId)
    }

    func token(for notificationId: UUID) -> String {
        let id = Self.bytes(of: notificationId)
        return Base64URL.encode(id + mac(id))
    }

    /// The notification a token was made for; nil for anything this installation did not sign.
    public func notificationId(fromToken token: String) -> UUID? {
        guard let bytes = Base64URL.decode(Array(token.utf8)), bytes.count == 32 else { return nil }
        let id = Array(bytes[..<16])
        // Compared in constant time: every byte is looked at whatever the first difference.
        let difference = zip(mac(id), bytes[16...]).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) }
        return difference == 0 ? Self.uuid(from: id) : nil
    }

    /// The first 16 bytes of HMAC-SHA256: 128 bits are plenty for a link.
    private func mac(_ id: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: id, using: key).prefix(16))
    }

    private static func bytes(of id: UUID) -> [UInt8] {
        withUnsafeBytes(of: id.uuid) { Array($0) }
    }

    private static func uuid(from bytes: [UInt8]) -> UUID {
        bytes.withUnsafeBytes { UUID(uuid: $0.loadUnaligned(as: uuid_t.self)) }
    }
}
