import Foundation
import HeraldCore
import HeraldStore

/// Applies the feedback a provider returned with a send (the simulator's SES events) inside the transaction that
/// records the send, through the same parser, matcher and lifecycle as events arriving from SNS or SQS.
///
/// Those arrive from outside and go through the feedback inbox first, so they are durable before they are applied;
/// these are born inside a durable transaction and need no such hop. A document that does not parse or matches no
/// notification is handed back for the inbox, so it is retried or dead-lettered like any other.
public enum ImmediateFeedback {
    /// What applying a batch's feedback found besides status changes.
    public struct Result: Sendable {
        /// The documents that could not be applied, for the inbox.
        public var unapplied: [FeedbackDocument] = []
        /// Addresses to suppress.
        public var suppressions: [SuppressionFinding] = []
        /// First complaints, for complaint callbacks.
        public var complaints: [ComplaintFinding] = []
    }

    /// Folds `documents` into `updates` (the batch's pending status changes, one per notification, whose locked
    /// states before the batch are `states`) and `timeline`.
    public static func apply(
        _ documents: [FeedbackDocument], to updates: inout [NotificationUpdate], states: [UUID: NotificationState], timeline: inout [TimelineEvent],
        now: Date
    ) -> Result {
        guard !documents.isEmpty else { return Result() }
        var matcher = EventMatcher(states: updates.map {
            NotificationState(
                id: $0.id, status: $0.status, facts: $0.facts, providerMessageId: $0.providerMessageId, sentAt: $0.sentAt,
                recipients: states[$0.id]?.recipients ?? [],
                recipientOutcomes: (states[$0.id]?.recipientOutcomes ?? [:]).merging($0.recipientOutcomes) { _, new in new }
            )
        })
        var leftovers: [FeedbackDocument] = []
        for document in documents {
            guard let events = try? SESEventParser.parse(Data(document.body.utf8)), matcher.apply(events, raw: document.body, now: now) else {
                leftovers.append(document)
                continue
            }
        }
        let changes = Dictionary(uniqueKeysWithValues: matcher.updates.map { ($0.id, $0) })
        for index in updates.indices {
            guard let change = changes[updates[index].id] else { continue }
            updates[index].status = change.status
            updates[index].facts = change.facts
            updates[index].completedAt = updates[index].completedAt ?? change.completedAt
            updates[index].statusReason = change.statusReason ?? updates[index].statusReason
            updates[index].recipientOutcomes.merge(change.recipientOutcomes) { _, new in new }
        }
        timeline += matcher.timeline
        return Result(unapplied: leftovers, suppressions: matcher.suppressions, complaints: matcher.complaints)
    }
}
