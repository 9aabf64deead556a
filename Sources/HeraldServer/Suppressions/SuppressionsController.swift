import Foundation
import HTTPTypes
import HeraldCore
import HeraldStore
import Hummingbird
import NIOCore

/// Herald's own API for a service's suppression list (not part of Notify's v2): list, add by hand, remove.
/// Authenticated like v2, with the service's API key.
struct SuppressionsController {
    let store: HeraldStore

    func addRoutes(to group: RouterGroup<HeraldRequestContext>) {
        group.get("suppressions", use: list)
        group.post("suppressions", use: add)
        group.delete("suppressions/:email_address", use: remove)
    }

    @Sendable func list(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        let auth = try context.requireAuth()
        let suppressions = try await store.suppressions(serviceId: auth.service.id)
        return JSONResponse(.ok, ["suppressions": .array(suppressions.map(Self.json))])
    }

    @Sendable func add(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        let auth = try context.requireAuth()
        var request = request
        let object = try await request.jsonObjectBody(upTo: 64 * 1024)
        guard let address = object["email_address"]?.stringValue else { throw NotifyError.validation(["email_address is a required property"]) }
        guard (try? EmailAddress(validating: address)) != nil else { throw NotifyError.validation(["email_address Not a valid email address"]) }
        let suppression = Suppression(serviceId: auth.service.id, address: address, reason: .manual, source: "api key \(auth.key.name)")
        let added = try await store.suppress(suppression)
        return JSONResponse(added ? .created : .ok, Self.json(suppression))
    }

    @Sendable func remove(_ request: Request, context: HeraldRequestContext) async throws -> Response {
        let auth = try context.requireAuth()
        guard let address = context.parameters.get("email_address")?.removingPercentEncoding,
            try await store.unsuppress(serviceId: auth.service.id, address: address)
        else { throw NotifyError.noResult }
        return Response(status: .noContent)
    }

    private static func json(_ suppression: Suppression) -> JSONValue {
        [
            "email_address": .string(suppression.address), "reason": .string(suppression.reason.rawValue),
            "source": .optional(suppression.source), "created_at": .string(NotifyTimestamp.string(suppression.createdAt)),
        ]
    }
}
