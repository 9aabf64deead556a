import Foundation

/// A person on a members' platform whom a service notifies, known by the platform's own member id: where to reach
/// them and whether they may be reached at all (an inactive member gets nothing, but keeps their history).
public struct Member: Sendable, Hashable {
    public var serviceId: UUID
    /// The platform's own id for the member (any text up to ``maximumIdLength`` bytes).
    public var id: String
    public var name: String?
    /// A validated email address (``EmailAddress/value``).
    public var email: String?
    /// A validated mobile number in E.164 form (``PhoneNumber/e164``).
    public var phone: String?
    /// An IANA time zone name (`Europe/London`); nil for the service's default.
    public var timeZone: String?
    public var active: Bool
    public var createdAt: Date
    public var updatedAt: Date

    /// Where a message on `channel` reaches the member: their phone for SMS, their email otherwise.
    public func address(for channel: Channel) -> String? {
        channel == .sms ? phone : email
    }

    /// The longest member id accepted, in bytes.
    public static let maximumIdLength = 255

    public init(
        serviceId: UUID, id: String, name: String? = nil, email: String? = nil, phone: String? = nil, timeZone: String? = nil,
        active: Bool = true, createdAt: Date = Date(), updatedAt: Date? = nil
    ) {
        self.serviceId = serviceId
        self.id = id
        self.name = name
        self.email = email
        self.phone = phone
        self.timeZone = timeZone
        self.active = active
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}
