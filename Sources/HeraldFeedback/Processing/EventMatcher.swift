import Foundation
import HeraldCore
import HeraldStore

/// Matches normalised events to locked notification states and folds them through the lifecycle, collecting the
/// resulting updates and timeline entries. Pure: no I/O.
struct EventMatcher {
    private var states: [UUID: NotificationState]
    private var idByMessageId: [String: UUID]
    private var changed: [UUID: NotificationUpdate] = [:]
    private(set) var timeline: [TimelineEvent] = []
    /// Addresses that bounced permanently or complained, to suppress, and soft bounces, to count.
    private(set) var suppressions: [SuppressionFinding] = []
    /// First complaints about a notification, for complaint callbacks.
    private(set) var complaints: [ComplaintFinding] = []

    init(states: [NotificationState]) {
        self.states = Dictionary(uniqueKeysWithValues: states.map { ($0.id, $0) })
        self.idByMessageId = Dictionary(states.compactMap { s in s.providerMessageId.map { ($0, s.id) } }, uniquingKeysWith: { a, _ in a })
    }

    var updates: [NotificationUpdate] { Array(changed.values) }

    /// Applies the events of one feedback document; false when none of them matches a notification.
    mutating func apply(_ events: [DeliveryEvent], raw: String, now: Date) -> Bool {
        var matchedAny = false
        for event in events {
            guard let id = event.notificationId.flatMap({ states[$0] != nil ? $0 : nil }) ?? event.providerMessageId.flatMap({ idByMessageId[$0] }),
                let state = states[id]
            else { continue }
            matchedAny = true
            var update = changed[id] ?? NotificationUpdate(id: id, status: state.status, facts: state.facts, updatedAt: now)
            let lifecycle: NotificationLifecycle, transition: NotificationLifecycle.Transition
            var recipientOutcomes = state.recipientOutcomes
            var changedRecipients: [String] = []
            if state.recipients.isEmpty {
                var single = NotificationLifecycle(status: state.status, facts: state.facts)
                transition = single.receive(event.kind)
                lifecycle = single
            } else {
                var several = MultiRecipientLifecycle(
                    addresses: state.recipients, message: NotificationLifecycle(status: state.status, facts: state.facts), recipients: recipientOutcomes
                )
                let received = several.receive(event.kind, affecting: event.recipients)
                changedRecipients = received.changedRecipients
                for address in changedRecipients {
                    update.recipientOutcomes[address] = several.recipients[address]
                }
                lifecycle = several.message
                transition = received.message
                recipientOutcomes = several.recipients
            }
            update.status = lifecycle.status
            update.facts = lifecycle.facts
            update.updatedAt = now
            if let messageId = event.providerMessageId, state.providerMessageId == nil {
                update.providerMessageId = messageId
            }
            if lifecycle.status.isFinal, transition.statusChanged {
                update.completedAt = event.occurredAt
            }
            if let reason = event.kind.reason, transition.statusChanged, lifecycle.status != .delivered {
                update.statusReason = reason
            }
            changed[id] = update
            if lifecycle.facts.contains(.complained), !state.facts.contains(.complained) {
                complaints.append(ComplaintFinding(notificationId: id, complainedAt: event.occurredAt))
            }
            states[id] = NotificationState(
                id: id, status: lifecycle.status, facts: lifecycle.facts, providerMessageId: state.providerMessageId ?? event.providerMessageId,
                sentAt: state.sentAt, recipients: state.recipients, recipientOutcomes: recipientOutcomes
            )
            if let reason = event.kind.suppressionReason {
                suppressions += event.recipients.map {
                    SuppressionFinding(notificationId: id, address: $0, reason: reason, source: event.providerMessageId)
                }
            } else if case .bounced = event.kind {
                suppressions += event.recipients.map {
                    SuppressionFinding(notificationId: id, address: $0, reason: .bounce, source: event.providerMessageId, isSoftBounce: true)
                }
            }
            timeline.append(TimelineEvent(
                notificationId: id, event: event.name, status: lifecycle.status,
                detail: Self.detail(of: event.kind, changedRecipients: changedRecipients, isNoOp: transition.isNoOp && changedRecipients.isEmpty),
                raw: raw, occurredAt: event.occurredAt, recordedAt: now
            ))
        }
        return matchedAny
    }
}

extension EventMatcher {
    /// The timeline's note on an event: nothing changed, or why it failed, prefixed with the recipients it moved in a
    /// message to several.
    static func detail(of kind: DeliveryEvent.Kind, changedRecipients: [String], isNoOp: Bool) -> String? {
        guard !isNoOp else { return "no change (duplicate or out of order)" }
        guard !changedRecipients.isEmpty else { return kind.reason }
        let recipients = changedRecipients.joined(separator: ", ")
        return kind.reason.map { "\(recipients): \($0)" } ?? recipients
    }
}

extension DeliveryEvent.Kind {
    /// Why the recipient should no longer be sent to: after a permanent bounce or a complaint.
    var suppressionReason: Suppression.Reason? {
        switch self {
        case .bounced(.permanent, _, _): .bounce
        case .complained: .complaint
        case .bounced(.transient, _, _), .bounced(.undetermined, _, _), .accepted, .rejected, .delivered, .opened, .clicked, .delayed, .renderingFailed,
             .technicalFailure, .subscription: nil
        }
    }

    /// A person-readable reason for failures, kept as the notification's status reason.
    var reason: String? {
        switch self {
        case .rejected(let reason), .technicalFailure(let reason): reason
        case .bounced(let type, let subtype, let diagnostic): "\(type.rawValue) bounce (\(subtype))" + (diagnostic.map { ": \($0)" } ?? "")
        case .renderingFailed(let message): "rendering failed: \(message)"
        case .accepted, .delivered, .complained, .opened, .clicked, .delayed, .subscription: nil
        }
    }
}
