import Foundation
import HeraldCore
import HeraldStore

/// A service with a live, a team and a test key and one email template, stored in a test database.
public struct ServiceFixture: Sendable {
    public let service: Service
    public let liveKey: APIKey
    public let teamKey: APIKey
    public let testKey: APIKey
    public let template: Template

    public static func create(in store: HeraldStore, subject: String = "Hello ((name))", body: String = "Dear ((name)), your code is ((code)).") async throws -> ServiceFixture {
        let service = Service(name: "Test service \(UUID().uuidString.prefix(6))", emailFrom: "noreply@example.org")
        let live = APIKey(serviceId: service.id, name: "live", type: .normal)
        let team = APIKey(serviceId: service.id, name: "team", type: .team)
        let test = APIKey(serviceId: service.id, name: "test", type: .test)
        try await store.createService(service, keys: [live, team, test])
        let template = Template(serviceId: service.id, channel: .email, name: "Welcome", subject: subject, body: body)
        try await store.createTemplate(template)
        return ServiceFixture(service: service, liveKey: live, teamKey: team, testKey: test, template: template)
    }

    /// A rendered email notification to `recipient`, not yet stored.
    public func email(to recipient: String, createdAt: Date = Date(), keyType: KeyType = .normal, idempotencyKey: String? = nil, scheduledFor: Date? = nil) -> NotificationRecord {
        NotificationRecord(
            serviceId: service.id, templateId: template.id, templateVersion: template.version, channel: .email, recipient: recipient,
            subject: "Hello", body: "Dear you", keyType: keyType, origin: .api, idempotencyKey: idempotencyKey, createdAt: createdAt,
            scheduledFor: scheduledFor
        )
    }
}
