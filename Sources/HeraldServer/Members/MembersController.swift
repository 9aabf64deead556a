import Foundation
import HeraldCore
import HeraldStore
import Hummingbird

/// Herald's API for a service's members, known by the platform's own member ids. Authenticated like v2, with the
/// service's API key.
///
/// `PUT /herald/v1/members` `{"members": [...]}` creates or updates up to 50,000 members in one call and answers
/// `{"created": n, "updated": m}`; `GET /herald/v1/members/{member_id}` shows one; `GET /herald/v1/members?after=…&page_size=…`
/// pages through them in member id order; `DELETE /herald/v1/members/{member_id}` deactivates one (nothing reaches an
/// inactive member; a later `PUT` with `"active": true` brings them back).
struct MembersController {
    /// The most members one `PUT` may carry.
    static let maximumMembersPerCall = 50_000

    let store: HeraldStore
    let sms: SMSSettings

    func addRoutes(to group: RouterGroup<HeraldRequestContext>) {
        group.put("members", use: upsert)
        group.get("members", use: list)
        group.get("members/:member_id", use: show)
        group.delete("members/:member_id", use: deactivate)
    }

    @Sendable func upsert(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        let auth = try context.requireAuth()
        var request = request
        let body = try await request.jsonObjectBody(upTo: 64 * 1024 * 1024)
        let now = Date()
        let members = try body.bulkItems("members", maximum: Self.maximumMembersPerCall) { item, field, problems in
            MemberJSON.member(item, field: field, serviceId: auth.service.id, now: now, homeCountryCode: sms.homeCountryCode, problems: &problems)
        }
        let counts = try await store.upsertMembers(members)
        return JSONResponse(.ok, ["created": .int(counts.created), "updated": .int(counts.updated)])
    }

    @Sendable func show(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        let auth = try context.requireAuth()
        guard let member = try await store.member(serviceId: auth.service.id, id: try context.memberId()) else { throw NotifyError.noResult }
        return JSONResponse(.ok, MemberJSON.json(member))
    }

    @Sendable func list(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        let auth = try context.requireAuth()
        let query = try MemberPageQuery(request.uri.queryParameters.map { (key: String($0.key), value: String($0.value)) })
        let page = try await store.members(serviceId: auth.service.id, after: query.after, limit: query.pageSize)
        var links: [(String, JSONValue)] = []
        if page.count == query.pageSize, let last = page.last {
            links.append(("next", .string("\(NotificationsController.root(of: request))herald/v1/members?\(query.next(after: last.id))")))
        }
        return JSONResponse(.ok, ["members": .array(page.map(MemberJSON.json)), "links": .object(links)])
    }

    @Sendable func deactivate(_ request: Request, context: HeraldRequestContext) async throws -> Response {
        let auth = try context.requireAuth()
        guard try await store.deactivateMember(serviceId: auth.service.id, id: try context.memberId()) else { throw NotifyError.noResult }
        return Response(status: .noContent)
    }
}
