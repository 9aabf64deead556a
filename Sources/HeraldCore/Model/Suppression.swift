import Foundation

/// An address a service no longer sends to: it bounced permanently, complained, or was added by hand; or one that
/// unsubscribed from the service's bulk mail. Notifications to it fail permanently at send time, with the
/// suppression as their reason (for an unsubscribe, only bulk notifications).
public struct Suppression: Sendable, Hashable {
    /// Why the address is suppressed.
    public enum Reason: String, Sendable, Hashable {
        case bounce, complaint, manual
        /// The recipient used a one-click unsubscribe link: bulk mail stops, transactional mail still goes.
        case unsubscribe

        /// Whether it stops a notification from `origin`.
        public func blocks(_ origin: NotificationOrigin) -> Bool {
            self != .unsubscribe || origin == .job
        }
    }

    public var serviceId: UUID
    /// Lowercased.
    public var address: String
    public var reason: Reason
    /// What caused it: the provider message id of the bounce or complaint, or who added it by hand.
    public var source: String?
    public var createdAt: Date

    public init(serviceId: UUID, address: String, reason: Reason, source: String? = nil, createdAt: Date = Date()) {
        self.serviceId = serviceId
        self.address = address.lowercased()
        self.reason = reason
        self.source = source
        self.createdAt = createdAt
    }
}
