import Foundation
import HeraldCore
import HeraldStore
import Hummingbird

/// Herald's API for a service's settings. Authenticated with the service's API key.
///
/// `GET /herald/v1/settings` answers `{"email_admin_role": "email-admin"}`: holders of that role (asserted in
/// `Herald-Viewer-Roles`) may read every email the service sent. `PUT /herald/v1/settings`
/// `{"email_admin_role": "staff-admins"}` changes it and answers the settings.
struct SettingsController {
    let store: HeraldStore

    func addRoutes(to group: RouterGroup<HeraldRequestContext>) {
        group.get("settings", use: show)
        group.put("settings", use: update)
    }

    @Sendable func show(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        try await settings(serviceId: try context.requireAuth().service.id)
    }

    @Sendable func update(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        let auth = try context.requireAuth()
        var request = request
        let body = try await request.jsonObjectBody(upTo: 64 * 1024)
        var problems: [String] = []
        body.rejectMembers(otherThan: ["email_admin_role"], in: "", problems: &problems)
        let role = body.optionalString("email_admin_role", in: "", problems: &problems)
        if let role, let problem = ReadRole.roleProblem(role) { problems.append("email_admin_role \(problem)") }
        guard problems.isEmpty else { throw NotifyError.validation(problems) }
        if let role {
            try await store.setEmailAdminRole(role, serviceId: auth.service.id)
        }
        return try await settings(serviceId: auth.service.id)
    }

    private func settings(serviceId: UUID) async throws -> JSONResponse {
        JSONResponse(.ok, ["email_admin_role": .string(try await store.emailAdminRole(serviceId: serviceId))])
    }
}
