import Foundation
import HeraldCore
import SQLKit

/// Something SNS said about one of the webhook's subscriptions.
public struct SNSSubscriptionChange: Sendable, Hashable {
    /// SNS's message type: `SubscriptionConfirmation` (Herald confirmed it) or `UnsubscribeConfirmation` (the
    /// subscription ended; no more events arrive until someone resubscribes through ``subscribeURL``).
    public var kind: String
    public var messageId: String
    public var topicArn: String
    /// Where the subscription is (re)confirmed.
    public var subscribeURL: String?
    /// SNS's `Timestamp`, as SNS wrote it.
    public var sentAt: String
    public var receivedAt: Date

    public init(kind: String, messageId: String, topicArn: String, subscribeURL: String?, sentAt: String, receivedAt: Date) {
        self.kind = kind
        self.messageId = messageId
        self.topicArn = topicArn
        self.subscribeURL = subscribeURL
        self.sentAt = sentAt
        self.receivedAt = receivedAt
    }
}

extension HeraldStore {
    /// Records a subscription change once (SNS redelivers: a repeat of the same message changes nothing).
    public func recordSNSSubscriptionChange(_ change: SNSSubscriptionChange) async throws {
        try await engine.autocommit { db in
            try await db.raw("""
                INSERT INTO sns_subscription_changes (message_id, topic_arn, kind, subscribe_url, sent_at, received_at)
                VALUES (\(bind: change.messageId), \(bind: change.topicArn), \(bind: change.kind), \(bind: change.subscribeURL),
                        \(bind: change.sentAt), \(bind: change.receivedAt.microsecondsSinceEpoch))
                ON CONFLICT (message_id) DO NOTHING
                """).run()
        }
    }

    /// The recorded subscription changes, newest first.
    public func snsSubscriptionChanges(limit: Int = 100) async throws -> [SNSSubscriptionChange] {
        try await engine.read { db in
            try await db.raw("""
                SELECT message_id, topic_arn, kind, subscribe_url, sent_at, received_at FROM sns_subscription_changes
                ORDER BY received_at DESC, message_id LIMIT \(bind: limit)
                """).all().map { row in
                SNSSubscriptionChange(
                    kind: try row.decode(column: "kind", as: String.self),
                    messageId: try row.decode(column: "message_id", as: String.self),
                    topicArn: try row.decode(column: "topic_arn", as: String.self),
                    subscribeURL: try row.decode(column: "subscribe_url", as: String?.self),
                    sentAt: try row.decode(column: "sent_at", as: String.self),
                    receivedAt: Date(microsecondsSinceEpoch: try row.decode(column: "received_at", as: Int64.self))
                )
            }
        }
    }
}
