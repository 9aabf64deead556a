import Foundation
import HTTPTypes
import HeraldCore
import HeraldStore
import Hummingbird
import NIOCore

/// Herald's own API for a service's callbacks (Notify keeps these in its admin app): where Herald tells the service's
/// app that a notification reached a final status (`delivery-status`) or that a recipient complained (`complaint`).
/// Authenticated like v2, with the service's API key.
///
/// `PUT /herald/v1/callbacks/{delivery-status|complaint}` `{"url": "https://…", "bearer_token": "…"}` sets one,
/// `GET` shows it (without the token), `DELETE` removes it.
struct CallbacksController {
    let store: HeraldStore

    func addRoutes(to group: RouterGroup<HeraldRequestContext>) {
        group.put("callbacks/:kind", use: set)
        group.get("callbacks/:kind", use: show)
        group.delete("callbacks/:kind", use: remove)
    }

    /// The kind named in the path: `delivery-status` or `complaint`.
    private static func kind(_ context: HeraldRequestContext) throws -> ServiceCallback.Kind {
        guard let name = context.parameters.get("kind"), let kind = ServiceCallback.Kind(rawValue: name.replacingOccurrences(of: "-", with: "_")) else {
            throw NotifyError(.notFound, "ResourceNotFound", "No such callback: use delivery-status or complaint")
        }
        return kind
    }

    @Sendable func set(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        let auth = try context.requireAuth()
        let kind = try Self.kind(context)
        var request = request
        let object = try await request.jsonObjectBody(upTo: 64 * 1024)
        var problems: [String] = []
        let url = object["url"]?.stringValue
        if url.map(Self.isAllowedURL) != true {
            problems.append("url is not a valid https url")
        }
        let token = object["bearer_token"]?.stringValue
        if (token?.count ?? 0) < 10 {
            problems.append("bearer_token must be at least 10 characters")
        }
        guard problems.isEmpty, let url, let token else { throw NotifyError.validation(problems) }
        let callback = ServiceCallback(serviceId: auth.service.id, kind: kind, url: url, bearerToken: token)
        try await store.setCallback(callback)
        return JSONResponse(.ok, Self.json(callback))
    }

    @Sendable func show(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        let auth = try context.requireAuth()
        guard let callback = try await store.callback(serviceId: auth.service.id, kind: try Self.kind(context)) else { throw NotifyError.noResult }
        return JSONResponse(.ok, Self.json(callback))
    }

    @Sendable func remove(_ request: Request, context: HeraldRequestContext) async throws -> Response {
        let auth = try context.requireAuth()
        guard try await store.removeCallback(serviceId: auth.service.id, kind: try Self.kind(context)) else { throw NotifyError.noResult }
        return Response(status: .noContent)
    }

    /// https, as Notify requires; plain http only to this machine (for development).
    static func isAllowedURL(_ text: String) -> Bool {
        guard let url = URL(string: text), let host = url.host, !host.isEmpty else { return false }
        return url.scheme == "https" || (url.scheme == "http" && ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host))
    }

    private static func json(_ callback: ServiceCallback) -> JSONValue {
        ["callback_type": .string(callback.kind.rawValue), "url": .string(callback.url)]
    }
}
