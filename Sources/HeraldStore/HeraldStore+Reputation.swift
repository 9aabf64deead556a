import Foundation
import HeraldCore
import SQLKit

/// A service's email sending record over a recent window: what SES judges an account by. SES reviews an account
/// whose bounce rate nears 5% or whose complaint rate nears 0.1%, and pauses it above about 10% and 0.5%.
public struct SendingReputation: Sendable, Equatable {
    public var serviceId: UUID
    /// Emails handed to the provider.
    public var sent: Int
    /// Of those, how many bounced permanently.
    public var bounced: Int
    /// Of those, how many drew a complaint.
    public var complained: Int

    public init(serviceId: UUID, sent: Int, bounced: Int, complained: Int) {
        self.serviceId = serviceId
        self.sent = sent
        self.bounced = bounced
        self.complained = complained
    }

    public var bounceRate: Double { sent == 0 ? 0 : Double(bounced) / Double(sent) }
    public var complaintRate: Double { sent == 0 ? 0 : Double(complained) / Double(sent) }
}

extension Collection<SendingReputation> {
    /// Every service together.
    public var overall: (sent: Int, bounceRate: Double, complaintRate: Double) {
        let sent = map(\.sent).reduce(0, +)
        guard sent > 0 else { return (0, 0, 0) }
        return (sent, Double(map(\.bounced).reduce(0, +)) / Double(sent), Double(map(\.complained).reduce(0, +)) / Double(sent))
    }
}

extension HeraldStore {
    /// Each service's email record for the notifications created since `since` (one index range per service, so the
    /// cost follows the window's volume, not the table's); services that sent nothing in the window are left out.
    public func sendingReputation(since: Date, serviceId: UUID? = nil) async throws -> [SendingReputation] {
        try await engine.read { db in
            var services: [String] = []
            if let serviceId {
                services = [serviceId.storageString]
            } else {
                services = try await db.raw("SELECT id FROM services ORDER BY id").all().map { try $0.decode(column: "id", as: String.self) }
            }
            var reputations: [SendingReputation] = []
            for service in services {
                let row = try await db.raw("""
                    SELECT COUNT(*) AS sent,
                           COALESCE(SUM(CASE WHEN status = \(bind: NotificationStatus.permanentFailure.rawValue) THEN 1 ELSE 0 END), 0) AS bounced,
                           COALESCE(SUM(CASE WHEN (facts & \(bind: TrackingFacts.complained.rawValue)) <> 0 THEN 1 ELSE 0 END), 0) AS complained
                    FROM notifications
                    WHERE service_id = \(bind: service) AND created_at >= \(bind: since.microsecondsSinceEpoch)
                      AND channel = \(bind: Channel.email.rawValue) AND sent_at IS NOT NULL
                    """).first()
                guard let row, let id = UUID(storageString: service) else { continue }
                let sent = try row.decode(column: "sent", as: Int.self)
                guard sent > 0 else { continue }
                reputations.append(SendingReputation(
                    serviceId: id, sent: sent, bounced: try row.decode(column: "bounced", as: Int.self),
                    complained: try row.decode(column: "complained", as: Int.self)
                ))
            }
            return reputations
        }
    }
}
