import Foundation
import HeraldCore
import HeraldStore
import Hummingbird

/// Herald's API for member notifications (the five kinds; see ``MemberNotificationJSON`` for the body).
/// `POST /herald/v1/member-notifications` fans one out and answers 201 with how far it reached: the in-app items
/// created, and per channel asked for how many members it went to and why the others did not get it.
struct MemberNotificationsController {
    let notifier: MemberNotifier

    func addRoutes(to group: RouterGroup<HeraldRequestContext>) {
        group.post("member-notifications", use: send)
    }

    @Sendable func send(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        let auth = try context.requireAuth()
        var request = request
        let body = try await request.jsonObjectBody(upTo: 1024 * 1024)
        let notification = try MemberNotificationJSON.notification(body, serviceId: auth.service.id, now: Date())
        let report = try await notifier.send(notification, service: auth.service)
        return JSONResponse(.created, MemberNotificationJSON.json(report, id: notification.id))
    }
}
