import Foundation
import HeraldCore
import HeraldStore

/// A member notification's texts, parsed once and rendered for each member: the in-app title and body, and the
/// email and text templates (the service's own, or Herald's plain formatted ones). Only `((member_name))` differs
/// from one member to the next, so texts are rendered once per distinct name, or once in all when no text uses it.
struct MemberNotificationContent {
    /// A channel's template with its subject and body parsed.
    private struct ChannelTemplate {
        let template: Template
        let subject: TemplateText
        let body: TemplateText
    }

    /// Everything rendered for members of one name.
    struct Rendered {
        let title: String
        let body: String
        fileprivate let messages: [Channel: (subject: String?, body: String)]
    }

    private static let memberNameKey = "member_name"

    private let notification: MemberNotification
    private let service: Service
    private let title: TemplateText
    private let body: TemplateText
    private let templates: [Channel: ChannelTemplate]
    private let usesMemberName: Bool
    private var rendered: [String: Rendered] = [:]

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
        let texts = [title, body] + templates.values.flatMap { [$0.subject, $0.body] }
        self.usesMemberName = TemplateText.anyUses(Self.memberNameKey, in: texts)
        let probe = Self.values(notification.context, memberName: "")
        try Self.requireValues(for: [title, body], probe)
        try Self.requireValues(for: templates.values.flatMap { [$0.subject, $0.body] }, try messageValues(probe))
    }

    /// The texts for a member called `memberName`.
    mutating func texts(forMemberNamed memberName: String) throws -> Rendered {
        let key = usesMemberName ? memberName : ""
        if let texts = rendered[key] { return texts }
        let values = Self.values(notification.context, memberName: key)
        let filled = TemplateValues(try messageValues(values))
        var messages: [Channel: (subject: String?, body: String)] = [:]
        for (channel, template) in templates {
            let body = try template.body.render(filled).trimmingCharacters(in: .whitespacesAndNewlines)
            messages[channel] = (channel == .email ? try template.subject.render(filled) : nil, channel == .sms ? SMSText(body).content : body)
        }
        let inApp = TemplateValues(values)
        let texts = Rendered(title: try title.render(inApp), body: try body.render(inApp), messages: messages)
        rendered[key] = texts
        return texts
    }

    /// A member's in-app item.
    func inboxItem(for member: Member, _ texts: Rendered) -> InboxItem {
        InboxItem(
            serviceId: notification.serviceId, memberId: member.id, kind: notification.subject.kind, eventType: notification.subject.eventType,
            scope: notification.scope, title: texts.title, body: texts.body, link: notification.link,
            createdAt: notification.createdAt, expiresAt: notification.expiresAt
        )
    }

    /// A member's email or text to `recipient`.
    func message(_ channel: Channel, to member: Member, recipient: String, _ texts: Rendered) -> MemberMessage? {
        guard let template = templates[channel]?.template, let message = texts.messages[channel] else { return nil }
        let record = NotificationRecord(
            serviceId: service.id, templateId: template.id, templateVersion: template.version, channel: channel,
            recipient: recipient, subject: message.subject, body: message.body,
            reference: notification.id.storageString, keyType: .normal, origin: .members, createdAt: notification.createdAt,
            billableUnits: channel == .sms ? SMSText(SMSPrefix.text(forServiceNamed: service.name) + message.body).fragments : 0
        )
        return MemberMessage(notification: record, memberId: member.id, subject: notification.subject)
    }

    /// Throws Notify's 400 naming the placeholders of `texts` that `values` leaves empty.
    private static func requireValues(for texts: [TemplateText], _ values: [String: String]) throws {
        let missing = TemplateText.missingPlaceholders(in: texts, values: TemplateValues(values))
        guard missing.isEmpty else { throw NotifyError.badRequest("Missing personalisation: \(missing.joined(separator: ", "))") }
    }

    /// The values that fill a member's title and body: the context and `member_name`.
    private static func values(_ context: [String: String], memberName: String) -> [String: String] {
        context.merging([memberNameKey: memberName]) { _, ours in ours }
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
