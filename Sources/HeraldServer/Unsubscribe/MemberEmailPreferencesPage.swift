import Foundation
import HeraldCore
import HeraldStore
import Hummingbird

/// Where the unsubscribe link of a member notification's email leads: the member's email preferences for what the
/// email was about. A mail client's one-click unsubscribe (RFC 8058) turns off email about its most specific topic
/// (the event type, else the category, the sender, the kind); the page's buttons turn email about that topic or
/// about the whole kind off or back on. In-app notifications go on either way.
struct MemberEmailPreferencesPage {
    /// A POST from the page or from a mail client.
    struct Form: Decodable {
        var listUnsubscribe: String?
        var topic: String?
        var email: String?

        enum CodingKeys: String, CodingKey {
            case listUnsubscribe = "List-Unsubscribe"
            case topic, email
        }

        init(request: inout Request) async throws {
            let body = try await request.collectBody(upTo: 16 * 1024)
            self = (try? URLEncodedFormDecoder().decode(Form.self, from: String(buffer: body))) ?? Form()
        }

        private init() {}
    }

    let store: HeraldStore

    func respond(memberId: String, subject: MemberNotificationSubject, service: Service, address: String, form: Form?) async throws -> Response {
        let topics = subject.mostSpecificTopic == .kind(subject.kind) ? [subject.mostSpecificTopic] : [subject.mostSpecificTopic, .kind(subject.kind)]
        if let form {
            guard let change = Self.change(form, topics: topics) else {
                return HTMLPage.response(.badRequest, title: "Not changed", body: "<p>This request did not say what to change.</p>")
            }
            try await store.setPreferences(serviceId: service.id, memberId: memberId, [change])
        }
        let book = PreferenceBook(
            try await store.preferences(serviceId: service.id, memberId: memberId) + store.preferences(serviceId: service.id, memberId: nil)
        )
        let rows = topics.map { topic in
            // The most specific topic shows what this email's own kind of message does, every more general choice included.
            let on = book.wants(.email, memberId: memberId, topics: topic == topics[0] ? subject.topics : [topic])
            return """
                <li>Emails about \(Self.describe(topic).htmlEscaped): <strong>\(on ? "on" : "off")</strong> \
                <form method="post" style="display:inline"><input type="hidden" name="topic" value="\(topic.text.htmlEscaped)">\
                <button type="submit" name="email" value="\(on ? "off" : "on")">\(on ? "Stop these emails" : "Send these emails again")</button></form></li>
                """
        }
        return HTMLPage.response(.ok, title: "Email preferences", body: """
            <p>Emails from <strong>\(service.name.htmlEscaped)</strong> to <strong>\(address.htmlEscaped)</strong>.</p>
            <ul>\(rows.joined())</ul>
            <p>Notifications in your inbox on the site are not affected.</p>
            """)
    }

    /// The change a form asks for: a one-click unsubscribe turns off the most specific topic; a button sets one of
    /// the page's topics. Nil for anything else.
    private static func change(_ form: Form, topics: [PreferenceTopic]) -> PreferenceChange? {
        if form.listUnsubscribe == "One-Click" {
            return PreferenceChange(topic: topics[0], channel: .email, enabled: false)
        }
        guard let text = form.topic, let topic = try? PreferenceTopic(parsing: text), topics.contains(topic), let email = form.email,
            email == "on" || email == "off"
        else { return nil }
        return PreferenceChange(topic: topic, channel: .email, enabled: email == "on")
    }

    private static func describe(_ topic: PreferenceTopic) -> String {
        switch topic {
        case .eventType(let pattern): "\(pattern.text)"
        case .category(let name): "the category \(name)"
        case .sender(let name): "messages from \(name)"
        case .kind(let kind): "all \(kind.rawValue) notifications"
        }
    }
}
