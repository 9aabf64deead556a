import Synchronization

/// Derived SigV4 signing keys (four HMACs each), kept per access key, day, region and service: a key is valid for
/// the whole UTC day, so a client signing thousands of requests derives it once. Bounded: cleared when full.
public final class SigningKeyCache: Sendable {
    private let keys = Mutex<[String: [UInt8]]>([:])

    public init() {}

    func key(for scope: String, derive: () -> [UInt8]) -> [UInt8] {
        if let known = keys.withLock({ $0[scope] }) { return known }
        let derived = derive()
        keys.withLock { keys in
            if keys.count >= 64 { keys.removeAll() }
            keys[scope] = derived
        }
        return derived
    }
}
