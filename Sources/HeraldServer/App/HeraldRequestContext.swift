import Hummingbird
import HTTPTypes
import Logging

/// The per-request context of Herald's HTTP API: Hummingbird's core storage plus the authenticated key.
public struct HeraldRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by the authentication middleware on authenticated routes.
    public var auth: AuthenticatedKey?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }

    /// The authenticated key; only call on routes behind ``NotifyAuthMiddleware``.
    func requireAuth() throws -> AuthenticatedKey {
        guard let auth else { throw NotifyError.auth(.unauthorized, "Unauthorized: authentication token must be provided") }
        return auth
    }
}

/// Authenticates every request it guards with the Notify JWT rules.
struct NotifyAuthMiddleware: RouterMiddleware {
    typealias Context = HeraldRequestContext
    let authenticator: Authenticator

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.auth = try await authenticator.authenticate(authorization: request.headers[.authorization])
        return try await next(request, context)
    }
}
