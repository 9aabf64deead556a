import Foundation
import HeraldCore
import HeraldStore
import HeraldTestSupport
import Testing

/// A task cancelled inside a write transaction (a worker stopping) leaves the store usable.
@Suite struct CancellationTests {
    @Test(arguments: TestDatabase.available)
    func aCancelledWriteRollsBackAndTheNextOneWorks(database: TestDatabase) async throws {
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let doomed = fixture.email(to: "doomed@example.org")
            let writing = Task {
                try await store.write { writer in
                    _ = try await writer.lockStates(ids: [doomed.id])
                    try await Task.sleep(for: .seconds(30))
                }
            }
            try await Task.sleep(for: .milliseconds(200))
            writing.cancel()
            _ = await writing.result
            let next = fixture.email(to: "next@example.org")
            _ = try await store.enqueue([next], priority: .immediate)
            #expect(try await store.notification(id: next.id) != nil)
        }
    }
}
