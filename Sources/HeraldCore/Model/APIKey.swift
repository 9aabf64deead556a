import Foundation

/// A service's API key. Clients sign JWTs with `secret`; the whole key string is `{name}-{service id}-{secret}`.
public struct APIKey: Sendable, Hashable, Codable {
    public var id: UUID
    public var serviceId: UUID
    public var name: String
    /// A UUID in canonical lowercase form, as Notify creates it; also the HMAC key for the client's JWTs.
    public var secret: String
    public var type: KeyType
    public var createdAt: Date
    public var revokedAt: Date?

    public init(
        id: UUID = UUID(),
        serviceId: UUID,
        name: String,
        secret: String = UUID().uuidString.lowercased(),
        type: KeyType,
        createdAt: Date = Date(),
        revokedAt: Date? = nil
    ) {
        self.id = id
        self.serviceId = serviceId
        self.name = name
        self.secret = secret
        self.type = type
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    /// The string a Notify client is configured with: `{name}-{service id}-{secret}`.
    public var keyString: String {
        "\(name)-\(serviceId.uuidString.lowercased())-\(secret)"
    }
}
