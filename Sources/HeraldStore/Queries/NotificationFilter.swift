import Foundation
import HeraldCore

/// Which of a service's notifications to list (the filters of Notify's `GET /v2/notifications`).
public struct NotificationFilter: Sendable {
    public var serviceId: UUID
    /// Only notifications sent with this key type (Notify shows test sends to test keys only); nil for all.
    public var keyType: KeyType?
    public var statuses: [NotificationStatus]
    public var channels: [Channel]
    public var reference: String?
    /// Only notifications sent in this batch.
    public var batchId: String?
    /// Exclusive: only notifications older than this one.
    public var olderThan: UUID?
    public var includeJobs: Bool
    public var limit: Int

    public init(
        serviceId: UUID,
        keyType: KeyType? = nil,
        statuses: [NotificationStatus] = [],
        channels: [Channel] = [],
        reference: String? = nil,
        batchId: String? = nil,
        olderThan: UUID? = nil,
        includeJobs: Bool = false,
        limit: Int = 250
    ) {
        self.serviceId = serviceId
        self.keyType = keyType
        self.statuses = statuses
        self.channels = channels
        self.reference = reference
        self.batchId = batchId
        self.olderThan = olderThan
        self.includeJobs = includeJobs
        self.limit = limit
    }
}
