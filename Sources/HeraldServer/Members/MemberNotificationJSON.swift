import Foundation
import HeraldCore

/// Member notifications on the wire: the body of `POST /herald/v1/member-notifications`, validated field by field,
/// and the report the call answers with.
///
/// `{"kind": "happening", "event_type": "forums.post.comment.new", "scope": "post-42", "exclude_member_ids": ["bob"],
/// "title": "((author)) commented on your post", "body": "((excerpt))", "link": "/forums/post/42#c9",
/// "url": "https://club.example/forums/post/42#c9", "context": {"author": "Bob", "excerpt": "Nice!"}, "channels": ["email"]}`.
/// Who it is for depends on the kind: `system-broadcast` and `broadcast` go to every member or to `member_ids`;
/// `named-specific` to `member_ids`; `happening` to the listeners of `event_type` (in `scope`); `personal` to
/// `member_id`. `category` and `sender` name what members may opt out of; `email_template_id` and `sms_template_id`
/// choose the service's templates; `expires_at` (ISO 8601) ends the in-app item's life.
enum MemberNotificationJSON {
    static let fields: Set = [
        "kind", "event_type", "scope", "category", "sender", "member_ids", "member_id", "exclude_member_ids", "title", "body", "link", "url",
        "context", "channels", "email_template_id", "sms_template_id", "expires_at",
    ]
    /// The longest title accepted, in bytes.
    static let maximumTitleLength = 1_000
    /// The longest body accepted, in bytes.
    static let maximumBodyLength = 100_000

    /// The notification `body` asks for, or a validation error listing every problem.
    static func notification(_ body: JSONValue, serviceId: UUID, now: Date) throws(NotifyError) -> MemberNotification {
        var problems: [String] = []
        body.rejectMembers(otherThan: fields, in: "", problems: &problems)
        let kindText = body.requiredString("kind", in: "", problems: &problems)
        let kind = kindText.flatMap(MemberNotificationKind.init(rawValue:))
        if let kindText, kind == nil {
            problems.append("kind \(kindText) is not one of [\(MemberNotificationKind.allCases.map(\.rawValue).joined(separator: ", "))]")
        }
        var eventType: EventType?
        if let text = body.optionalString("event_type", in: "", problems: &problems) {
            do { eventType = try EventType(validating: text) } catch { problems.append("event_type '\(error.input)' \(error.reason.rawValue)") }
        }
        let scope = body.optionalString("scope", in: "", problems: &problems).flatMap { ListenJSON.scope($0, in: "", problems: &problems) }
        let category = name("category", in: body, problems: &problems), sender = name("sender", in: body, problems: &problems)
        let memberIds = strings("member_ids", in: body, problems: &problems)
        let memberId = body.optionalString("member_id", in: "", problems: &problems)
        let excluded = strings("exclude_member_ids", in: body, problems: &problems) ?? []
        var audience: MemberNotification.Audience?
        if let kind {
            audience = self.audience(of: kind, memberIds: memberIds, memberId: memberId, eventType: eventType, scope: scope, problems: &problems)
        }
        let title = text("title", in: body, maximum: maximumTitleLength, problems: &problems)
        let text = text("body", in: body, maximum: maximumBodyLength, problems: &problems)
        let link = body.optionalString("link", in: "", problems: &problems)
        if let link, !link.hasPrefix("/") || link.hasPrefix("//") {
            problems.append("link must be a path on the platform, starting with a single /")
        }
        let url = body.optionalString("url", in: "", problems: &problems)
        if let url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) || URL(string: url)?.host == nil {
            problems.append("url must be an absolute http or https URL")
        }
        var context: [String: String] = [:]
        if let value = body["context"], !value.isNull {
            if case .object = value {
                context = Personalisation.values(from: value)
            } else {
                problems.append(ValidationMessage.notOfType("context", value, "object"))
            }
        }
        let channels = self.channels(in: body, problems: &problems)
        let emailTemplateId = uuid("email_template_id", in: body, problems: &problems), smsTemplateId = uuid("sms_template_id", in: body, problems: &problems)
        var expiresAt: Date?
        if let text = body.optionalString("expires_at", in: "", problems: &problems) {
            expiresAt = try? Date(text, strategy: .iso8601)
            if expiresAt == nil { problems.append("expires_at \(text) is not an ISO 8601 date and time (2026-12-01T09:00:00Z)") }
        }
        guard problems.isEmpty, let kind, let audience, let title, let text else { throw .validation(problems) }
        return MemberNotification(
            serviceId: serviceId, subject: MemberNotificationSubject(kind: kind, eventType: eventType, category: category, sender: sender),
            audience: audience, scope: scope, excluded: Set(excluded),
            title: title, body: text, link: link, url: url, context: context, channels: channels,
            emailTemplateId: emailTemplateId, smsTemplateId: smsTemplateId, expiresAt: expiresAt, createdAt: now
        )
    }

    /// The report as the call answers it: `in_app`, `inactive`, `unknown_member_ids`, and per channel asked for
    /// `{"reached": n, "opted_out": n, "no_address": n, "suppressed": n}` (email also `in_digest`).
    static func json(_ report: FanOutReport, id: UUID) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(id.storageString)), ("in_app", .int(report.inApp)), ("inactive", .int(report.inactive)),
            ("unknown_member_ids", .strings(report.unknownMembers)),
        ]
        for channel in report.channels {
            let reach = report.reach[channel] ?? FanOutReport.Reach()
            members.append((channel.rawValue, .object(
                [("reached", .int(reach.reached))] + (channel == .email ? [("in_digest", .int(reach.inDigest))] : [])
                    + FanOutReport.MissedReason.allCases.map { ($0.rawValue, .int(reach.missed[$0] ?? 0)) }
            )))
        }
        return .object(members)
    }

    /// Whom a notification of `kind` is for, from the fields that name its members, with a problem for a field the
    /// kind needs and lacks or does not take.
    private static func audience(
        of kind: MemberNotificationKind, memberIds: [String]?, memberId: String?, eventType: EventType?, scope: String?, problems: inout [String]
    ) -> MemberNotification.Audience? {
        func refuse(_ field: String, _ present: Bool) {
            if present { problems.append("\(field) is not used by a \(kind.rawValue) notification") }
        }
        switch kind {
        case .systemBroadcast, .broadcast:
            refuse("member_id", memberId != nil)
            refuse("scope", scope != nil)
            return memberIds.map(MemberNotification.Audience.members) ?? .everyone
        case .namedSpecific:
            refuse("member_id", memberId != nil)
            refuse("scope", scope != nil)
            guard let memberIds, !memberIds.isEmpty else {
                problems.append("member_ids is required by a named-specific notification: name at least one member")
                return nil
            }
            return .members(memberIds)
        case .happening:
            refuse("member_id", memberId != nil)
            refuse("member_ids", memberIds != nil)
            if eventType == nil { problems.append("event_type is required by a happening") }
            return .listeners
        case .personal:
            refuse("member_ids", memberIds != nil)
            refuse("scope", scope != nil)
            guard let memberId else {
                problems.append("member_id is required by a personal notification")
                return nil
            }
            return .member(memberId)
        }
    }

    /// A required string of 1 to `maximum` bytes.
    private static func text(_ key: String, in body: JSONValue, maximum: Int, problems: inout [String]) -> String? {
        let text = body.requiredString(key, in: "", problems: &problems)
        if let text, text.isEmpty || text.utf8.count > maximum {
            problems.append("\(key) must be 1 to \(maximum) characters long")
        }
        return text
    }

    /// An optional category or sender name.
    private static func name(_ key: String, in body: JSONValue, problems: inout [String]) -> String? {
        let name = body.optionalString(key, in: "", problems: &problems)
        if let name, name.isEmpty || name.utf8.count > PreferenceTopic.maximumNameLength {
            problems.append("\(key) must be 1 to \(PreferenceTopic.maximumNameLength) characters long")
        }
        return name
    }

    /// An optional array of member ids.
    private static func strings(_ key: String, in body: JSONValue, problems: inout [String]) -> [String]? {
        guard let value = body[key], !value.isNull else { return nil }
        guard let items = value.arrayValue else {
            problems.append(ValidationMessage.notOfType(key, value, "array"))
            return nil
        }
        let ids = items.compactMap(\.stringValue)
        if ids.count != items.count || ids.contains(where: { $0.isEmpty || $0.utf8.count > Member.maximumIdLength }) {
            problems.append("\(key) must hold member ids: strings of 1 to \(Member.maximumIdLength) characters")
        }
        return ids
    }

    /// The channels asked for besides in-app: email (the default), SMS, or none (`[]`).
    private static func channels(in body: JSONValue, problems: inout [String]) -> [Channel] {
        guard let value = body["channels"], !value.isNull else { return [.email] }
        guard let items = value.arrayValue else {
            problems.append(ValidationMessage.notOfType("channels", value, "array"))
            return []
        }
        var channels: [Channel] = []
        for item in items {
            guard let channel = item.stringValue.flatMap(Channel.init(rawValue:)), channel != .letter else {
                problems.append("channels may hold email and sms (in-app always gets the notification)")
                return []
            }
            if !channels.contains(channel) { channels.append(channel) }
        }
        return channels
    }

    private static func uuid(_ key: String, in body: JSONValue, problems: inout [String]) -> UUID? {
        guard let text = body.optionalString(key, in: "", problems: &problems) else { return nil }
        guard let id = UUID(uuidString: text) else {
            problems.append("\(key) is not a valid UUID")
            return nil
        }
        return id
    }
}
