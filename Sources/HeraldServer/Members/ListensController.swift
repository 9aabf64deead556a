import Foundation
import HeraldCore
import HeraldStore
import Hummingbird

/// Herald's API for members' listens (subscriptions to happenings). Authenticated like v2, with the service's API key.
///
/// `POST /herald/v1/members/{member_id}/listens` `{"event_type": "forums.post.*", "scope": "post-123"}` subscribes
/// (201 when new, 200 with the existing listen when the member already has it); `GET` on the same path lists them;
/// `DELETE /herald/v1/members/{member_id}/listens/{listen_id}` removes one; `DELETE /herald/v1/listens?scope=post-123`
/// (and/or `event_type=…`, `member_id=…`) removes every matching listen, as when the post is deleted.
struct ListensController {
    let store: HeraldStore

    func addRoutes(to group: RouterGroup<HeraldRequestContext>) {
        group.post("members/:member_id/listens", use: create)
        group.get("members/:member_id/listens", use: list)
        group.delete("members/:member_id/listens/:listen_id", use: remove)
        group.delete("listens", use: removeMatching)
    }

    @Sendable func create(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        let auth = try context.requireAuth()
        var request = request
        let body = try await request.jsonObjectBody(upTo: 64 * 1024)
        let listen = try ListenJSON.listen(body, serviceId: auth.service.id, memberId: try context.memberId())
        guard let stored = try await store.createListen(listen) else { throw NotifyError.noResult }
        return JSONResponse(stored.created ? .created : .ok, ListenJSON.json(stored.listen))
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
        var filter: (memberId: String?, eventType: EventTypePattern?, scope: String?) = (nil, nil, nil)
        for (key, value) in request.uri.queryParameters.map({ (String($0.key), String($0.value)) }) {
            switch key {
            case "member_id": filter.memberId = value
            case "event_type": filter.eventType = try ListenJSON.eventType(value)
            case "scope": filter.scope = try ListenJSON.scope(value)
            default: throw NotifyError.validation(["Additional properties are not allowed (\(key) was unexpected)"])
            }
        }
        guard filter.memberId != nil || filter.eventType != nil || filter.scope != nil else {
            throw NotifyError.validation(["give at least one of scope, event_type and member_id: all of a service's listens are never deleted at once"])
        }
        let deleted = try await store.deleteListens(
            serviceId: auth.service.id, memberId: filter.memberId, eventType: filter.eventType, scope: filter.scope
        )
        return JSONResponse(.ok, ["deleted": .int(deleted)])
    }
}
