import Foundation
import HeraldCore
import SQLKit

/// The answer to a call made with an `Idempotency-Key`, stored in the transaction that carries out the call.
public struct IdempotentReply: Sendable, Hashable {
    public var serviceId: UUID
    /// Which call it answers (`member-notifications`): the same key may be used on different routes.
    public var route: String
    public var key: String
    /// The answer's body, as sent.
    public var body: String

    public init(serviceId: UUID, route: String, key: String, body: String) {
        self.serviceId = serviceId
        self.route = route
        self.key = key
        self.body = body
    }
}

/// The idempotency key was used by an earlier call, whose transaction committed first: nothing of this one is stored.
public struct IdempotencyKeyUsed: Error, Sendable {
    /// The earlier call's answer.
    public var earlierReply: String
}

extension HeraldStore {
    /// The answer stored for an earlier call with this key on this route, if there was one.
    public func idempotentReply(serviceId: UUID, route: String, key: String) async throws -> String? {
        try await engine.read { db in try await Self.storedReply(serviceId: serviceId, route: route, key: key, in: db) }
    }

    /// Stores `reply` in the caller's transaction, first of its writes; when an earlier call already holds the key
    /// (on PostgreSQL, one committing concurrently is waited for), throws ``IdempotencyKeyUsed`` with that call's
    /// answer, so that the caller's transaction rolls back.
    static func claim(_ reply: IdempotentReply, in db: any SQLDatabase) async throws {
        let stored = try await db.raw("""
            INSERT INTO idempotent_replies (service_id, route, idempotency_key, reply, created_at)
            VALUES (\(bind: reply.serviceId.storageString), \(bind: reply.route), \(bind: reply.key), \(bind: reply.body), \(bind: Date().microsecondsSinceEpoch))
            ON CONFLICT (service_id, route, idempotency_key) DO NOTHING
            RETURNING route
            """).first() != nil
        guard !stored else { return }
        guard let earlier = try await storedReply(serviceId: reply.serviceId, route: reply.route, key: reply.key, in: db) else {
            throw IdempotencyConflictVanished(key: reply.key)
        }
        throw IdempotencyKeyUsed(earlierReply: earlier)
    }

    private static func storedReply(serviceId: UUID, route: String, key: String, in db: any SQLDatabase) async throws -> String? {
        try await db.raw("""
            SELECT reply FROM idempotent_replies
            WHERE service_id = \(bind: serviceId.storageString) AND route = \(bind: route) AND idempotency_key = \(bind: key)
            """).first(decodingColumn: "reply", as: String.self)
    }
}
