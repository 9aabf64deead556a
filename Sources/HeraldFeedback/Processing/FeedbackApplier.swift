import Foundation
import HeraldCore
import HeraldStore

/// How long to keep trying an event whose notification is not known yet, and how often.
public struct UnmatchedEventPolicy: Sendable {
    /// After this, an unmatched event goes to the dead-letter table.
    public var giveUpAfter: TimeInterval
    public var retryDelay: TimeInterval

    public init(giveUpAfter: TimeInterval = 3 * 24 * 3600, retryDelay: TimeInterval = 30) {
        self.giveUpAfter = giveUpAfter
        self.retryDelay = retryDelay
    }
}

/// What one pass over the feedback inbox did.
public struct FeedbackPass: Sendable, Equatable {
    public var claimed = 0
    public var applied = 0
    public var deferred = 0
    public var deadLettered = 0
}

/// Applies inbox entries to notifications in one transaction: parses each (SES, either format, optionally in an
/// SNS envelope), matches its events by the notification-id tag first and the provider message id second, moves
/// each notification through ``NotificationLifecycle`` and records the raw event on its timeline.
/// Entries that match nothing yet are kept and tried again; entries that cannot be parsed are dead-lettered, never dropped.
public struct FeedbackApplier: Sendable {
    public let store: HeraldStore
    public let unmatched: UnmatchedEventPolicy
    /// How many soft bounces suppress an address.
    public let softBounces: SoftBouncePolicy

    public init(store: HeraldStore, unmatched: UnmatchedEventPolicy = .init(), softBounces: SoftBouncePolicy = .init()) {
        self.store = store
        self.unmatched = unmatched
        self.softBounces = softBounces
    }

    public func applyPass(limit: Int, now: Date = Date()) async throws -> FeedbackPass {
        let (unmatched, softBounces) = (self.unmatched, self.softBounces)
        return try await store.write { writer in
            let entries = try await writer.claimFeedback(limit: limit, now: now)
            var pass = FeedbackPass(claimed: entries.count)
            var parsed: [(entry: StoredFeedback, events: [DeliveryEvent])] = []
            for entry in entries {
                do {
                    parsed.append((entry, try SESEventParser.parse(Data(entry.document.body.utf8))))
                } catch {
                    try await writer.deadLetterFeedback(entry, error: "\(error)", now: now)
                    pass.deadLettered += 1
                }
            }
            let allEvents = parsed.flatMap(\.events)
            let states = try await writer.lockStates(
                ids: Array(Set(allEvents.compactMap(\.notificationId))),
                providerMessageIds: Array(Set(allEvents.compactMap(\.providerMessageId)))
            )
            var matcher = EventMatcher(states: states)
            var applied: [Int64] = []
            for (entry, events) in parsed {
                if matcher.apply(events, raw: entry.document.body, now: now) {
                    applied.append(entry.id)
                } else if now.timeIntervalSince(entry.document.receivedAt) > unmatched.giveUpAfter {
                    try await writer.deadLetterFeedback(entry, error: "no notification matches these events", now: now)
                    pass.deadLettered += 1
                } else {
                    let delay = unmatched.retryDelay * Double(min(entry.attempts + 1, 20))
                    try await writer.deferFeedback(id: entry.id, until: now.addingTimeInterval(delay), reason: "no notification matches yet")
                    pass.deferred += 1
                }
            }
            try await writer.update(matcher.updates)
            try await writer.queueStatusCallbacks(
                matcher.updates, previous: Dictionary(states.map { ($0.id, $0.status) }, uniquingKeysWith: { first, _ in first }), now: now
            )
            try await writer.queueComplaintCallbacks(
                matcher.complaints, statuses: Dictionary(uniqueKeysWithValues: matcher.updates.map { ($0.id, $0.status) }), now: now
            )
            try await writer.appendTimeline(matcher.timeline)
            try await writer.addSuppressions(matcher.suppressions, now: now, softBounces: softBounces)
            try await writer.deleteFeedback(ids: applied)
            pass.applied = applied.count
            return pass
        }
    }
}
