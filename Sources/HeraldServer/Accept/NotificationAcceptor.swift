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
    /// Notify's limit on a text message, in characters, without the service-name prefix.
    static let maxSMSCharacters = 918
    /// Notify's simulated recipients: answered as if accepted, never stored or sent.
    static let simulatedRecipients: Set = [
        "simulate-delivered@notifications.service.gov.uk",
        "simulate-delivered-2@notifications.service.gov.uk",
        "simulate-delivered-3@notifications.service.gov.uk",
        "+447700900000", "+447700900111", "+447700900222",
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

    public func accept(
        _ request: SendRequest, service: Service, key: APIKey?, origin: NotificationOrigin, now: Date = Date()
    ) async throws -> AcceptedNotification {
        let prepared = try await template(request.templateId, for: request.channel, service: service)
        let template = prepared.template
        var notification = notification(
            template, try prepared.render(request.personalisation, channel: request.channel), to: request.recipient,
            personalisationJSON: request.personalisationJSON, reference: request.reference, service: service, key: key, origin: origin, now: now
        )
        notification.idempotencyKey = request.idempotencyKey
        notification.unsubscribeURL = request.unsubscribeURL
        notification.batchId = request.batch?.batchId
        if Self.simulatedRecipients.contains(request.recipient.lowercased()) {
            return AcceptedNotification(notification: notification, template: template, isDuplicate: false, isSimulated: true)
        }
        if let batch = request.batch {
            try await store.grantBatchReaders(serviceId: service.id, batchId: batch.batchId, roles: batch.readers, now: now)
        }
        switch try await batcher.submit(notification, lane: .immediate) {
        case .accepted(let stored):
            return AcceptedNotification(notification: stored, template: template, isDuplicate: false, isSimulated: false)
        case .duplicate(let existing):
            return AcceptedNotification(notification: existing, template: template, isDuplicate: true, isSimulated: false)
        }
    }

    /// A new notification of `template` to `recipient`, with its rendered content.
    func notification(
        _ template: Template, _ content: RenderedContent, to recipient: String, personalisationJSON: String?, reference: String?,
        service: Service, key: APIKey?, origin: NotificationOrigin, now: Date
    ) -> NotificationRecord {
        NotificationRecord(
            serviceId: service.id, templateId: template.id, templateVersion: template.version, channel: template.channel,
            recipient: recipient, personalisationJSON: personalisationJSON, subject: content.subject, body: content.body,
            reference: reference, keyType: key?.type ?? .normal, apiKeyId: key?.id, origin: origin, createdAt: now,
            billableUnits: template.channel == .sms ? SMSText(SMSPrefix.text(forServiceNamed: service.name) + content.body).fragments : 0,
            htmlBody: content.html
        )
    }

    /// The rendered body as it will be stored (text messages GSM-sanitised), after Notify's empty and length checks.
    static func checkedContent(_ body: String, channel: Channel) throws(NotifyError) -> String {
        let content = channel == .sms ? SMSText(body).content : body
        if content.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            throw NotifyError.badRequest("Your message is empty.")
        }
        switch channel {
        case .sms:
            let length = content.count
            if length > maxSMSCharacters {
                throw NotifyError.badRequest(
                    "Your message is too long. Text messages cannot be longer than \(maxSMSCharacters) characters. Your message is \(length) characters long."
                )
            }
        case .email, .letter:
            let size = content.utf8.count
            if size > maxEmailBytes {
                throw NotifyError.badRequest(
                    "Your message is too long. Emails cannot be longer than \(maxEmailBytes) bytes. Your message is \(size) bytes."
                )
            }
        }
        return content
    }

    /// A notification's texts, filled in and checked.
    struct RenderedContent {
        let subject: String?
        let body: String
        let html: String?
    }

    /// A template with its texts already parsed.
    struct PreparedTemplate {
        let template: Template
        let subject: TemplateText
        let body: TemplateText
        /// A formatted email's HTML alternative.
        let html: TemplateText?

        init(_ template: Template, html: String? = nil) {
            self.template = template
            self.subject = TemplateText(template.subject ?? "")
            self.body = TemplateText(template.body)
            self.html = html.map(TemplateText.init)
        }

        /// The texts filled from `personalisation` (HTML-escaped into the HTML), after Notify's checks: every missing
        /// placeholder named, an empty or too long body refused.
        func render(_ personalisation: [String: String], channel: Channel) throws(NotifyError) -> RenderedContent {
            let values = TemplateValues(personalisation)
            let subject: String?, body: String, html: String?
            do {
                subject = channel == .email ? try self.subject.render(values) : nil
                body = try self.body.render(values)
                html = try self.html?.render(TemplateValues(personalisation.mapValues(\.htmlEscaped)))
            } catch {
                let missing = TemplateText.missingPlaceholders(in: [self.subject, self.body] + (self.html.map { [$0] } ?? []), values: values)
                throw NotifyError.badRequest("Missing personalisation: \(missing.joined(separator: ", "))")
            }
            return RenderedContent(subject: subject, body: try NotificationAcceptor.checkedContent(body, channel: channel), html: html)
        }
    }

    func template(_ id: UUID, for channel: Channel, service: Service) async throws -> PreparedTemplate {
        let cacheKey = "\(service.id.storageString)/\(id.storageString)"
        let now = Date()
        let prepared: PreparedTemplate?
        if let cached = templateCache.withLock({ $0[cacheKey] }), now.timeIntervalSince(cached.loaded) < templateCacheLifetime {
            prepared = cached.template
        } else {
            prepared = try await store.template(id: id, serviceId: service.id).map { PreparedTemplate($0) }
            if let prepared { templateCache.withLock { $0[cacheKey] = (now, prepared) } }
        }
        guard let prepared else { throw NotifyError.badRequest("Template not found") }
        let template = prepared.template
        guard template.channel == channel else {
            throw NotifyError.badRequest("\(template.channel.rawValue) template is not suitable for \(channel.rawValue) notification")
        }
        guard !template.archived else { throw NotifyError.badRequest("Template has been deleted") }
        return prepared
    }
}
