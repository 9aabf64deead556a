import Foundation
import HeraldCore
import SQLKit

/// A bounce or complaint found while applying feedback. A permanent bounce or a complaint suppresses the address
/// for the service that sent the notification at once; a soft (transient) bounce is counted, and suppresses it
/// when a ``SoftBouncePolicy`` says there were too many.
public struct SuppressionFinding: Sendable, Hashable {
    public var notificationId: UUID
    public var address: String
    public var reason: Suppression.Reason
    public var source: String?
    /// True for a soft bounce: counted, not suppressed by itself.
    public var isSoftBounce: Bool

    public init(notificationId: UUID, address: String, reason: Suppression.Reason, source: String?, isSoftBounce: Bool = false) {
        self.notificationId = notificationId
        self.address = address.lowercased()
        self.reason = reason
        self.source = source
        self.isSoftBounce = isSoftBounce
    }
}

/// When soft bounces suppress an address: `limit` notifications to it soft-bounced within `window`.
public struct SoftBouncePolicy: Sendable, Equatable {
    public var limit: Int
    public var window: TimeInterval

    public init(limit: Int = 3, window: TimeInterval = 7 * 24 * 3600) {
        self.limit = limit
        self.window = window
    }
}

extension HeraldStore {
    /// Adds `suppression` (an address already suppressed keeps its first reason, see `keepStrongestSuppression`);
    /// returns false when nothing changed.
    @discardableResult
    public func suppress(_ suppression: Suppression) async throws -> Bool {
        let dialect = self.dialect
        return try await engine.autocommit { db in
            try await db.raw("""
                \(Self.suppressionRows([suppression]).insert(into: "suppressions", dialect))
                \(unsafeRaw: Self.keepStrongestSuppression) RETURNING address
                """).first() != nil
        }
    }

    /// Removes the service's suppression of `address`; returns false when there was none.
    @discardableResult
    public func unsuppress(serviceId: UUID, address: String) async throws -> Bool {
        try await engine.autocommit { db in
            try await db.raw("""
                DELETE FROM suppressions WHERE service_id = \(bind: serviceId.storageString) AND address = \(bind: address.lowercased())
                RETURNING address
                """).first() != nil
        }
    }

    /// The service's suppressed addresses, newest first.
    public func suppressions(serviceId: UUID) async throws -> [Suppression] {
        try await engine.read { db in
            try await db.raw("""
                SELECT service_id, address, reason, source, created_at FROM suppressions
                WHERE service_id = \(bind: serviceId.storageString) ORDER BY created_at DESC, address
                """).all().map(Self.decodeSuppression)
        }
    }

    /// The suppressions among these (service, recipient) pairs, keyed by notification id (a message to several
    /// recipients can have several): one query per batch.
    public func suppressions(for deliveries: [(notificationId: UUID, serviceId: UUID, recipient: String)]) async throws -> [UUID: [Suppression]] {
        guard !deliveries.isEmpty else { return [:] }
        let dialect = self.dialect
        let batch = RowBatch(
            columns: [("notification_id", .text), ("service_id", .text), ("address", .text)],
            rows: deliveries.map { [.string($0.notificationId.storageString), .string($0.serviceId.storageString), .string($0.recipient.lowercased())] }
        )
        let rows = try await engine.read { db in
            try await db.raw("""
                SELECT d.notification_id, s.service_id, s.address, s.reason, s.source, s.created_at
                FROM (\(batch.select(dialect))) AS d JOIN suppressions s ON s.service_id = d.service_id AND s.address = d.address
                """).all()
        }
        var found: [UUID: [Suppression]] = [:]
        for row in rows {
            let id = try row.decode(column: "notification_id", as: String.self)
            guard let uuid = UUID(storageString: id) else { throw CorruptRow(column: "notification_id", value: id) }
            found[uuid, default: []].append(try Self.decodeSuppression(row))
        }
        return found
    }

    /// An address keeps its first suppression, unless that was only an unsubscribe and a bounce, complaint or
    /// manual entry follows: then the stronger reason replaces it.
    static let keepStrongestSuppression = """
        ON CONFLICT (service_id, address) DO UPDATE SET reason = excluded.reason, source = excluded.source, created_at = excluded.created_at
        WHERE suppressions.reason = 'unsubscribe' AND excluded.reason <> 'unsubscribe'
        """

    static func suppressionRows(_ suppressions: [Suppression]) -> RowBatch {
        RowBatch(
            columns: [("service_id", .text), ("address", .text), ("reason", .text), ("source", .text), ("created_at", .bigint)],
            rows: suppressions.map {
                [.string($0.serviceId.storageString), .string($0.address), .string($0.reason.rawValue), .optional($0.source),
                 .int(Int($0.createdAt.microsecondsSinceEpoch))]
            }
        )
    }

    private static func decodeSuppression(_ row: any SQLRow) throws -> Suppression {
        let serviceId = try row.decode(column: "service_id", as: String.self)
        let reason = try row.decode(column: "reason", as: String.self)
        guard let service = UUID(storageString: serviceId) else { throw CorruptRow(column: "service_id", value: serviceId) }
        guard let parsed = Suppression.Reason(rawValue: reason) else { throw CorruptRow(column: "reason", value: reason) }
        return Suppression(
            serviceId: service, address: try row.decode(column: "address", as: String.self), reason: parsed,
            source: try row.decode(column: "source", as: String?.self),
            createdAt: Date(microsecondsSinceEpoch: try row.decode(column: "created_at", as: Int64.self))
        )
    }
}

extension StoreWriter {
    /// Suppresses the addresses of permanent bounces and complaints for the services that sent those notifications,
    /// and counts soft bounces, suppressing an address once `softBounces.limit` of its notifications soft-bounced
    /// within `softBounces.window` (a repeated event for the same notification counts once).
    public func addSuppressions(_ findings: [SuppressionFinding], now: Date, softBounces: SoftBouncePolicy = .init()) async throws {
        let (soft, permanent) = (findings.filter(\.isSoftBounce), findings.filter { !$0.isSoftBounce })
        if !permanent.isEmpty {
            // One row per address: an upsert may not touch a row twice in one statement (several bounces to one address
            // in a batch). MIN keeps the strongest reason, as 'unsubscribe' sorts after the others.
            try await db.raw("""
                INSERT INTO suppressions (service_id, address, reason, source, created_at)
                SELECT n.service_id, f.address, MIN(f.reason), MIN(f.source), \(bind: now.microsecondsSinceEpoch)
                FROM (\(Self.findingRows(permanent).select(dialect))) AS f JOIN notifications n ON n.id = f.notification_id
                WHERE true GROUP BY n.service_id, f.address \(unsafeRaw: HeraldStore.keepStrongestSuppression)
                """).run()
        }
        guard !soft.isEmpty else { return }
        let cutoff = now.addingTimeInterval(-softBounces.window).microsecondsSinceEpoch
        let batch = Self.findingRows(soft), dialect = self.dialect
        // The soft-bounced (service, address, notification) triples of this batch.
        func bounced() -> SQLQueryString {
            "SELECT DISTINCT n.service_id, f.address, f.notification_id FROM (\(batch.select(dialect))) AS f JOIN notifications n ON n.id = f.notification_id"
        }
        try await db.raw("DELETE FROM soft_bounces WHERE bounced_at < \(bind: cutoff)").run()
        try await db.raw("""
            INSERT INTO soft_bounces (service_id, address, notification_id, bounced_at)
            SELECT service_id, address, notification_id, \(bind: now.microsecondsSinceEpoch) FROM (\(bounced())) AS b
            WHERE true ON CONFLICT (service_id, address, notification_id) DO NOTHING
            """).run()
        let window = "soft bounces within \(Int((softBounces.window / 86_400).rounded(.up))) days: "
        try await db.raw("""
            INSERT INTO suppressions (service_id, address, reason, source, created_at)
            SELECT b.service_id, b.address, 'bounce', CAST(\(bind: window) AS TEXT) || CAST(COUNT(*) AS TEXT), \(bind: now.microsecondsSinceEpoch)
            FROM soft_bounces b JOIN (SELECT DISTINCT service_id, address FROM (\(bounced())) AS t0) AS t
              ON t.service_id = b.service_id AND t.address = b.address
            WHERE b.bounced_at >= \(bind: cutoff)
            GROUP BY b.service_id, b.address HAVING COUNT(*) >= \(bind: softBounces.limit)
            \(unsafeRaw: HeraldStore.keepStrongestSuppression)
            """).run()
    }

    private static func findingRows(_ findings: [SuppressionFinding]) -> RowBatch {
        RowBatch(
            columns: [("notification_id", .text), ("address", .text), ("reason", .text), ("source", .text)],
            rows: findings.map { [.string($0.notificationId.storageString), .string($0.address), .string($0.reason.rawValue), .optional($0.source)] }
        )
    }
}
