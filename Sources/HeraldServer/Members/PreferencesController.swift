import Foundation
import HeraldCore
import HeraldStore
import Hummingbird

/// Herald's API for channel preferences. Authenticated like v2, with the service's API key.
///
/// `GET /herald/v1/members/{member_id}/preferences` shows a member's own choices; `PUT` on the same path with
/// `{"preferences": [{"topic": "event:forums.post.comment.new", "channel": "email", "enabled": false}]}` changes them
/// (`"enabled": null` removes one) and answers with them all. `GET`/`PUT /herald/v1/preferences` do the same for the
/// service's defaults, which apply where a member has made no choice. Without either, email is on and SMS off.
/// `GET`/`PUT /herald/v1/members/{member_id}/digest` `{"frequency": "daily", "hour": 8, "weekday": "monday"}` (or
/// `"frequency": "off"`) gathers the member's happening emails into one digest at that hour of their local time.
struct PreferencesController {
    let store: HeraldStore

    func addRoutes(to group: RouterGroup<HeraldRequestContext>) {
        group.get("members/:member_id/preferences") { _, context in try await show(context, member: true) }
        group.put("members/:member_id/preferences") { request, context in try await change(request, context, member: true) }
        group.get("members/:member_id/digest") { _, context in try await digest(context, change: nil) }
        group.put("members/:member_id/digest") { request, context in
            var request = request
            return try await digest(context, change: try DigestJSON.schedule(try await request.jsonObjectBody(upTo: 16 * 1024)))
        }
        group.get("preferences") { _, context in try await show(context, member: false) }
        group.put("preferences") { request, context in try await change(request, context, member: false) }
    }

    private func show(_ context: HeraldRequestContext, member: Bool) async throws -> JSONResponse {
        let auth = try context.requireAuth()
        let memberId = try await self.memberId(context, member: member, serviceId: auth.service.id)
        return try await preferences(serviceId: auth.service.id, memberId: memberId)
    }

    private func change(_ request: Request, _ context: HeraldRequestContext, member: Bool) async throws -> JSONResponse {
        let auth = try context.requireAuth()
        let memberId = try await self.memberId(context, member: member, serviceId: auth.service.id)
        var request = request
        let changes = try PreferenceJSON.changes(try await request.jsonObjectBody(upTo: 1024 * 1024))
        try await store.setPreferences(serviceId: auth.service.id, memberId: memberId, changes)
        return try await preferences(serviceId: auth.service.id, memberId: memberId)
    }

    /// Shows a member's digest, after setting it when `change` holds a new one (`.some(nil)`: off).
    private func digest(_ context: HeraldRequestContext, change: DigestSchedule??) async throws -> JSONResponse {
        let auth = try context.requireAuth()
        guard let memberId = try await self.memberId(context, member: true, serviceId: auth.service.id) else { throw NotifyError.noResult }
        if let change {
            try await store.setDigest(serviceId: auth.service.id, memberId: memberId, change)
        }
        return JSONResponse(.ok, DigestJSON.json(try await store.digestSchedules(serviceId: auth.service.id, memberId: memberId)[memberId]))
    }

    /// The route's member (404 when the service has no such member), or nil for the service's defaults.
    private func memberId(_ context: HeraldRequestContext, member: Bool, serviceId: UUID) async throws -> String? {
        guard member else { return nil }
        let id = try context.memberId()
        guard try await store.member(serviceId: serviceId, id: id) != nil else { throw NotifyError.noResult }
        return id
    }

    private func preferences(serviceId: UUID, memberId: String?) async throws -> JSONResponse {
        let preferences = try await store.preferences(serviceId: serviceId, memberId: memberId)
        return JSONResponse(.ok, ["member_id": .optional(memberId), "preferences": .array(preferences.map(PreferenceJSON.json))])
    }
}
