import Foundation
import HeraldCore
import HeraldStore
import Synchronization

/// What accepting a send produced.
public struct AcceptedNotification: Sendable {
    public var notification: NotificationRecord
    public var template: Template
    /// True when an earlier request with the same idempotency key already created it.
    public var isDuplicate: Bool
    /// True for Notify's simulated recipients: answered as if accepted but neither stored nor sent.
    public var isSimulated: Bool
}

/// The accept stage of the pipeline: finds the template, renders it, applies Notify's checks in Notify's order,
/// and stores the notification with its delivery job. Shared by the HTTP API and the CLI.
public final class NotificationAcceptor: Sendable {
    /// Notify's limit on a rendered email body.
    static let maxEmailBytes = 2_000_000
    static let simulatedEmailAddresses: Set = [
        "simulate-delivered@notifications.service.gov.uk",
        "simulate-delivered-2@notifications.service.gov.uk",
        "simulate-delivered-3@notifications.service.gov.uk",
    ]

    public let store: HeraldStore
    private let batcher: GroupCommit<DeliveryPriority, NotificationRecord, EnqueueOutcome>
    private let templateCache = Mutex<[String: (loaded: Date, template: PreparedTemplate)]>([:])
    private let templateCacheLifetime: TimeInterval = 1

    public init(store: HeraldStore) {
        self.store = store
        self.batcher = GroupCommit(maxFlushes: 4) { priority, notifications in
            try await store.enqueue(notifications, priority: priority)
        }
    }

    public func acceptEmail(
        _ request: EmailSendRequest, service: Service, key: APIKey?, origin: NotificationOrigin, now: Date = Date()
    ) async throws -> AcceptedNotification {
        let prepared = try await emailTemplate(request.templateId, service: service)
        let template = prepared.template
        let values = TemplateValues(request.personalisation)
        let subject: String, body: String
        do {
            subject = try prepared.subject.render(values)
            body = try prepared.body.render(values)
        } catch {
            let missing = TemplateText.missingPlaceholders(in: [prepared.subject, prepared.body], values: values)
            throw NotifyError.badRequest("Missing personalisation: \(missing.joined(separator: ", "))")
        }
        if body.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            throw NotifyError.badRequest("Your message is empty.")
        }
        let size = body.utf8.count
        if size > Self.maxEmailBytes {
            throw NotifyError.badRequest(
                "Your message is too long. Emails cannot be longer than \(Self.maxEmailBytes) bytes. Your message is \(size) bytes."
            )
        }
        let notification = NotificationRecord(
            serviceId: service.id, templateId: template.id, templateVersion: template.version, channel: .email,
            recipient: request.emailAddress, personalisationJSON: request.personalisationJSON, subject: subject, body: body,
            reference: request.reference, keyType: key?.type ?? .normal, apiKeyId: key?.id, origin: origin,
            idempotencyKey: request.idempotencyKey, createdAt: now
        )
        if Self.simulatedEmailAddresses.contains(request.emailAddress.lowercased()) {
            return AcceptedNotification(notification: notification, template: template, isDuplicate: false, isSimulated: true)
        }
        switch try await batcher.submit(notification, lane: .immediate) {
        case .accepted(let stored):
            return AcceptedNotification(notification: stored, template: template, isDuplicate: false, isSimulated: false)
        case .duplicate(let existing):
            return AcceptedNotification(notification: existing, template: template, isDuplicate: true, isSimulated: false)
        }
    }

    /// A template with its subject and body already parsed.
    private struct PreparedTemplate {
        let template: Template
        let subject: TemplateText
        let body: TemplateText
    }

    private func emailTemplate(_ id: UUID, service: Service) async throws -> PreparedTemplate {
        let cacheKey = "\(service.id.storageString)/\(id.storageString)"
        let now = Date()
        let prepared: PreparedTemplate?
        if let cached = templateCache.withLock({ $0[cacheKey] }), now.timeIntervalSince(cached.loaded) < templateCacheLifetime {
            prepared = cached.template
        } else {
            prepared = try await store.template(id: id, serviceId: service.id).map {
                PreparedTemplate(template: $0, subject: TemplateText($0.subject ?? ""), body: TemplateText($0.body))
            }
            if let prepared { templateCache.withLock { $0[cacheKey] = (now, prepared) } }
        }
        guard let prepared else { throw NotifyError.badRequest("Template not found") }
        let template = prepared.template
        guard template.channel == .email else {
            throw NotifyError.badRequest("\(template.channel.rawValue) template is not suitable for email notification")
        }
        guard !template.archived else { throw NotifyError.badRequest("Template has been deleted") }
        return prepared
    }
}
