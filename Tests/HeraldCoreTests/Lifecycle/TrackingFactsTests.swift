import Foundation
import HeraldCore
import Testing

@Suite("Tracking facts")
struct TrackingFactsTests {
    @Test func bitPositionsAreStable() {
        #expect(TrackingFacts.opened.rawValue == 1)
        #expect(TrackingFacts.clicked.rawValue == 2)
        #expect(TrackingFacts.complained.rawValue == 4)
        #expect(TrackingFacts.delayed.rawValue == 8)
    }

    @Test func encodesAsAnInteger() throws {
        let facts: TrackingFacts = [.opened, .complained]
        let json = try JSONEncoder().encode(facts)
        #expect(String(decoding: json, as: UTF8.self) == "5")
        #expect(try JSONDecoder().decode(TrackingFacts.self, from: json) == facts)
    }
}
