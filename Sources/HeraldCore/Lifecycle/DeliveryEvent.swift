import Foundation

/// One normalised thing that happened to a sent message, from any provider or feedback source.
public struct DeliveryEvent: Sendable, Hashable {
    /// What happened.
    public enum Kind: Sendable, Hashable {
        /// The provider accepted the message (worker side, or SES "Send").
        case accepted
        /// SES Reject, or a permanent provider refusal at send time.
        case rejected(reason: String)
        case delivered
        case bounced(BounceType, subtype: String, diagnostic: String?)
        case complained(feedbackType: String?)
        case opened
        case clicked(link: String?)
        case delayed(delayType: String?)
        case renderingFailed(message: String)
        /// The worker gave up after the last attempt.
        case technicalFailure(reason: String)
        /// SES Subscription event (unsubscribe preference); tracking only.
        case subscription

        /// Short machine name, e.g. "delivered", "bounced", used as the timeline event type.
        public var name: String {
            switch self {
            case .accepted: "accepted"
            case .rejected: "rejected"
            case .delivered: "delivered"
            case .bounced: "bounced"
            case .complained: "complained"
            case .opened: "opened"
            case .clicked: "clicked"
            case .delayed: "delayed"
            case .renderingFailed: "rendering-failed"
            case .technicalFailure: "technical-failure"
            case .subscription: "subscription"
            }
        }
    }

    /// SES's `bounceType`, with SES's spelling as raw value.
    public enum BounceType: String, Sendable, Hashable {
        case permanent = "Permanent"
        case transient = "Transient"
        case undetermined = "Undetermined"
    }

    public var kind: Kind
    public var occurredAt: Date
    /// SES `mail.messageId`.
    public var providerMessageId: String?
    /// From the SES tag ``SESTags/notificationId`` if present.
    public var notificationId: UUID?
    /// Affected recipient addresses.
    public var recipients: [String]

    public init(kind: Kind, occurredAt: Date, providerMessageId: String?, notificationId: UUID?, recipients: [String]) {
        self.kind = kind
        self.occurredAt = occurredAt
        self.providerMessageId = providerMessageId
        self.notificationId = notificationId
        self.recipients = recipients
    }

    /// Short machine name, e.g. "delivered", "bounced", used as the timeline event type.
    public var name: String {
        kind.name
    }
}
