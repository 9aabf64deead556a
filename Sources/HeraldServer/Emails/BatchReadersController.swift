import Foundation
import HeraldCore
import HeraldStore
import Hummingbird

/// Herald's API for who may read a batch's emails besides the service's email admins. Authenticated with the
/// service's API key.
///
/// `PUT /herald/v1/batches/{batch_id}/readers` `{"readers": ["club-123-admins"]}` makes those role groups the batch's
/// readers (an empty list leaves only the admins); `GET` on the same path shows them. Both answer
/// `{"batch_id": …, "readers": [...]}`. A send with `batch_id` and `batch_readers` adds to the list instead.
struct BatchReadersController {
    let store: HeraldStore

    func addRoutes(to group: RouterGroup<HeraldRequestContext>) {
        group.put("batches/:batch_id/readers", use: replace)
        group.get("batches/:batch_id/readers", use: show)
    }

    @Sendable func replace(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        let auth = try context.requireAuth()
        let batchId = try context.batchId()
        var request = request
        let body = try await request.jsonObjectBody(upTo: 64 * 1024)
        var problems: [String] = []
        body.rejectMembers(otherThan: ["readers"], in: "", problems: &problems)
        let roles = body["readers"].map { BatchGrant.roles($0, field: "readers", problems: &problems) }
        if roles == nil { problems.append("readers is a required property") }
        guard problems.isEmpty, let roles else { throw NotifyError.validation(problems) }
        try await store.replaceBatchReaders(serviceId: auth.service.id, batchId: batchId, roles: roles)
        return try await readers(of: batchId, serviceId: auth.service.id)
    }

    @Sendable func show(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        try await readers(of: try context.batchId(), serviceId: try context.requireAuth().service.id)
    }

    private func readers(of batchId: String, serviceId: UUID) async throws -> JSONResponse {
        JSONResponse(.ok, [
            "batch_id": .string(batchId),
            "readers": .strings(try await store.batchReaders(serviceId: serviceId, batchId: batchId)),
        ])
    }
}
