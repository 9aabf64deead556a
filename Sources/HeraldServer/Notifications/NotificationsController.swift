import Foundation
import HTTPTypes
import HeraldCore
import HeraldStore
import Hummingbird
import NIOCore

/// Notify's v2 notification endpoints: send an email or a text message, get one, list.
struct NotificationsController {
    let acceptor: NotificationAcceptor
    let store: HeraldStore
    let sms: SMSSettings
    /// Request bodies larger than this are refused before parsing (a 2 MB email body plus JSON overhead fits).
    static let maxBodyBytes = 4 * 1024 * 1024

    func addRoutes(to group: RouterGroup<HeraldRequestContext>) {
        group.post("notifications/email") { request, context in try await send(.email, request, context: context) }
        group.post("notifications/sms") { request, context in try await send(.sms, request, context: context) }
        group.get("notifications/:id", use: getNotification)
        group.get("notifications", use: listNotifications)
    }

    @Sendable func send(_ channel: HeraldCore.Channel, _ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        let auth = try context.requireAuth()
        var request = request
        let object = try await request.jsonObjectBody(upTo: Self.maxBodyBytes)
        let send = try SendRequest.parse(
            object, channel: channel, idempotencyKey: request.headers[.idempotencyKey], homeCountryCode: sms.homeCountryCode
        )
        let accepted = try await acceptor.accept(send, service: auth.service, key: auth.key, origin: .api)
        let root = Self.root(of: request)
        return JSONResponse(
            accepted.isDuplicate ? .ok : .created,
            channel == .sms
                ? NotificationJSON.smsCreated(accepted, fromNumber: sms.fromNumber, root: root)
                : NotificationJSON.emailCreated(accepted, fromEmail: auth.service.emailFrom, root: root)
        )
    }

    @Sendable func getNotification(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        let auth = try context.requireAuth()
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else {
            throw NotifyError.validation(["notification_id is not a valid UUID"])
        }
        guard let notification = try await store.notification(id: id, serviceId: auth.service.id) else { throw NotifyError.noResult }
        return JSONResponse(.ok, NotificationJSON.notification(notification, root: Self.root(of: request)))
    }

    @Sendable func listNotifications(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        let auth = try context.requireAuth()
        let parameters = request.uri.queryParameters.map { (key: String($0.key), value: String($0.value)) }
        let query = try NotificationListQuery(parameters)
        let page = try await store.notifications(NotificationFilter(
            serviceId: auth.service.id, keyType: auth.key.type, statuses: query.statuses, channels: query.channels,
            reference: query.reference, olderThan: query.olderThan, includeJobs: query.includeJobs
        ))
        let root = Self.root(of: request)
        let current = "\(root)v2/notifications" + (request.uri.query.map { "?\($0)" } ?? "")
        var links: [(String, JSONValue)] = [("current", .string(current))]
        if let last = page.last {
            var items = parameters.filter { $0.key != "older_than" }.map { "\($0.key)=\(Self.escape($0.value))" }
            items.append("older_than=\(last.id.storageString)")
            links.append(("next", .string("\(root)v2/notifications?\(items.joined(separator: "&"))")))
        }
        return JSONResponse(.ok, [
            "notifications": .array(page.map { NotificationJSON.notification($0, root: root) }),
            "links": .object(links),
        ])
    }

    /// The base URL clients reached Herald at, with a trailing slash.
    static func root(of request: Request) -> String {
        let host = request.head.authority ?? "localhost"
        let scheme = request.headers[.xForwardedProto] ?? "http"
        return "\(scheme)://\(host)/"
    }

    private static func escape(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+"))) ?? value
    }
}

extension HTTPField.Name {
    /// Herald's addition to Notify's API: the same key from the same service returns the first notification.
    static let idempotencyKey = Self("Idempotency-Key")!
    static let xForwardedProto = Self("X-Forwarded-Proto")!
}
