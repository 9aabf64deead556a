import Foundation
import HeraldCore
import HeraldFeedback
import HeraldStore

/// Turns a batch of send outcomes into status changes, timeline entries and queue updates, and writes them in
/// one transaction. The decisions go through ``NotificationLifecycle``; a feedback event that arrived before the
/// send was recorded (SES can be that fast) is never undone by it. Feedback the provider returned with the send
/// is applied in the same transaction (``ImmediateFeedback``).
public struct DeliveryRecorder: Sendable {
    public let store: HeraldStore
    public let retry: RetryPolicy
    /// How many soft bounces suppress an address (the simulator's bounces are applied here).
    public let softBounces: SoftBouncePolicy

    public init(store: HeraldStore, retry: RetryPolicy, softBounces: SoftBouncePolicy = .init()) {
        self.store = store
        self.retry = retry
        self.softBounces = softBounces
    }

    /// Records `outcomes` for jobs leased by `owner`.
    public func record(_ outcomes: [SendOutcome], owner: String, now: Date = Date()) async throws {
        guard !outcomes.isEmpty else { return }
        let (retry, softBounces) = (self.retry, self.softBounces)
        try await store.write { writer in
            let states = Dictionary(
                uniqueKeysWithValues: try await writer.lockStates(ids: outcomes.map(\.notificationId)).map { ($0.id, $0) }
            )
            var plan = WritePlan()
            for outcome in outcomes {
                guard let state = states[outcome.notificationId] else { continue }
                plan.add(outcome, state: state, retry: retry, now: now)
            }
            let feedback = ImmediateFeedback.apply(plan.feedback, to: &plan.updates, states: states, timeline: &plan.timeline, now: now)
            try await writer.update(plan.updates)
            try await writer.queueStatusCallbacks(plan.updates, previous: states.mapValues(\.status), now: now)
            try await writer.queueComplaintCallbacks(
                feedback.complaints, statuses: Dictionary(uniqueKeysWithValues: plan.updates.map { ($0.id, $0.status) }), now: now
            )
            try await writer.appendTimeline(plan.timeline)
            try await writer.addSuppressions(feedback.suppressions, now: now, softBounces: softBounces)
            try await writer.finishDeliveries(ids: plan.finished)
            try await writer.retryDeliveries(plan.retries, owner: owner)
            try await writer.appendFeedback(feedback.unapplied)
        }
    }
}

/// The writes one batch of outcomes needs, decided without I/O.
struct WritePlan {
    var updates: [NotificationUpdate] = []
    var timeline: [TimelineEvent] = []
    var finished: [UUID] = []
    var retries: [DeliveryRetry] = []
    var feedback: [FeedbackDocument] = []

    mutating func add(_ outcome: SendOutcome, state: NotificationState, retry: RetryPolicy, now: Date) {
        var lifecycle = NotificationLifecycle(status: state.status, facts: state.facts)
        let id = outcome.notificationId
        var update = NotificationUpdate(id: id, status: state.status, facts: state.facts, attempts: outcome.attempt, updatedAt: now)
        switch outcome.result {
        case .sent(let provider, let receipt):
            update.provider = provider
            update.providerMessageId = receipt.messageId
            update.sentAt = state.sentAt ?? now
            apply(.accepted, detail: "\(provider) message id \(receipt.messageId)", to: &lifecycle, update: &update, state: state, now: now)
            if let immediate = receipt.immediateOutcome {
                let sentTo = state.recipients.filter { outcome.unsent[$0.lowercased()] == nil }
                apply(immediate, detail: nil, to: &lifecycle, update: &update, state: state, affecting: sentTo, now: now)
            }
            for (address, reason) in outcome.unsent.sorted(by: { $0.key < $1.key }) {
                let notSent = DeliveryEvent.Kind.bounced(.permanent, subtype: "NotSent", diagnostic: reason)
                apply(notSent, detail: reason, to: &lifecycle, update: &update, state: state, affecting: [address], now: now)
            }
            feedback += receipt.feedback
            finished.append(id)
        case .failed(.transient(let message)):
            if let delay = retry.delay(after: outcome.attempt) {
                retries.append(DeliveryRetry(id: id, at: now.addingTimeInterval(delay), error: message))
                timeline.append(TimelineEvent(
                    notificationId: id, event: "retry", status: state.status,
                    detail: "attempt \(outcome.attempt) failed: \(message); next in \(Int(delay.rounded())) s", occurredAt: now, recordedAt: now
                ))
            } else {
                let reason = "gave up after \(outcome.attempt) attempts: \(message)"
                apply(.technicalFailure(reason: reason), detail: reason, to: &lifecycle, update: &update, state: state, now: now)
                update.statusReason = reason
                finished.append(id)
            }
        case .failed(.permanent(let message)):
            apply(.rejected(reason: message), detail: message, to: &lifecycle, update: &update, state: state, now: now)
            update.statusReason = message
            finished.append(id)
        case .failed(.technical(let message)):
            apply(.technicalFailure(reason: message), detail: message, to: &lifecycle, update: &update, state: state, now: now)
            update.statusReason = message
            finished.append(id)
        }
        updates.append(update)
    }

    /// Moves the notification's lifecycle; a message to several recipients moves through ``MultiRecipientLifecycle``,
    /// the event affecting `recipients` (by default all: a provider's own outcome, a `log` file written or an SMTP
    /// server's 250, stands for every recipient it was sent to).
    private mutating func apply(
        _ event: DeliveryEvent.Kind, detail: String?, to lifecycle: inout NotificationLifecycle, update: inout NotificationUpdate,
        state: NotificationState, affecting recipients: [String]? = nil, now: Date
    ) {
        if state.recipients.isEmpty {
            lifecycle.receive(event)
        } else {
            var several = MultiRecipientLifecycle(
                addresses: state.recipients, message: lifecycle, recipients: state.recipientOutcomes.merging(update.recipientOutcomes) { _, new in new }
            )
            for address in several.receive(event, affecting: recipients ?? state.recipients).changedRecipients {
                update.recipientOutcomes[address] = several.recipients[address]
            }
            lifecycle = several.message
        }
        update.status = lifecycle.status
        update.facts = lifecycle.facts
        if lifecycle.status.isFinal, update.completedAt == nil {
            update.completedAt = now
        }
        let name = DeliveryEvent(kind: event, occurredAt: now, providerMessageId: nil, notificationId: update.id, recipients: []).name
        timeline.append(TimelineEvent(notificationId: update.id, event: name, status: lifecycle.status, detail: detail, occurredAt: now, recordedAt: now))
    }
}
