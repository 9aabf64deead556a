import Foundation
import HeraldCore
import HeraldFeedback
import HeraldStore
import HeraldTestSupport
import Logging
import Prometheus
import Testing

/// Bounce and complaint rates: measured from the store on both engines, published as gauges, and warned about only
/// when they cross the configured thresholds with enough volume.
@Suite struct ReputationTests {
    @Test(arguments: TestDatabase.available)
    func ratesCountSentEmailsBouncesAndComplaints(database: TestDatabase) async throws {
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let other = try await ServiceFixture.create(in: store)
            let now = Date()
            // 20 sent: 3 bounced for good, 1 complained about; 5 never sent (suppressed); 1 sent long ago.
            let notifications = (0..<25).map { fixture.email(to: "member\($0)@example.org", createdAt: now) }
                + [fixture.email(to: "old@example.org", createdAt: now.addingTimeInterval(-3 * 86_400))]
            let otherSent = other.email(to: "someone@example.org", createdAt: now)
            _ = try await store.enqueue(notifications + [otherSent], priority: .bulk)
            try await store.write { writer in
                var updates: [NotificationUpdate] = []
                for (index, n) in notifications.enumerated() {
                    switch index {
                    case 0..<3: updates.append(NotificationUpdate(id: n.id, status: .permanentFailure, facts: [], sentAt: now, updatedAt: now))
                    case 3: updates.append(NotificationUpdate(id: n.id, status: .delivered, facts: .complained, sentAt: now, updatedAt: now))
                    case 4..<20, 25: updates.append(NotificationUpdate(id: n.id, status: .delivered, facts: [], sentAt: now, updatedAt: now))
                    default: updates.append(NotificationUpdate(id: n.id, status: .permanentFailure, facts: [], statusReason: "suppressed", updatedAt: now))
                    }
                }
                updates.append(NotificationUpdate(id: otherSent.id, status: .delivered, facts: [], sentAt: now, updatedAt: now))
                try await writer.update(updates)
            }
            let all = try await store.sendingReputation(since: now.addingTimeInterval(-86_400))
            let mine = try #require(all.first { $0.serviceId == fixture.service.id })
            #expect(mine == SendingReputation(serviceId: fixture.service.id, sent: 20, bounced: 3, complained: 1))
            #expect(mine.bounceRate == 0.15 && mine.complaintRate == 0.05)
            #expect(all.first { $0.serviceId == other.service.id }?.sent == 1)
            #expect(try await store.sendingReputation(since: now.addingTimeInterval(-86_400), serviceId: other.service.id).map(\.serviceId) == [other.service.id])

            // The monitor publishes the rates as gauges.
            let registry = PrometheusCollectorRegistry()
            let monitor = ReputationMonitor(
                store: store, policy: ReputationPolicy(minimumVolume: 10), metrics: PrometheusMetricsFactory(registry: registry), logger: Logger(label: "test")
            )
            var alarm = ReputationAlarm(policy: ReputationPolicy(minimumVolume: 10))
            let published = try await monitor.measure(&alarm, now: now)
            #expect(published == [fixture.service.id.storageString, other.service.id.storageString])
            let text = registry.emitToString()
            #expect(text.contains(#"herald_email_bounce_rate{service_id="\#(fixture.service.id.storageString)"} 0.15"#))
            #expect(text.contains(#"herald_email_complaint_rate{service_id="\#(fixture.service.id.storageString)"} 0.05"#))
            #expect(text.contains(#"herald_emails_sent{service_id="all"} 21"#))
        }
    }

    @Test func warningsComeOnCrossingsOnlyAndNeedVolume() {
        let service = UUID()
        var alarm = ReputationAlarm(policy: ReputationPolicy(bounceRateWarning: 0.05, complaintRateWarning: 0.001, minimumVolume: 100))
        // Too few emails to judge: no warning even at 50%.
        #expect(alarm.observe([SendingReputation(serviceId: service, sent: 10, bounced: 5, complained: 0)]).isEmpty)
        // Over both thresholds: the service and the overall figure each cross, once.
        let over = alarm.observe([SendingReputation(serviceId: service, sent: 1_000, bounced: 60, complained: 2)])
        #expect(over.count == 4 && over.allSatisfy(\.isOver))
        #expect(Set(over.map(\.rate)) == [.bounce, .complaint])
        #expect(over.contains { $0.serviceId == service && $0.rate == .bounce && $0.value == 0.06 })
        // Still over: nothing new.
        #expect(alarm.observe([SendingReputation(serviceId: service, sent: 1_000, bounced: 70, complained: 2)]).isEmpty)
        // Bounces back under, complaints still over: one crossing back, per scope.
        let under = alarm.observe([SendingReputation(serviceId: service, sent: 1_000, bounced: 10, complained: 2)])
        #expect(under.count == 2 && under.allSatisfy { !$0.isOver && $0.rate == .bounce })
    }
}
