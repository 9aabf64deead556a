/// A notification's status, with GOV.UK Notify's names and wire values (API.md §5).
///
/// Letter-only and deprecated Notify statuses (`pending-virus-check`, `virus-scan-failed`,
/// `returned-letter`, `failed`) are not modelled because Herald does not produce them.
public enum NotificationStatus: String, Sendable, Codable, CaseIterable {
    case created, sending, pending, sent, delivered
    case permanentFailure = "permanent-failure"
    case temporaryFailure = "temporary-failure"
    case technicalFailure = "technical-failure"
    case validationFailed = "validation-failed"
    case cancelled

    /// Notify's "completed" statuses: set completed_at.
    ///
    /// Final does not mean frozen: ``NotificationLifecycle`` still lets later evidence move
    /// some of them (a late hard bounce after `delivered`, an eventual delivery after
    /// `temporary-failure`).
    public var isFinal: Bool {
        switch self {
        case .created, .sending, .pending:
            false
        case .sent, .delivered, .permanentFailure, .temporaryFailure, .technicalFailure,
             .validationFailed, .cancelled:
            true
        }
    }
}
