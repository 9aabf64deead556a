import Foundation

/// A happening waiting for a member's next digest email, in place of an email of its own.
public struct DigestEntry: Sendable, Hashable {
    public var id: UUID
    public var serviceId: UUID
    public var memberId: String
    public var title: String
    public var body: String
    public var url: String?
    public var createdAt: Date

    public init(id: UUID = .random(), serviceId: UUID, memberId: String, title: String, body: String, url: String?, createdAt: Date) {
        self.id = id
        self.serviceId = serviceId
        self.memberId = memberId
        self.title = title
        self.body = body
        self.url = url
        self.createdAt = createdAt
    }
}
