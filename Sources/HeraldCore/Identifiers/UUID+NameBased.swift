import Crypto
import Foundation

extension UUID {
    /// A UUID derived from `name` alone (the version 5 layout, with SHA-256 in place of SHA-1): the same name always
    /// gives the same id, so an id Herald makes up for something (a complaint, a built-in template) needs no table.
    public init(nameBased name: String) {
        var bytes = Array(SHA256.hash(data: Array(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        self = bytes.withUnsafeBytes { UUID(uuid: $0.loadUnaligned(as: uuid_t.self)) }
    }
}
