import Foundation
import HeraldCore
import SQLKit

/// An email or text of a member notification, with the member it is for and what it is about.
public struct MemberMessage: Sendable {
    public var notification: NotificationRecord
    public var memberId: String
    public var subject: MemberNotificationSubject

    public init(notification: NotificationRecord, memberId: String, subject: MemberNotificationSubject) {
        self.notification = notification
        self.memberId = memberId
        self.subject = subject
    }
}

extension HeraldStore {
    /// The service's members among `ids` (active or not), in member id order; ids it does not have are left out.
    public func members(serviceId: UUID, ids: [String]) async throws -> [Member] {
        guard !ids.isEmpty else { return [] }
        let dialect = self.dialect
        return try await engine.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: MemberColumns.list(qualifiedBy: "m")) FROM (\(RowBatch.texts(ids).select(dialect))) AS i
                JOIN members m ON m.service_id = \(bind: serviceId.storageString) AND m.member_id = i.value ORDER BY m.member_id
                """).all().map(MemberColumns.decode)
        }
    }

    /// The service's members whose email address is one of `addresses` (compared ignoring case).
    public func members(serviceId: UUID, emails addresses: [String]) async throws -> [Member] {
        guard !addresses.isEmpty else { return [] }
        let dialect = self.dialect
        return try await engine.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: MemberColumns.list(qualifiedBy: "m")) FROM members m
                WHERE m.service_id = \(bind: serviceId.storageString)
                  AND lower(m.email) IN (SELECT value FROM (\(RowBatch.texts(Array(Set(addresses.map { $0.lowercased() }))).select(dialect))) AS a)
                """).all().map(MemberColumns.decode)
        }
    }

    /// The reasons the service has suppressed any of `addresses` (email addresses or phone numbers), keyed by the
    /// address lowercased.
    public func suppressionReasons(serviceId: UUID, among addresses: [String]) async throws -> [String: Suppression.Reason] {
        guard !addresses.isEmpty else { return [:] }
        let dialect = self.dialect
        let rows = try await engine.read { db in
            try await db.raw("""
                SELECT s.address, s.reason FROM (\(RowBatch.texts(addresses.map { $0.lowercased() }).select(dialect))) AS a
                JOIN suppressions s ON s.service_id = \(bind: serviceId.storageString) AND s.address = a.value
                """).all()
        }
        var reasons: [String: Suppression.Reason] = [:]
        for row in rows {
            let text = try row.decode(column: "reason", as: String.self)
            guard let reason = Suppression.Reason(rawValue: text) else { throw CorruptRow(column: "reason", value: text) }
            reasons[try row.decode(column: "address", as: String.self)] = reason
        }
        return reasons
    }

    /// Stores what a member notification fans out to, in one transaction: the in-app items, each email or text with
    /// its delivery job and a record of the member and topic it is for, and the entries for members' digests.
    /// Nothing of it exists until all of it does; then this process's live streams wake at once. With `reply`, the
    /// call's answer is stored under its idempotency key first, and nothing is stored if an earlier call holds the key
    /// (``IdempotencyKeyUsed``).
    public func deliverMemberNotification(
        inbox: [InboxItem], messages: [MemberMessage], digestEntries: [DigestEntry] = [], priority: DeliveryPriority, reply: IdempotentReply? = nil
    ) async throws {
        let dialect = self.dialect
        try await engine.transaction { db in
            if let reply { try await Self.claim(reply, in: db) }
            try await Self.insertInboxItems(inbox, into: db, dialect)
            try await Self.insertQueued(messages.map(\.notification), priority: priority, into: db, dialect)
            try await Self.insertDigestEntries(digestEntries, into: db, dialect)
            for chunk in messages.chunks(of: Self.insertChunk) {
                try await db.raw(Self.memberDeliveryRows(chunk).insert(into: "member_deliveries", dialect)).run()
            }
        }
        announceCommitted(inbox)
    }

    private static func memberDeliveryRows(_ messages: ArraySlice<MemberMessage>) -> RowBatch {
        RowBatch(
            columns: [("notification_id", .text), ("service_id", .text), ("member_id", .text), ("kind", .text), ("event_type", .text),
                      ("category", .text), ("sender", .text)],
            rows: messages.map { m in
                [.string(m.notification.id.storageString), .string(m.notification.serviceId.storageString), .string(m.memberId),
                 .string(m.subject.kind.rawValue), .optional(m.subject.eventType?.name), .optional(m.subject.category), .optional(m.subject.sender)]
            }
        )
    }

    /// The member and topic an email or text of a member notification was for; nil for any other notification.
    public func memberMessage(notificationId: UUID) async throws -> (serviceId: UUID, memberId: String, subject: MemberNotificationSubject)? {
        try await engine.read { db in
            guard let row = try await db.raw("""
                SELECT service_id, member_id, kind, event_type, category, sender FROM member_deliveries
                WHERE notification_id = \(bind: notificationId.storageString)
                """).first()
            else { return nil }
            let kindText = try row.decode(column: "kind", as: String.self)
            guard let kind = MemberNotificationKind(rawValue: kindText) else { throw CorruptRow(column: "kind", value: kindText) }
            let eventType = try row.decode(column: "event_type", as: String?.self)
            return (
                try row.decodeUUID(column: "service_id"), try row.decode(column: "member_id", as: String.self),
                MemberNotificationSubject(
                    kind: kind, eventType: try eventType.map { name in
                        guard let type = try? EventType(validating: name) else { throw CorruptRow(column: "event_type", value: name) }
                        return type
                    },
                    category: try row.decode(column: "category", as: String?.self), sender: try row.decode(column: "sender", as: String?.self)
                )
            )
        }
    }
}
