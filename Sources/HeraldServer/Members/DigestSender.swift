import Foundation
import HeraldCore
import HeraldStore
import Logging
import ServiceLifecycle

/// Sends members' digests when they fall due (see ``DigestSchedule``): one email per member gathering the happenings
/// that waited for it, through the service's plain member-notification template. Looks every `interval`; several
/// processes may run one, and each digest still goes once (``HeraldStore/sendDigest(serviceId:memberId:now:compose:)``).
public struct DigestSender: ServiceLifecycle.Service {
    let store: HeraldStore
    let interval: Duration
    let logger: Logger

    public init(store: HeraldStore, interval: Duration = .seconds(60), logger: Logger) {
        self.store = store
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await sendDue(now: Date())
            } catch is CancellationError {
                return
            } catch {
                logger.warning("could not send digests", metadata: ["error": "\(error)"])
            }
            await sleepUnlessShuttingDown(for: interval)
        }
    }

    /// Queues every digest due at `now`; returns how many emails it queued.
    @discardableResult
    public func sendDue(now: Date) async throws -> Int {
        var services: [UUID: (HeraldCore.Service, Template)] = [:]
        var sent = 0
        for pending in try await store.pendingDigests() where pending.dueAt <= now {
            let serviceId = pending.member.serviceId
            if services[serviceId] == nil, let service = try await store.service(id: serviceId) {
                services[serviceId] = (service, MemberNotificationContent.plainTemplate(.email, serviceId: serviceId))
            }
            guard let (service, template) = services[serviceId] else { continue }
            let member = pending.member, frequency = pending.schedule?.frequency
            let email = try await store.sendDigest(serviceId: serviceId, memberId: member.id, now: now) { entries in
                guard let address = member.email, member.active else { return nil }
                return Self.email(entries, to: address, frequency: frequency, service: service, template: template, now: now)
            }
            if email != nil { sent += 1 }
        }
        return sent
    }

    /// The digest email: a subject that counts the items, and each item's title, body and link.
    static func email(
        _ entries: [DigestEntry], to address: String, frequency: DigestSchedule.Frequency?, service: HeraldCore.Service, template: Template, now: Date
    ) -> NotificationRecord {
        let subject = "Your \(frequency.map { "\($0.rawValue) " } ?? "")digest: \(entries.count) new notification\(entries.count == 1 ? "" : "s")"
        let body = entries.map { entry in ([entry.title, entry.body] + (entry.url.map { [$0] } ?? [])).joined(separator: "\n") }.joined(separator: "\n\n---\n\n")
        return NotificationRecord(
            serviceId: service.id, templateId: template.id, templateVersion: template.version, channel: .email, recipient: address,
            subject: subject, body: body, keyType: .normal, origin: .members, createdAt: now
        )
    }
}
