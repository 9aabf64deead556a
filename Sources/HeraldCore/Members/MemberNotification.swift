import Foundation

/// A notification to members as the platform asks for it: what it is about, whom it is for, and its content. The
/// title, body and email/text templates may hold `((placeholders))` filled from `context` and the member's own
/// `((member_name))`; a text template also gets `((title))`, `((body))` and `((url))`.
public struct MemberNotification: Sendable {
    /// Whom a notification is for, before preferences.
    public enum Audience: Sendable, Hashable {
        /// Every member of the service (a broadcast).
        case everyone
        /// The members the caller names.
        case members([String])
        /// The members listening to the notification's event type in its scope (a happening).
        case listeners
        /// One member (a personal notification).
        case member(String)
    }

    public var id: UUID
    public var serviceId: UUID
    public var subject: MemberNotificationSubject
    public var audience: Audience
    /// What a happening happened in (a forum, a post): only listens without a scope or with this one hear it.
    public var scope: String?
    /// Members left out whatever else applies, such as the one whose comment is the happening.
    public var excluded: Set<String>
    public var title: String
    public var body: String
    /// The platform's page for it, relative (`/forums/post/42`): the in-app item links there.
    public var link: String?
    /// The same page as an absolute URL, for email and text.
    public var url: String?
    public var context: [String: String]
    /// The channels asked for besides in-app (which always gets it).
    public var channels: [Channel]
    /// The service's templates for the email and the text; nil for Herald's plain ones (title as the subject).
    public var emailTemplateId: UUID?
    public var smsTemplateId: UUID?
    public var expiresAt: Date?
    public var createdAt: Date

    public init(
        id: UUID = .random(), serviceId: UUID, subject: MemberNotificationSubject, audience: Audience, scope: String? = nil,
        excluded: Set<String> = [], title: String, body: String, link: String? = nil, url: String? = nil, context: [String: String] = [:],
        channels: [Channel] = [.email], emailTemplateId: UUID? = nil, smsTemplateId: UUID? = nil, expiresAt: Date? = nil, createdAt: Date = Date()
    ) {
        self.id = id
        self.serviceId = serviceId
        self.subject = subject
        self.audience = audience
        self.scope = scope
        self.excluded = excluded
        self.title = title
        self.body = body
        self.link = link
        self.url = url
        self.context = context
        self.channels = channels
        self.emailTemplateId = emailTemplateId
        self.smsTemplateId = smsTemplateId
        self.expiresAt = expiresAt
        self.createdAt = createdAt
    }

    /// Whether the emails and texts wait behind immediate sends: a broadcast or a happening may reach thousands.
    public var priority: DeliveryPriority {
        switch subject.kind {
        case .systemBroadcast, .broadcast, .happening: .bulk
        case .namedSpecific, .personal: .immediate
        }
    }
}
