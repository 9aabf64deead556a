import Foundation
import HeraldCore
import HeraldStore

/// Sends member notifications, the five kinds of the members' platform: finds the audience (everyone, the members
/// named, the listeners of a happening, one member), decides each member's channels from preferences and the
/// suppression list, and stores the in-app items, emails and texts in one transaction. Used by the HTTP API and
/// usable from Swift directly.
public struct MemberNotifier: Sendable {
    public let store: HeraldStore

    public init(store: HeraldStore) {
        self.store = store
    }

    /// Fans `notification` out and returns how far it reached. With `reply`, the call's answer (made from the report)
    /// is stored under its idempotency key in the same transaction; when an earlier call holds the key, nothing is
    /// sent and ``IdempotencyKeyUsed`` carries that call's answer.
    public func send(
        _ notification: MemberNotification, service: Service, reply: (@Sendable (FanOutReport) -> IdempotentReply)? = nil
    ) async throws -> FanOutReport {
        var content = try await MemberNotificationContent(notification, service: service, store: store)
        let (audience, unknown) = try await members(for: notification)
        let preferences = notification.subject.kind == .systemBroadcast
            ? nil : PreferenceBook(try await store.preferences(serviceId: service.id, topics: notification.subject.topics))
        let addresses = audience.flatMap { member in notification.channels.compactMap(member.address(for:)) }
        let digests = notification.subject.kind == .happening ? Set(try await store.digestSchedules(serviceId: service.id).keys) : []
        let decision = FanOutDecision(
            audience: audience, unknown: unknown, channels: notification.channels, subject: notification.subject, preferences: preferences,
            suppressions: try await store.suppressionReasons(serviceId: service.id, among: addresses), digests: digests
        )
        var inbox: [InboxItem] = [], messages: [MemberMessage] = [], digestEntries: [DigestEntry] = []
        inbox.reserveCapacity(decision.recipients.count)
        for recipient in decision.recipients {
            let member = recipient.member
            let texts = try content.texts(forMemberNamed: member.name ?? "")
            let item = content.inboxItem(for: member, texts)
            inbox.append(item)
            for channel in recipient.channels {
                if let address = member.address(for: channel), let message = content.message(channel, to: member, recipient: address, texts) {
                    messages.append(message)
                }
            }
            if recipient.inDigest {
                digestEntries.append(DigestEntry(
                    serviceId: service.id, memberId: recipient.member.id, title: item.title, body: item.body, url: notification.url, createdAt: item.createdAt
                ))
            }
        }
        try await store.deliverMemberNotification(
            inbox: inbox, messages: messages, digestEntries: digestEntries, priority: notification.priority, reply: reply?(decision.report)
        )
        return decision.report
    }

    /// The audience's members, less those excluded, and the ids named that the service does not have.
    private func members(for notification: MemberNotification) async throws -> (found: [Member], unknown: [String]) {
        let serviceId = notification.serviceId
        var found: [Member], unknown: [String] = []
        switch notification.audience {
        case .everyone:
            found = try await store.members(serviceId: serviceId, limit: .max)
        case .members(let ids):
            found = try await store.members(serviceId: serviceId, ids: Array(Set(ids)))
            let known = Set(found.map(\.id))
            unknown = ids.filter { !known.contains($0) }
        case .listeners:
            if let eventType = notification.subject.eventType {
                found = try await store.listeners(serviceId: serviceId, of: eventType, scope: notification.scope)
            } else {
                found = []
            }
        case .member(let id):
            found = try await store.member(serviceId: serviceId, id: id).map { [$0] } ?? []
            unknown = found.isEmpty ? [id] : []
        }
        found.removeAll { notification.excluded.contains($0.id) }
        return (found, unknown)
    }
}
