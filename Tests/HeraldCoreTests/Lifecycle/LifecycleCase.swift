import HeraldCore
import Testing

/// One row of the lifecycle's expected transition table: an event and the status it leads to
/// from each starting status.
struct LifecycleCase: Sendable, CustomTestStringConvertible {
    let label: String
    let event: DeliveryEvent.Kind
    /// The status after the event, for each starting status in `NotificationStatus.allCases`
    /// order: created, sending, pending, sent, delivered, permanent-failure, temporary-failure,
    /// technical-failure, validation-failed, cancelled.
    let results: [NotificationStatus]
    let facts: TrackingFacts

    var testDescription: String { label }

    func result(from status: NotificationStatus) -> NotificationStatus {
        results[NotificationStatus.allCases.firstIndex(of: status)!]
    }

    private static let unchanged = NotificationStatus.allCases
    private static let toSending: [NotificationStatus] = [
        .sending, .sending, .pending, .sent, .delivered,
        .permanentFailure, .temporaryFailure, .technicalFailure, .validationFailed, .cancelled,
    ]
    private static let toDelivered: [NotificationStatus] = [
        .delivered, .delivered, .delivered, .sent, .delivered,
        .permanentFailure, .delivered, .delivered, .validationFailed, .cancelled,
    ]
    private static let toPermanentFailure: [NotificationStatus] = [
        .permanentFailure, .permanentFailure, .permanentFailure, .sent, .permanentFailure,
        .permanentFailure, .permanentFailure, .permanentFailure, .validationFailed, .cancelled,
    ]
    private static let toTemporaryFailure: [NotificationStatus] = [
        .temporaryFailure, .temporaryFailure, .temporaryFailure, .sent, .delivered,
        .permanentFailure, .temporaryFailure, .temporaryFailure, .validationFailed, .cancelled,
    ]
    private static let toTechnicalFailure: [NotificationStatus] = [
        .technicalFailure, .technicalFailure, .technicalFailure, .sent, .delivered,
        .permanentFailure, .temporaryFailure, .technicalFailure, .validationFailed, .cancelled,
    ]

    static let all: [LifecycleCase] = [
        LifecycleCase(label: "accepted", event: .accepted, results: toSending, facts: []),
        LifecycleCase(
            label: "rejected", event: .rejected(reason: "Bad content"), results: toPermanentFailure, facts: []
        ),
        LifecycleCase(label: "delivered", event: .delivered, results: toDelivered, facts: []),
        LifecycleCase(
            label: "bounced permanent",
            event: .bounced(.permanent, subtype: "General", diagnostic: "smtp; 550 5.1.1 user unknown"),
            results: toPermanentFailure,
            facts: []
        ),
        LifecycleCase(
            label: "bounced transient",
            event: .bounced(.transient, subtype: "MailboxFull", diagnostic: nil),
            results: toTemporaryFailure,
            facts: []
        ),
        LifecycleCase(
            label: "bounced undetermined",
            event: .bounced(.undetermined, subtype: "Undetermined", diagnostic: nil),
            results: toTemporaryFailure,
            facts: []
        ),
        LifecycleCase(
            label: "complained", event: .complained(feedbackType: "abuse"), results: toDelivered, facts: .complained
        ),
        LifecycleCase(label: "opened", event: .opened, results: toDelivered, facts: .opened),
        LifecycleCase(
            label: "clicked", event: .clicked(link: "https://example.com"), results: toDelivered,
            facts: [.opened, .clicked]
        ),
        LifecycleCase(label: "delayed", event: .delayed(delayType: "MailboxFull"), results: toSending, facts: .delayed),
        LifecycleCase(
            label: "rendering failed",
            event: .renderingFailed(message: "Attribute 'x' is missing"),
            results: toTechnicalFailure,
            facts: []
        ),
        LifecycleCase(
            label: "technical failure", event: .technicalFailure(reason: "timeout"), results: toTechnicalFailure,
            facts: []
        ),
        LifecycleCase(label: "subscription", event: .subscription, results: unchanged, facts: []),
    ]
}
