import Foundation
import HeraldStore
import HeraldTestSupport
import Testing

/// The cluster-wide send schedule, on every engine.
@Suite struct SendPacingTests {
    @Test(arguments: TestDatabase.available)
    func reservationsFollowEachOtherAndRestartFromNowAfterAPause(database: TestDatabase) async throws {
        try await database.withStore { store in
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let first = try await store.reserveSendSlots("ses", count: 10, ratePerSecond: 5, now: now)
            let second = try await store.reserveSendSlots("ses", count: 5, ratePerSecond: 5, now: now.addingTimeInterval(0.5))
            let other = try await store.reserveSendSlots("smtp", count: 5, ratePerSecond: 5, now: now)
            let afterPause = try await store.reserveSendSlots("ses", count: 1, ratePerSecond: 5, now: now.addingTimeInterval(60))
            #expect(first == now)
            #expect(abs(second.timeIntervalSince(now) - 2) < 0.001)  // after the first 10 slots of 0.2 s
            #expect(other == now)  // each schedule is its own
            #expect(afterPause == now.addingTimeInterval(60))  // unused time is not banked
        }
    }
}
