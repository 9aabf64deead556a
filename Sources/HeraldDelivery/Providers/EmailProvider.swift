import Foundation
import HeraldCore
import HeraldStore

/// An email ready for a provider: rendered, addressed, tagged with its notification.
public struct OutgoingEmail: Sendable {
    public var notificationId: UUID
    public var serviceId: UUID
    public var from: String
    public var to: String
    /// More recipients: when not empty, ``to`` and these each get the message by blind copy, and its `To` header is
    /// left out so that no one sees the others.
    public var bcc: [String]
    public var subject: String
    public var textBody: String
    /// An HTML alternative to the text.
    public var htmlBody: String?
    /// Where replies go (`Reply-To`).
    public var replyTo: String?
    /// The https page where the recipient unsubscribes with one click, for `List-Unsubscribe` (bulk mail only).
    public var unsubscribeURL: String?

    public init(
        notificationId: UUID, serviceId: UUID, from: String, to: String, bcc: [String] = [], subject: String, textBody: String, htmlBody: String? = nil,
        replyTo: String? = nil, unsubscribeURL: String? = nil
    ) {
        self.notificationId = notificationId
        self.serviceId = serviceId
        self.from = from
        self.to = to
        self.bcc = bcc
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.replyTo = replyTo
        self.unsubscribeURL = unsubscribeURL
    }

    /// Everyone the message goes to: ``to``, then ``bcc``.
    public var recipients: [String] {
        [to] + bcc
    }
}

/// What a provider says when it takes a message.
public struct ProviderReceipt: Sendable {
    /// The provider's id for the message (SES `MessageId`); feedback events are matched on it.
    public var messageId: String
    /// Feedback the provider produced at once (the simulator's SES events); it enters the feedback inbox in the
    /// same transaction that records the send.
    public var feedback: [FeedbackDocument]
    /// An outcome known at send time, for providers that have no feedback channel (the `log` provider delivers
    /// by writing the file).
    public var immediateOutcome: DeliveryEvent.Kind?
    /// Recipients of a message to several that the provider refused while taking the message for the others (an
    /// SMTP server's 550 to one `RCPT TO`), by lowercased address, each with the provider's words.
    public var refused: [String: String]

    public init(messageId: String, feedback: [FeedbackDocument] = [], immediateOutcome: DeliveryEvent.Kind? = nil, refused: [String: String] = [:]) {
        self.messageId = messageId
        self.feedback = feedback
        self.immediateOutcome = immediateOutcome
        self.refused = refused
    }
}

/// Why a provider did not take a message.
public enum ProviderError: Error, Sendable {
    /// Worth trying again later: throttling, a timeout, a 5xx, a connection failure.
    case transient(String)
    /// The provider refused this message for good (e.g. rejected content): the notification fails permanently.
    case permanent(String)
    /// Herald or its configuration is at fault (e.g. access denied): the notification fails technically.
    case technical(String)

    public var message: String {
        switch self {
        case .transient(let message), .permanent(let message), .technical(let message): message
        }
    }
}

/// Something that delivers email: the simulator, a folder of `.eml` files, SES, SMTP.
public protocol EmailProvider: Sendable {
    /// The name stored on each notification it sends (`simulator`, `log`, `ses`, …); also names its send schedule.
    var name: String { get }
    func send(_ email: OutgoingEmail) async throws(ProviderError) -> ProviderReceipt
    /// The most messages per second the provider account takes, when the provider can tell (SES's `MaxSendRate`).
    func accountSendRate() async -> Double?
    /// False for providers that deliver to no one (the simulator, a folder of files): the playpen lets them send.
    var reachesRecipients: Bool { get }
}

extension EmailProvider {
    public func accountSendRate() async -> Double? { nil }
    public var reachesRecipients: Bool { true }
}
