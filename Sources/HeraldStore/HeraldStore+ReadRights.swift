import Foundation
import HeraldCore
import SQLKit

extension HeraldStore {
    /// Grants each of `roles` read access to the service's batch `batchId`, keeping the roles granted before.
    public func grantBatchReaders(serviceId: UUID, batchId: String, roles: [String], now: Date = Date()) async throws {
        guard !roles.isEmpty else { return }
        let dialect = self.dialect
        try await engine.autocommit { db in
            try await Self.insertReaders(serviceId: serviceId, batchId: batchId, roles: roles, now: now, into: db, dialect)
        }
    }

    /// Makes `roles` the only role groups granted read access to the service's batch `batchId`.
    public func replaceBatchReaders(serviceId: UUID, batchId: String, roles: [String], now: Date = Date()) async throws {
        let dialect = self.dialect
        try await engine.transaction { db in
            try await db.raw("""
                DELETE FROM batch_readers WHERE service_id = \(bind: serviceId.storageString) AND batch_id = \(bind: batchId)
                """).run()
            try await Self.insertReaders(serviceId: serviceId, batchId: batchId, roles: roles, now: now, into: db, dialect)
        }
    }

    /// The role groups granted read access to the service's batch `batchId`, in name order.
    public func batchReaders(serviceId: UUID, batchId: String) async throws -> [String] {
        try await engine.read { db in
            try await db.raw("""
                SELECT role FROM batch_readers WHERE service_id = \(bind: serviceId.storageString) AND batch_id = \(bind: batchId) ORDER BY role
                """).all(decodingColumn: "role", as: String.self)
        }
    }

    private static func insertReaders(
        serviceId: UUID, batchId: String, roles: [String], now: Date, into db: any SQLDatabase, _ dialect: SQLDialectKind
    ) async throws {
        guard !roles.isEmpty else { return }
        let batch = RowBatch(
            columns: [("service_id", .text), ("batch_id", .text), ("role", .text), ("granted_at", .bigint)],
            rows: Set(roles).sorted().map { [.string(serviceId.storageString), .string(batchId), .string($0), .int(Int(now.microsecondsSinceEpoch))] }
        )
        try await db.raw("\(batch.insert(into: "batch_readers", dialect)) ON CONFLICT (service_id, batch_id, role) DO NOTHING").run()
    }
}
