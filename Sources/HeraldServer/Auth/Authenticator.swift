import Foundation
import HTTPTypes
import HeraldCore
import HeraldStore
import Synchronization

/// The key a request was authenticated with.
public struct AuthenticatedKey: Sendable {
    public var service: Service
    public var key: APIKey
}

/// Checks `Authorization: Bearer <jwt>` exactly as GOV.UK Notify does, with Notify's error messages.
///
/// A service's keys are cached for a few seconds so that checking a JWT on every request costs one HMAC, not a
/// database round trip; revoking a key therefore takes effect within `cacheLifetime`.
public final class Authenticator: Sendable {
    private let store: HeraldStore
    private let cacheLifetime: TimeInterval
    private let clockSkew: TimeInterval = 30
    private let revokedKeyGrace: TimeInterval = 7 * 24 * 3600
    private let cache = Mutex<[UUID: (loaded: Date, service: Service?, keys: [(APIKey, JWTSigningKey)])]>([:])
    private let claimsCache = ClaimsCache()

    public init(store: HeraldStore, cacheLifetime: TimeInterval = 5) {
        self.store = store
        self.cacheLifetime = cacheLifetime
    }

    public func authenticate(authorization: String?, now: Date = Date()) async throws(NotifyError) -> AuthenticatedKey {
        guard let authorization, !authorization.isEmpty else {
            throw .auth(.unauthorized, "Unauthorized: authentication token must be provided")
        }
        guard authorization.utf8.count > 7, authorization.prefix(7).lowercased() == "bearer " else {
            throw .auth(.unauthorized, "Unauthorized: authentication bearer scheme must be used")
        }
        var token = authorization.dropFirst(7)
        while token.first == " " { token = token.dropFirst() }
        while token.last == " " { token = token.dropLast() }
        guard let jwt = NotifyJWT(token, claimsCache: claimsCache) else {
            throw .auth(
                .forbidden,
                "Invalid token: make sure your API token matches the example at https://docs.notifications.service.gov.uk/rest-api.html#authorisation-header"
            )
        }
        guard !jwt.issuer.isEmpty else { throw .auth(.forbidden, "Invalid token: iss field not provided") }
        guard let serviceId = UUID(uuidString: jwt.issuer) else {
            throw .auth(.forbidden, "Invalid token: service id is not the right data type")
        }
        let (service, keys) = try await serviceAndKeys(serviceId, now: now)
        guard let service else { throw .auth(.forbidden, "Invalid token: service not found") }
        guard !keys.isEmpty else { throw .auth(.forbidden, "Invalid token: service has no API keys") }
        guard service.active else { throw .auth(.forbidden, "Invalid token: service is archived") }
        let candidates = keys.filter { key, _ in key.revokedAt.map { now.timeIntervalSince($0) < revokedKeyGrace } ?? true }
        guard let key = candidates.first(where: { jwt.isSigned(with: $0.1) })?.0 else {
            throw .auth(.forbidden, "Invalid token: API key not found")
        }
        guard let issuedAt = jwt.issuedAt, abs(now.timeIntervalSince1970 - Double(issuedAt)) <= clockSkew else {
            throw .auth(.forbidden, "Error: Your system clock must be accurate to within 30 seconds")
        }
        guard key.revokedAt == nil else { throw .auth(.forbidden, "Invalid token: API key revoked") }
        return AuthenticatedKey(service: service, key: key)
    }

    private func serviceAndKeys(_ id: UUID, now: Date) async throws(NotifyError) -> (Service?, [(APIKey, JWTSigningKey)]) {
        if let cached = cache.withLock({ $0[id] }), now.timeIntervalSince(cached.loaded) < cacheLifetime {
            return (cached.service, cached.keys)
        }
        do {
            let service = try await store.service(id: id)
            let keys = service == nil ? [] : try await store.apiKeys(serviceId: id).map { ($0, JWTSigningKey(secret: $0.secret)) }
            cache.withLock { $0[id] = (now, service, keys) }
            return (service, keys)
        } catch {
            throw NotifyError(.internalServerError, "Exception", "Internal server error")
        }
    }
}
