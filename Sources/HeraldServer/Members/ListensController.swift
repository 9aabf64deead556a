import Foundation
import HeraldCore
import HeraldStore
import Hummingbird

/// Herald's API for members' listens (subscriptions to happenings). Authenticated like v2, with the service's API key.
///
/// `POST /herald/v1/members/{member_id}/listens` `{"event_type": "forums.post.*", "scope": "post-123"}` subscribes
/// (201 when new, 200 with the existing listen when the member already has it); `GET` on the same path lists them;
/// `DELETE /herald/v1/members/{member_id}/listens/{listen_id}` removes one. `POST /herald/v1/listens`
/// `{"listens": [{"member_id": …, "event_type": …, "scope": …}]}` subscribes up to 50,000 at once and answers
/// `{"created": n, "unchanged": m}` (unchanged: the member had it already, or the service has no such member);
/// `DELETE /herald/v1/listens?scope=post-123` (and/or `event_type=…`, `member_id=…`) removes every listen with all
/// of those, as when the post is deleted, and answers `{"deleted": n}`.
struct ListensController {
    /// The most listens one bulk `POST` may carry.
    static let maximumListensPerCall = 50_000

    let store: HeraldStore

    func addRoutes(to group: RouterGroup<HeraldRequestContext>) {
        group.post("members/:member_id/listens", use: create)
        group.get("members/:member_id/listens", use: list)
        group.delete("members/:member_id/listens/:listen_id", use: remove)
        group.post("listens", use: createMany)
        group.delete("listens", use: removeMatching)
    }

    @Sendable func create(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        let auth = try context.requireAuth()
        var request = request
        let body = try await request.jsonObjectBody(upTo: 64 * 1024)
        var problems: [String] = []
        let listen = ListenJSON.listen(body, field: "", serviceId: auth.service.id, memberId: try context.memberId(), problems: &problems)
        guard let listen else { throw NotifyError.validation(problems) }
        guard let stored = try await store.createListen(listen) else { throw NotifyError.noResult }
        return JSONResponse(stored.created ? .created : .ok, ListenJSON.json(stored.listen))
    }

    @Sendable func createMany(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        let auth = try context.requireAuth()
        var request = request
        let body = try await request.jsonObjectBody(upTo: 64 * 1024 * 1024)
        let listens = try body.bulkItems("listens", maximum: Self.maximumListensPerCall) { item, field, problems in
            ListenJSON.listen(item, field: field, serviceId: auth.service.id, memberId: nil, problems: &problems)
        }
        let created = try await store.createListens(listens)
        return JSONResponse(.ok, ["created": .int(created), "unchanged": .int(listens.count - created)])
    }

    @Sendable func list(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        let auth = try context.requireAuth()
        let memberId = try context.memberId()
        guard try await store.member(serviceId: auth.service.id, id: memberId) != nil else { throw NotifyError.noResult }
        let listens = try await store.listens(serviceId: auth.service.id, memberId: memberId)
        return JSONResponse(.ok, ["listens": .array(listens.map(ListenJSON.json))])
    }

    @Sendable func remove(_ request: Request, context: HeraldRequestContext) async throws -> Response {
        let auth = try context.requireAuth()
        guard let id = context.parameters.get("listen_id").flatMap(UUID.init(uuidString:)) else {
            throw NotifyError.validation(["listen_id is not a valid UUID"])
        }
        guard try await store.deleteListen(serviceId: auth.service.id, memberId: try context.memberId(), id: id) else { throw NotifyError.noResult }
        return Response(status: .noContent)
    }

    @Sendable func removeMatching(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        let auth = try context.requireAuth()
        var problems: [String] = []
        var (memberId, eventType, scope): (String?, EventTypePattern?, String?) = (nil, nil, nil)
        for (key, value) in request.uri.queryParameters.map({ (String($0.key), String($0.value)) }) {
            switch key {
            case "member_id": memberId = value
            case "event_type": eventType = ListenJSON.eventType(value, in: "", problems: &problems)
            case "scope": scope = ListenJSON.scope(value, in: "", problems: &problems)
            default: problems.append("Additional properties are not allowed (\(key) was unexpected)")
            }
        }
        if problems.isEmpty, memberId == nil, eventType == nil, scope == nil {
            problems.append("give at least one of scope, event_type and member_id: a service's listens are never all deleted at once")
        }
        guard problems.isEmpty else { throw NotifyError.validation(problems) }
        let deleted = try await store.deleteListens(serviceId: auth.service.id, memberId: memberId, eventType: eventType, scope: scope)
        return JSONResponse(.ok, ["deleted": .int(deleted)])
    }
}
