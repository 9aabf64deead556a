import Foundation

/// A tenant: one organisation or application sending through Herald, with its own keys and templates.
public struct Service: Sendable, Hashable, Codable {
    public var id: UUID
    public var name: String
    public var active: Bool
    /// The address notifications are sent from (`From:`), e.g. `noreply@example.org`.
    public var emailFrom: String
    public var createdAt: Date

    public init(id: UUID = UUID(), name: String, active: Bool = true, emailFrom: String, createdAt: Date = Date()) {
        self.id = id
        self.name = name
        self.active = active
        self.emailFrom = emailFrom
        self.createdAt = createdAt
    }
}
