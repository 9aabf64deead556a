/// The lifecycle of one message sent to several recipients at once (a batch of blind copies): each recipient has
/// their own ``NotificationLifecycle``, and the message's status follows from theirs, so one recipient's bounce or
/// complaint is recorded for that recipient without failing the message for the others. Pure value type, no I/O.
///
/// Rules, all order-independent because each part is:
/// - Events about the message as a whole (accepted, rejected, rendering failure, technical failure) move the
///   message's own lifecycle.
/// - Delivery, bounce and complaint events move the lifecycle of each recipient they name (unnamed addresses are
///   ignored: they are not this message's). A complaint is also a fact of the message.
/// - Opens, clicks, delays and subscription events cannot be told apart between blind copies (SES tracks the one
///   message), so they are facts of the message only and never move a status.
/// - Once every recipient has a final outcome, the message is `delivered` if anyone got it, else
///   `permanent-failure` if anyone's failure is permanent, else `temporary-failure`. Until then it is `sending`
///   once any outcome is known, or whatever its own events made it.
public struct MultiRecipientLifecycle: Sendable, Hashable {
    /// Every recipient, lowercased.
    public let addresses: [String]
    public private(set) var message: NotificationLifecycle
    /// The outcome of each recipient heard of so far, by lowercased address.
    public private(set) var recipients: [String: NotificationLifecycle]

    public init(addresses: [String], message: NotificationLifecycle, recipients: [String: NotificationLifecycle] = [:]) {
        self.addresses = addresses.map { $0.lowercased() }
        self.message = message
        self.recipients = recipients
    }

    /// Applies an event naming `affected` recipients; returns what changed for the message, and the recipients whose
    /// outcome changed.
    @discardableResult
    public mutating func receive(
        _ event: DeliveryEvent.Kind, affecting affected: [String]
    ) -> (message: NotificationLifecycle.Transition, changedRecipients: [String]) {
        let before = message
        var changed: [String] = []
        switch event {
        case .accepted, .rejected, .renderingFailed, .technicalFailure:
            message.receive(event)
        case .opened, .clicked, .delayed, .subscription:
            message.facts.formUnion(NotificationLifecycle.facts(recordedBy: event))
        case .delivered, .bounced, .complained:
            let known = Set(addresses)
            for address in Set(affected.map { $0.lowercased() }) where known.contains(address) {
                var lifecycle = recipients[address] ?? NotificationLifecycle(status: .sending)
                if !lifecycle.receive(event).isNoOp || recipients[address] == nil {
                    changed.append(address)
                }
                recipients[address] = lifecycle
            }
            message.facts.formUnion(NotificationLifecycle.facts(recordedBy: event))
        }
        message.status = status()
        return (NotificationLifecycle.Transition(statusChanged: message.status != before.status, factsChanged: message.facts != before.facts), changed.sorted())
    }

    /// The message's status from its own events and its recipients' outcomes.
    private func status() -> NotificationStatus {
        let outcomes = addresses.compactMap { recipients[$0]?.status }
        if outcomes.count == addresses.count, outcomes.allSatisfy(\.isFinal) {
            if outcomes.contains(.delivered) { return .delivered }
            return outcomes.contains(.permanentFailure) ? .permanentFailure : .temporaryFailure
        }
        return message.status == .created && !outcomes.isEmpty ? .sending : message.status
    }
}
