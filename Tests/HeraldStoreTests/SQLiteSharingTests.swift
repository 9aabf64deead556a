import Foundation
import HeraldCore
import HeraldStore
import HeraldTestSupport
import Testing

/// Several processes (a server, CLI commands) open the same SQLite file: each opens its own connections, and their
/// transactions wait for one another instead of failing with "database is locked".
@Suite struct SQLiteSharingTests {
    @Test func twoStoresOnOneFileWriteAndClaimConcurrentlyWithoutLosingAnything() async throws {
        try await TestDatabase.sqlite.withStores(2) { stores in
            let (server, cli) = (stores[0], stores[1])
            let fixture = try await ServiceFixture.create(in: server)
            let claimed = try await withThrowingTaskGroup(of: Int.self) { group in
                for (index, store) in [server, cli].enumerated() {
                    group.addTask {
                        for round in 0..<20 {
                            let batch = (0..<25).map { fixture.email(to: "s\(index)-\(round)-\($0)@example.org") }
                            _ = try await store.enqueue(batch, priority: .bulk)
                        }
                        return 0
                    }
                    group.addTask {
                        var claimed = 0
                        for _ in 0..<40 {
                            claimed += try await store.claimDeliveries(owner: "w\(index)", limit: 10, lease: 300).count
                        }
                        return claimed
                    }
                }
                return try await group.reduce(0, +)
            }
            let counts = try await cli.statusCounts(serviceId: fixture.service.id)
            #expect(counts[.created] == 1000)
            let remaining = try await server.backlog().deliveries
            #expect(remaining == 1000)
            let leftToClaim = try await server.claimDeliveries(owner: "last", limit: 2000, lease: 300).count
            #expect(claimed + leftToClaim == 1000)
        }
    }
}
