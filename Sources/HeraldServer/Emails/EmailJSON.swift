import HeraldCore

/// A sent email as Herald's read API shows it: its content and its tracking record.
enum EmailJSON {
    static func email(_ n: NotificationRecord, tracking t: EmailTracking) -> JSONValue {
        [
            "id": .string(n.id.storageString),
            "email_address": .string(n.recipient),
            "subject": .optional(n.subject),
            "body": .string(n.body),
            "html": .optional(n.htmlBody),
            "reply_to": .optional(n.replyTo),
            "reference": .optional(n.reference),
            "batch_id": .optional(n.batchId),
            "status": .string(n.status.rawValue),
            "created_at": .string(NotifyTimestamp.string(n.createdAt)),
            "sent_at": NotifyTimestamp.optional(n.sentAt),
            "completed_at": NotifyTimestamp.optional(n.completedAt),
            "tracking": [
                "sent": NotifyTimestamp.optional(t.sent),
                "delivered": NotifyTimestamp.optional(t.delivered),
                "opened": NotifyTimestamp.optional(t.opened),
                "clicked": NotifyTimestamp.optional(t.clicked),
                "bounced": NotifyTimestamp.optional(t.bounced),
                "complained": NotifyTimestamp.optional(t.complained),
            ],
        ]
    }
}
