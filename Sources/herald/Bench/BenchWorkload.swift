import Foundation
import HeraldCore
import HeraldStore

/// The benchmark's service, template and personalised notifications.
struct BenchWorkload {
    let service: Service
    let key: APIKey
    let template: Template
    /// The template's subject and body parsed once, as the accept path caches them.
    let subject: TemplateText
    let body: TemplateText

    static func create(in store: HeraldStore) async throws -> BenchWorkload {
        let service = Service(name: "Benchmark", emailFrom: "bench@herald.local")
        let key = APIKey(serviceId: service.id, name: "bench", type: .normal)
        try await store.createService(service, keys: [key])
        let template = Template(
            serviceId: service.id, channel: .email, name: "Renewal",
            subject: "((name)), your membership ((number)) is due",
            body: "Dear ((name)),\n\nMembership ((number)) renews on ((date)). Reply to this email if anything has changed.\n\nThe membership team"
        )
        try await store.createTemplate(template)
        return BenchWorkload(
            service: service, key: key, template: template,
            subject: TemplateText(template.subject ?? ""), body: TemplateText(template.body)
        )
    }

    /// Recipients cycle through the simulator's outcomes, mostly deliveries, like a real list.
    static func recipient(_ i: Int) -> String {
        switch i % 20 {
        case 0: "bounce@simulator.amazonses.com"
        case 1: "complaint@simulator.amazonses.com"
        default: "member\(i)@example.org"
        }
    }

    static func personalisation(_ i: Int) -> [String: String] {
        ["name": "Member \(i)", "number": String(100_000 + i), "date": "1 March"]
    }

    /// Renders notification `i` exactly as the accept path does.
    func notification(_ i: Int) throws -> NotificationRecord {
        let values = TemplateValues(Self.personalisation(i))
        return NotificationRecord(
            serviceId: service.id, templateId: template.id, templateVersion: template.version, channel: .email,
            recipient: Self.recipient(i), subject: try subject.render(values),
            body: try body.render(values), keyType: .normal, origin: .job
        )
    }
}
