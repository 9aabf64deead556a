import Foundation
import HeraldAWS
import HeraldCore
import HeraldDelivery
import HeraldStore
import HeraldTestSupport
import Logging
import Testing

/// Text messages go through the real SNS provider over HTTP to moto: `Publish` with the service-name prefix and
/// the SMS settings, the message id stored, the status left at `sending` (SNS has no receipts on its API).
@Suite(.enabled(if: Moto.endpoint != nil, "HERALD_TEST_AWS_ENDPOINT is not set"))
struct SNSSMSDeliveryTests {
    @Test(arguments: TestDatabase.available)
    func workersPublishTextMessagesThroughSNS(database: TestDatabase) async throws {
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let code = Int.random(in: 100_000...999_999)
            let text = NotificationRecord(
                serviceId: fixture.service.id, templateId: fixture.template.id, templateVersion: 1, channel: .sms, recipient: "+447700900321",
                subject: nil, body: "Your code is \(code) – use it soon", keyType: .normal, origin: .api, billableUnits: 1
            )
            let email = fixture.email(to: "success@simulator.amazonses.com")
            _ = try await store.enqueue([text, email], priority: .immediate)
            let sms = SNSSMSProvider(sns: SNS(client: try Moto.client()), kind: .transactional, senderId: "HeraldTest")
            let worker = DeliveryWorker(
                store: store, provider: try SimulatorProvider(), smsProvider: sms,
                configuration: DeliveryWorkerConfiguration(idlePoll: .milliseconds(20)), logger: Logger(label: "test")
            )
            try await DeliveryWorker.runUntilDrained([worker], store: store)

            let sent = try #require(try await store.notification(id: text.id, serviceId: fixture.service.id))
            #expect(sent.status == .sending)
            #expect(sent.provider == "sns")
            let messageId = try #require(sent.providerMessageId)
            let record = try #require(try await Moto.records("sns", "SMS").first { $0["message_id"] as? String == messageId })
            #expect(record["phone_number"] as? String == "+447700900321")
            #expect(record["message"] as? String == "\(fixture.service.name): Your code is \(code) – use it soon")
            // moto keeps no message attributes; their wire form is checked against a capture in HeraldAWSTests.
            // The email in the same batch still went to the email provider.
            #expect(try await store.notification(id: email.id, serviceId: fixture.service.id)?.provider == "simulator")
        }
    }
}
