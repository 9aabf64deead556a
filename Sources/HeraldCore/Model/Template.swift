import Foundation

/// One version of a template. Editing a template adds a version; notifications remember which one they used.
public struct Template: Sendable, Hashable, Codable {
    public var id: UUID
    public var version: Int
    public var serviceId: UUID
    public var channel: Channel
    public var name: String
    /// Subject line with `((placeholders))`; email and letter only.
    public var subject: String?
    /// Body with `((placeholders))`.
    public var body: String
    public var archived: Bool
    public var createdAt: Date

    public init(
        id: UUID = UUID(),
        version: Int = 1,
        serviceId: UUID,
        channel: Channel,
        name: String,
        subject: String?,
        body: String,
        archived: Bool = false,
        createdAt: Date = Date()
    ) {
        self.id = id
        self.version = version
        self.serviceId = serviceId
        self.channel = channel
        self.name = name
        self.subject = subject
        self.body = body
        self.archived = archived
        self.createdAt = createdAt
    }
}
