import Foundation
import HeraldCore
import HeraldStore
import Hummingbird

/// Herald's API for members' in-app inboxes. Authenticated like v2, with the service's API key.
///
/// `GET /herald/v1/members/{member_id}/inbox?limit=50&older_than={item_id}&unread=true` pages through a member's
/// unexpired items newest first and answers `{"items": […], "unread_count": n, "links": {"current": …, "next": …}}`;
/// `GET …/inbox/unread-count` answers `{"unread_count": n}`; `POST …/inbox/{id}/acknowledge` marks one item read
/// (the first time stays) and answers the item; `POST …/inbox/acknowledge` marks them all and answers
/// `{"acknowledged": n}`; `GET …/inbox/stream` is the live stream (``InboxEventStream``). An unknown member or item
/// is 404.
struct InboxController {
    let store: HeraldStore

    func addRoutes(to group: RouterGroup<HeraldRequestContext>) {
        group.get("members/:member_id/inbox", use: list)
        group.get("members/:member_id/inbox/unread-count", use: unreadCount)
        group.post("members/:member_id/inbox/acknowledge", use: acknowledgeAll)
        group.post("members/:member_id/inbox/:id/acknowledge", use: acknowledge)
        group.get("members/:member_id/inbox/stream", use: stream)
    }

    @Sendable func list(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        let query = try InboxPageQuery(request.uri.queryParameters.map { (key: String($0.key), value: String($0.value)) })
        let (serviceId, memberId) = try await member(of: context)
        let page = try await store.inboxItems(
            serviceId: serviceId, memberId: memberId, olderThan: query.olderThan, unreadOnly: query.unreadOnly, limit: query.limit
        )
        let unread = try await store.unreadInboxCount(serviceId: serviceId, memberId: memberId)
        let path = "\(NotificationsController.root(of: request))herald/v1/members/\(Self.escape(memberId))/inbox?"
        var links: [(String, JSONValue)] = [("current", .string(path + query.query(olderThan: query.olderThan)))]
        if page.count == query.limit, let last = page.last {
            links.append(("next", .string(path + query.query(olderThan: last.id))))
        }
        return JSONResponse(.ok, [
            "items": .array(page.map(InboxItemJSON.json)), "unread_count": .int(unread), "links": .object(links),
        ])
    }

    @Sendable func unreadCount(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        let (serviceId, memberId) = try await member(of: context)
        return JSONResponse(.ok, ["unread_count": .int(try await store.unreadInboxCount(serviceId: serviceId, memberId: memberId))])
    }

    @Sendable func acknowledge(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else {
            throw NotifyError.validation(["id is not a valid UUID"])
        }
        let (serviceId, memberId) = try await member(of: context)
        guard let item = try await store.acknowledgeInboxItem(serviceId: serviceId, memberId: memberId, id: id) else { throw NotifyError.noResult }
        return JSONResponse(.ok, InboxItemJSON.json(item))
    }

    @Sendable func acknowledgeAll(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        let (serviceId, memberId) = try await member(of: context)
        return JSONResponse(.ok, ["acknowledged": .int(try await store.acknowledgeInbox(serviceId: serviceId, memberId: memberId))])
    }

    @Sendable func stream(_ request: Request, context: HeraldRequestContext) async throws -> Response {
        let (serviceId, memberId) = try await member(of: context)
        return InboxEventStream(store: store, serviceId: serviceId, memberId: memberId).response(to: request)
    }

    /// The authenticated service and the route's member, which must be one of the service's (404 otherwise).
    func member(of context: HeraldRequestContext) async throws -> (serviceId: UUID, memberId: String) {
        let serviceId = try context.requireAuth().service.id
        let memberId = try context.memberId()
        guard try await store.member(serviceId: serviceId, id: memberId) != nil else { throw NotifyError.noResult }
        return (serviceId, memberId)
    }

    private static func escape(_ memberId: String) -> String {
        memberId.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? memberId
    }
}
