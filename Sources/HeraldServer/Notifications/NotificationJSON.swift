import Foundation
import HeraldCore
import HeraldStore

/// Notify's v2 response shapes for notifications.
enum NotificationJSON {
    /// `POST /v2/notifications/email` → 201.
    static func emailCreated(_ accepted: AcceptedNotification, fromEmail: String, root: String) -> JSONValue {
        let n = accepted.notification
        return [
            "id": .string(n.id.storageString),
            "reference": .optional(n.reference),
            "content": ["body": .string(n.body), "subject": .optional(n.subject), "from_email": .string(fromEmail), "one_click_unsubscribe_url": .optional(n.unsubscribeURL)],
            "uri": .string("\(root)v2/notifications/\(n.id.storageString)"),
            "template": template(n, root: root),
            "scheduled_for": nil,
            "sanitised_content": .object([]),
        ]
    }

    /// `POST /v2/notifications/sms` → 201: the body without the service-name prefix.
    static func smsCreated(_ accepted: AcceptedNotification, fromNumber: String, root: String) -> JSONValue {
        let n = accepted.notification
        return [
            "id": .string(n.id.storageString),
            "reference": .optional(n.reference),
            "content": ["body": .string(n.body), "from_number": .string(fromNumber)],
            "uri": .string("\(root)v2/notifications/\(n.id.storageString)"),
            "template": template(n, root: root),
            "scheduled_for": nil,
        ]
    }

    /// `GET /v2/notifications/{id}` and each item of the list.
    static func notification(_ n: NotificationRecord, root: String) -> JSONValue {
        [
            "id": .string(n.id.storageString),
            "reference": .optional(n.reference),
            "email_address": n.channel == .email ? .string(n.recipient) : nil,
            "phone_number": n.channel == .sms ? .string(n.recipient) : nil,
            "line_1": nil, "line_2": nil, "line_3": nil, "line_4": nil, "line_5": nil, "line_6": nil, "postcode": nil,
            "type": .string(n.channel.rawValue),
            "status": .string(n.status.rawValue),
            "template": template(n, root: root),
            "body": .string(n.body),
            "subject": .optional(n.subject),
            "created_at": .string(NotifyTimestamp.string(n.createdAt)),
            "created_by_name": nil,
            "sent_at": NotifyTimestamp.optional(n.sentAt),
            "completed_at": NotifyTimestamp.optional(n.completedAt),
            "scheduled_for": NotifyTimestamp.optional(n.scheduledFor),
            "postage": nil,
            "one_click_unsubscribe_url": .optional(n.unsubscribeURL),
            "cost_in_pounds": .double(0),
            "cost_details": n.channel == .sms
                ? ["billable_sms_fragments": .int(n.billableUnits), "international_rate_multiplier": .int(1), "sms_rate": .double(0)]
                : .object([]),
            "is_cost_data_ready": .bool(true),
        ]
    }

    private static func template(_ n: NotificationRecord, root: String) -> JSONValue {
        [
            "id": .string(n.templateId.storageString),
            "version": .int(n.templateVersion),
            "uri": .string("\(root)services/\(n.serviceId.storageString)/templates/\(n.templateId.storageString)"),
        ]
    }
}
