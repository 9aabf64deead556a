import HeraldCore

/// A sent email as Herald's read API shows it: its content and its tracking record.
enum EmailJSON {
    /// `recipients` (the outcome of each recipient of a message sent to several, by lowercased address) adds a
    /// `recipients` list with each one's status and whether they complained.
    static func email(_ n: NotificationRecord, tracking t: EmailTracking, recipients: [String: NotificationLifecycle] = [:]) -> JSONValue {
        let json: JSONValue = [
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
        guard !n.bcc.isEmpty, case .object(let members) = json else { return json }
        let outcomes: [JSONValue] = n.recipients.map { address in
            let outcome = recipients[address.lowercased()]
            return [
                "email_address": .string(address),
                "status": .string((outcome?.status ?? n.status).rawValue),
                "complained": .bool(outcome?.facts.contains(.complained) ?? false),
            ]
        }
        return .object(members + [("bcc", .strings(n.bcc)), ("recipients", .array(outcomes))])
    }
}
