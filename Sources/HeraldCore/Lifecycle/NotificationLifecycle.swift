/// The single explicit state machine for a notification's status. Pure value type, no I/O.
///
/// Feedback arrives out of order and more than once (SES can publish a Delivery before the
/// worker has stored the Send; SNS and SQS redeliver), so ``receive(_:)`` is idempotent and
/// order-independent: any order of the same events ends in the same status and facts.
/// Evidence is ranked, weakest first: in flight (`sending`), technical failure, soft bounce
/// (`temporary-failure`), delivery, hard failure (`permanent-failure`); a status only ever
/// moves to stronger evidence. `sent`, `validation-failed` and `cancelled` never move.
///
/// Choices where Notify gives no rule or is order-dependent:
/// - SES **Reject** (virus found in the content) is `permanent-failure`: resending the same
///   content is rejected again, so `technical-failure`'s meaning ("a problem between Notify and
///   the provider, try again") would mislead the caller.
/// - `technical-failure` gives way to a later delivery or bounce from SES: it only says that
///   Herald gave up, while SES's receipt proves what happened to the message (for example
///   SES accepted it but the response timed out).
/// - Facts are recorded in every status; they never change the status except that an open,
///   click or complaint proves delivery.
public struct NotificationLifecycle: Sendable, Hashable {
    public var status: NotificationStatus
    public var facts: TrackingFacts

    public init(status: NotificationStatus, facts: TrackingFacts = []) {
        self.status = status
        self.facts = facts
    }

    /// What one ``NotificationLifecycle/receive(_:)`` call changed.
    public struct Transition: Sendable, Hashable {
        public var statusChanged: Bool
        public var factsChanged: Bool

        public init(statusChanged: Bool, factsChanged: Bool) {
            self.statusChanged = statusChanged
            self.factsChanged = factsChanged
        }

        /// Nothing changed: a duplicate, or evidence weaker than what is already known.
        public var isNoOp: Bool {
            !statusChanged && !factsChanged
        }
    }

    /// Applies an event; returns what changed. Idempotent and order-independent.
    @discardableResult
    public mutating func receive(_ event: DeliveryEvent.Kind) -> Transition {
        let newStatus = Self.status(after: status, given: Evidence(event))
        let newFacts = facts.union(Self.facts(recordedBy: event))
        let transition = Transition(statusChanged: newStatus != status, factsChanged: newFacts != facts)
        status = newStatus
        facts = newFacts
        return transition
    }

    /// What an event proves about the message's delivery.
    private enum Evidence {
        case none, inFlight, delivered, softFailure, hardFailure, technicalFailure

        init(_ event: DeliveryEvent.Kind) {
            switch event {
            case .subscription: self = .none
            case .accepted, .delayed: self = .inFlight
            case .delivered, .opened, .clicked, .complained: self = .delivered
            case .bounced(.permanent, _, _), .rejected: self = .hardFailure
            case .bounced(.transient, _, _), .bounced(.undetermined, _, _): self = .softFailure
            case .renderingFailed, .technicalFailure: self = .technicalFailure
            }
        }
    }

    private static func status(after current: NotificationStatus, given evidence: Evidence) -> NotificationStatus {
        switch current {
        case .created:
            switch evidence {
            case .none: current
            case .inFlight: .sending
            case .delivered: .delivered
            case .softFailure: .temporaryFailure
            case .hardFailure: .permanentFailure
            case .technicalFailure: .technicalFailure
            }
        case .sending, .pending:
            switch evidence {
            case .none, .inFlight: current
            case .delivered: .delivered
            case .softFailure: .temporaryFailure
            case .hardFailure: .permanentFailure
            case .technicalFailure: .technicalFailure
            }
        case .technicalFailure:
            switch evidence {
            case .none, .inFlight, .technicalFailure: current
            case .delivered: .delivered
            case .softFailure: .temporaryFailure
            case .hardFailure: .permanentFailure
            }
        case .temporaryFailure:
            switch evidence {
            case .none, .inFlight, .softFailure, .technicalFailure: current
            case .delivered: .delivered
            case .hardFailure: .permanentFailure
            }
        case .delivered:
            switch evidence {
            case .none, .inFlight, .delivered, .softFailure, .technicalFailure: current
            case .hardFailure: .permanentFailure
            }
        case .permanentFailure, .sent, .validationFailed, .cancelled:
            current
        }
    }

    /// The facts an event records, whatever the status.
    static func facts(recordedBy event: DeliveryEvent.Kind) -> TrackingFacts {
        switch event {
        case .opened: .opened
        case .clicked: [.opened, .clicked]
        case .complained: .complained
        case .delayed: .delayed
        case .accepted, .rejected, .delivered, .bounced, .renderingFailed, .technicalFailure, .subscription: []
        }
    }
}
