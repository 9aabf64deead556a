import Foundation
import HeraldCore
import HeraldStore
import Hummingbird

/// `GET /herald/v1/reputation`: the calling service's email record over the monitoring window (emails sent, bounced
/// and complained about, and the two rates SES judges an account by).
struct ReputationController {
    let store: HeraldStore
    let window: TimeInterval

    func addRoutes(to group: RouterGroup<HeraldRequestContext>) {
        group.get("reputation", use: show)
    }

    @Sendable func show(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        let auth = try context.requireAuth()
        let since = Date().addingTimeInterval(-window)
        let reputation = try await store.sendingReputation(since: since, serviceId: auth.service.id).first
            ?? SendingReputation(serviceId: auth.service.id, sent: 0, bounced: 0, complained: 0)
        return JSONResponse(.ok, [
            "since": .string(NotifyTimestamp.string(since)),
            "emails_sent": .int(reputation.sent),
            "bounced": .int(reputation.bounced),
            "complained": .int(reputation.complained),
            "bounce_rate": .double(reputation.bounceRate),
            "complaint_rate": .double(reputation.complaintRate),
        ])
    }
}
