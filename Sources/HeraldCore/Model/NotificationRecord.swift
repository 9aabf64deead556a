import Foundation

/// Where a notification came from.
public enum NotificationOrigin: String, Sendable, Codable {
    case api
    case cli
    case job
    /// A member notification's email or text (``MemberNotificationKind``): members' preferences, not the bulk-mail
    /// unsubscribe, decide whether it goes; its unsubscribe link leads to the member's preferences.
    case members
}

/// How urgently a notification should be delivered: immediate sends (API, CLI) overtake bulk work (jobs) in the queue.
public enum DeliveryPriority: Int, Sendable, Codable, Comparable {
    case immediate = 0
    case bulk = 1

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A message to one recipient (or to several by blind copy, see ``bcc``), rendered at acceptance, with its delivery state.
public struct NotificationRecord: Sendable, Hashable {
    public var id: UUID
    public var serviceId: UUID
    public var templateId: UUID
    public var templateVersion: Int
    public var channel: Channel
    /// The recipient as the client submitted it.
    public var recipient: String
    /// More recipients of the same message, for an email to many people at once: when not empty, ``recipient`` and
    /// these each get the one message by blind copy (its `To` header names no one, so no one sees the others).
    public var bcc: [String]
    /// The personalisation as submitted (a JSON object), kept for audit and re-rendering.
    public var personalisationJSON: String?
    public var subject: String?
    public var body: String
    /// The client's own reference.
    public var reference: String?
    public var status: NotificationStatus
    public var facts: TrackingFacts
    /// Why the notification reached its status, when that is not obvious (a provider's error, a bounce's diagnostic).
    public var statusReason: String?
    public var provider: String?
    public var providerMessageId: String?
    public var attempts: Int
    public var keyType: KeyType
    public var apiKeyId: UUID?
    public var origin: NotificationOrigin
    public var jobId: UUID?
    public var jobRowNumber: Int?
    public var idempotencyKey: String?
    public var createdAt: Date
    public var scheduledFor: Date?
    public var sentAt: Date?
    public var completedAt: Date?
    public var updatedAt: Date
    /// Messages the provider bills for it: the fragments of a text message (see `SMSText`); 0 for email.
    public var billableUnits: Int
    /// Where the recipient unsubscribes with one click (`List-Unsubscribe`): the client's own page, given as
    /// Notify's `one_click_unsubscribe_url`.
    public var unsubscribeURL: String?
    /// The batch the caller sent it in (`batch_id`): role groups granted read access to the batch may read it
    /// (see ``EmailViewer``).
    public var batchId: String?
    /// Where replies go (`Reply-To`), when not to the sender.
    public var replyTo: String?
    /// An HTML alternative to ``body``, written by the caller of a formatted email.
    public var htmlBody: String?

    public init(
        id: UUID = .timeOrdered(),
        serviceId: UUID,
        templateId: UUID,
        templateVersion: Int,
        channel: Channel,
        recipient: String,
        bcc: [String] = [],
        personalisationJSON: String? = nil,
        subject: String?,
        body: String,
        reference: String? = nil,
        status: NotificationStatus = .created,
        facts: TrackingFacts = [],
        statusReason: String? = nil,
        provider: String? = nil,
        providerMessageId: String? = nil,
        attempts: Int = 0,
        keyType: KeyType,
        apiKeyId: UUID? = nil,
        origin: NotificationOrigin,
        jobId: UUID? = nil,
        jobRowNumber: Int? = nil,
        idempotencyKey: String? = nil,
        createdAt: Date = Date(),
        scheduledFor: Date? = nil,
        sentAt: Date? = nil,
        completedAt: Date? = nil,
        updatedAt: Date? = nil,
        billableUnits: Int = 0,
        unsubscribeURL: String? = nil,
        batchId: String? = nil,
        replyTo: String? = nil,
        htmlBody: String? = nil
    ) {
        self.id = id
        self.serviceId = serviceId
        self.templateId = templateId
        self.templateVersion = templateVersion
        self.channel = channel
        self.recipient = recipient
        self.bcc = bcc
        self.personalisationJSON = personalisationJSON
        self.subject = subject
        self.body = body
        self.reference = reference
        self.status = status
        self.facts = facts
        self.statusReason = statusReason
        self.provider = provider
        self.providerMessageId = providerMessageId
        self.attempts = attempts
        self.keyType = keyType
        self.apiKeyId = apiKeyId
        self.origin = origin
        self.jobId = jobId
        self.jobRowNumber = jobRowNumber
        self.idempotencyKey = idempotencyKey
        self.createdAt = createdAt
        self.scheduledFor = scheduledFor
        self.sentAt = sentAt
        self.completedAt = completedAt
        self.updatedAt = updatedAt ?? createdAt
        self.billableUnits = billableUnits
        self.unsubscribeURL = unsubscribeURL
        self.batchId = batchId
        self.replyTo = replyTo
        self.htmlBody = htmlBody
    }

    /// Everyone the message goes to: ``recipient``, then ``bcc``.
    public var recipients: [String] {
        [recipient] + bcc
    }
}
