import Foundation
import HeraldCore
import HeraldDelivery
import HeraldServer
import HeraldStore
import HeraldTestSupport
import Hummingbird
import HummingbirdTesting
import Prometheus
import Testing

/// The calling service's bounce and complaint rates through the API, and `GET /metrics` in Prometheus's format.
@Suite struct ReputationAPITests {
    @Test(arguments: TestDatabase.available)
    func aServiceSeesItsOwnRatesAndMetricsAreServed(database: TestDatabase) async throws {
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let registry = PrometheusCollectorRegistry()
            registry.makeGauge(name: "herald_test_gauge", labels: [("service_id", "all")]).set(0.25)
            var configuration = HeraldConfiguration(runsWorkers: true)
            configuration.worker.idlePoll = .milliseconds(20)
            configuration.metricsExposition = { registry.emitToBuffer() }
            try await withRunningHerald(store: store, configuration: configuration, fixture: fixture) { client, api in
                for address in ["success@simulator.amazonses.com", "bounce@simulator.amazonses.com"] {
                    let reply = try await api.post("/v2/notifications/email", json: [
                        "email_address": address, "template_id": fixture.template.id.storageString, "personalisation": ["name": "A", "code": "1"],
                    ])
                    #expect(reply.status == .created)
                }
                var reputation: [String: Any] = [:]
                let started = ContinuousClock.now
                repeat {
                    try await Task.sleep(for: .milliseconds(50))
                    reputation = try await api.get("/herald/v1/reputation").json
                } while (reputation["bounced"] as? Int) != 1 && ContinuousClock.now - started < .seconds(30)
                #expect(reputation["emails_sent"] as? Int == 2)
                #expect(reputation["bounced"] as? Int == 1)
                #expect(reputation["complained"] as? Int == 0)
                #expect(reputation["bounce_rate"] as? Double == 0.5)

                let metrics = try await client.execute(uri: "/metrics", method: .get)
                #expect(metrics.status == .ok)
                #expect(metrics.headers[.contentType]?.hasPrefix("text/plain") == true)
                #expect(String(buffer: metrics.body).contains(#"herald_test_gauge{service_id="all"} 0.25"#))
            }
        }
    }
}
