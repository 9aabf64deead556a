import Foundation
import HeraldCore
import HeraldStore
import Hummingbird

/// Herald's API for member notifications (the five kinds; see ``MemberNotificationJSON`` for the body).
/// `POST /herald/v1/member-notifications` fans one out and answers 201 with how far it reached: the in-app items
/// created, and per channel asked for how many members it went to and why the others did not get it. A repeat of a
/// call with the same `Idempotency-Key` header sends nothing and gets the first call's answer.
struct MemberNotificationsController {
    let notifier: MemberNotifier

    func addRoutes(to group: RouterGroup<HeraldRequestContext>) {
        group.post("member-notifications", use: send)
    }

    @Sendable func send(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        let auth = try context.requireAuth()
        let serviceId = auth.service.id
        let key = request.headers[.idempotencyKey]
        if let key, let earlier = try await notifier.store.idempotentReply(serviceId: serviceId, route: Self.route, key: key) {
            return try Self.repeated(earlier)
        }
        var request = request
        let body = try await request.jsonObjectBody(upTo: 1024 * 1024)
        let notification = try MemberNotificationJSON.notification(body, serviceId: serviceId, now: Date())
        let reply = key.map { key in
            { @Sendable (report: FanOutReport) in
                IdempotentReply(
                    serviceId: serviceId, route: Self.route, key: key,
                    body: String(decoding: MemberNotificationJSON.json(report, id: notification.id).encoded(), as: UTF8.self)
                )
            }
        }
        do {
            let report = try await notifier.send(notification, service: auth.service, reply: reply)
            return JSONResponse(.created, MemberNotificationJSON.json(report, id: notification.id))
        } catch let used as IdempotencyKeyUsed {
            return try Self.repeated(used.earlierReply)
        }
    }

    /// The route's name in stored idempotent replies.
    static let route = "member-notifications"

    /// The answer to a repeat of a call made with the same `Idempotency-Key`: the first call's answer, unchanged.
    private static func repeated(_ earlierReply: String) throws -> JSONResponse {
        JSONResponse(.created, try JSONValue(parsing: Array(earlierReply.utf8)))
    }
}
