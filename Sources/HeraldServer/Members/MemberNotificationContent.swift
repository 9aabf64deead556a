import Foundation
import HeraldCore
import HeraldStore

/// A member notification's texts, parsed once and rendered for each member: the in-app title and body, and the
/// email and text templates (the service's own, or Herald's plain ones).
struct MemberNotificationContent {
    /// A channel's template with its subject and body parsed.
    private struct ChannelTemplate {
        let template: Template
        let subject: TemplateText
        let body: TemplateText
    }

    private let notification: MemberNotification
    private let service: Service
    private let title: TemplateText
    private let body: TemplateText
    private let templates: [Channel: ChannelTemplate]

    /// Loads the templates of the channels asked for, and renders everything once with the notification's context
    /// alone, so a missing placeholder is a 400 before anything is stored.
    init(_ notification: MemberNotification, service: Service, store: HeraldStore) async throws {
        self.notification = notification
        self.service = service
        self.title = TemplateText(notification.title)
        self.body = TemplateText(notification.body)
        var templates: [Channel: ChannelTemplate] = [:]
        for channel in notification.channels {
            let id = channel == .sms ? notification.smsTemplateId : notification.emailTemplateId
            let template = if let id {
                try await Self.serviceTemplate(id, channel: channel, service: service, store: store)
            } else {
                Self.plainTemplate(channel, serviceId: service.id)
            }
            templates[channel] = ChannelTemplate(template: template, subject: TemplateText(template.subject ?? ""), body: TemplateText(template.body))
        }
        self.templates = templates
        let probe = values(memberName: "")
        try Self.requireValues(for: [title, body], probe)
        try Self.requireValues(for: templates.values.flatMap { [$0.subject, $0.body] }, try messageValues(probe))
    }

    /// Throws Notify's 400 naming the placeholders of `texts` that `values` leaves empty.
    private static func requireValues(for texts: [TemplateText], _ values: [String: String]) throws {
        let missing = TemplateText.missingPlaceholders(in: texts, values: TemplateValues(values))
        guard missing.isEmpty else { throw NotifyError.badRequest("Missing personalisation: \(missing.joined(separator: ", "))") }
    }

    /// The values that fill a member's title and body: the context and `member_name`.
    func values(memberName: String) -> [String: String] {
        notification.context.merging(["member_name": memberName]) { _, ours in ours }
    }

    /// A member's in-app item.
    func inboxItem(for member: Member, values: [String: String]) throws -> InboxItem {
        let filled = TemplateValues(values)
        return InboxItem(
            serviceId: notification.serviceId, memberId: member.id, kind: notification.subject.kind, eventType: notification.subject.eventType,
            scope: notification.scope, title: try title.render(filled), body: try body.render(filled), link: notification.link,
            createdAt: notification.createdAt, expiresAt: notification.expiresAt
        )
    }

    /// A member's email or text, rendered from its channel's template.
    func message(_ channel: Channel, to member: Member, values: [String: String]) throws -> MemberMessage {
        guard let template = templates[channel], let recipient = channel == .sms ? member.phone : member.email else {
            preconditionFailure("a fan-out decided on \(channel.rawValue) for member \(member.id) without its template or address")
        }
        let filled = TemplateValues(try messageValues(values))
        let body = try template.body.render(filled).trimmingCharacters(in: .whitespacesAndNewlines)
        let content = channel == .sms ? SMSText(body).content : body
        let record = NotificationRecord(
            serviceId: service.id, templateId: template.template.id, templateVersion: template.template.version, channel: channel,
            recipient: recipient, subject: channel == .email ? try template.subject.render(filled) : nil, body: content,
            reference: notification.id.storageString, keyType: .normal, origin: .members, createdAt: notification.createdAt,
            billableUnits: channel == .sms ? SMSText(SMSPrefix.text(forServiceNamed: service.name) + content).fragments : 0
        )
        return MemberMessage(notification: record, memberId: member.id, subject: notification.subject)
    }

    /// The values for an email or text: the member's, with the rendered title and body and the URL.
    private func messageValues(_ values: [String: String]) throws -> [String: String] {
        let filled = TemplateValues(values)
        return values.merging([
            "title": try title.render(filled), "body": try body.render(filled), "url": notification.url ?? "",
        ]) { _, ours in ours }
    }

    private static func serviceTemplate(_ id: UUID, channel: Channel, service: Service, store: HeraldStore) async throws -> Template {
        guard let template = try await store.template(id: id, serviceId: service.id) else { throw NotifyError.badRequest("Template not found") }
        guard template.channel == channel else {
            throw NotifyError.badRequest("\(template.channel.rawValue) template is not suitable for \(channel.rawValue) notification")
        }
        guard !template.archived else { throw NotifyError.badRequest("Template has been deleted") }
        return template
    }

    /// Herald's plain formatted message for `channel`: the title as the subject, then the body and the URL.
    static func plainTemplate(_ channel: Channel, serviceId: UUID) -> Template {
        channel == .email
            ? Template.formatted(.email, serviceId: serviceId, subject: "((title))", body: "((body))\n\n((url))")
            : Template.formatted(channel, serviceId: serviceId, subject: nil, body: "((title)): ((body)) ((url))")
    }
}
