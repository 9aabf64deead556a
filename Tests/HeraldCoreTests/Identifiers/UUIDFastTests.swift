import Foundation
import HeraldCore
import Testing

@Suite struct UUIDFastTests {
    @Test func storageStringIsFoundationsTextLowercased() {
        for id in [UUID(), UUID(), UUID(uuid: (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 255))] {
            #expect(id.storageString == id.uuidString.lowercased())
        }
    }

    @Test func randomIdsAreVersion4WithTheRFCVariantAndDistinct() {
        let ids = (0..<1000).map { _ in UUID.random() }
        #expect(Set(ids).count == ids.count)
        for id in ids {
            let text = id.storageString
            #expect(text[text.index(text.startIndex, offsetBy: 14)] == "4")
            #expect("89ab".contains(text[text.index(text.startIndex, offsetBy: 19)]))
            #expect(UUID(uuidString: text) == id)
        }
    }

    @Test func timeOrderedIdsCarryTheirMillisecondAndSortByIt() {
        // RFC 9562 appendix A.6: 2022-02-22 19:22:22.000 UTC is 0x017F22E279B0 milliseconds.
        let id = UUID.timeOrdered(at: Date(timeIntervalSince1970: 1_645_557_742))
        let text = id.storageString
        #expect(text.hasPrefix("017f22e2-79b0-7"))
        #expect("89ab".contains(text[text.index(text.startIndex, offsetBy: 19)]))
        #expect(UUID(uuidString: text) == id)

        let start = Date()
        let ordered = (0..<1000).map { UUID.timeOrdered(at: start.addingTimeInterval(Double($0) / 1000)).storageString }
        #expect(ordered == ordered.sorted())
        #expect(Set(ordered).count == ordered.count)
    }

    @Test func storageStringsParseBackAsFoundationParsesThem() {
        for id in (0..<500).map({ _ in UUID.random() }) {
            #expect(UUID(storageString: id.storageString) == id)
            #expect(UUID(storageString: id.uuidString) == id)  // upper case too
        }
        let texts = [
            "", "6f1c2a9e-4b7d-4e3a-9c58-0d2e1f3a4b5", "6f1c2a9e-4b7d-4e3a-9c58-0d2e1f3a4b5c0", "6f1c2a9e4b7d-4e3a-9c58-0d2e1f3a4b5c0",
            "6f1c2a9e-4b7d-4e3a-9c58-0d2e1f3a4b5g", "{6f1c2a9e-4b7d-4e3a-9c58-0d2e1f3a4b5c}", "6F1C2A9E-4B7D-4E3A-9C58-0D2E1F3A4B5C",
            "6f1c2a9e-4b7d-4e3a-9c580-d2e1f3a4b5c", "6f1c2a9e-4b7d-4e3a-9c58-0d2e1f3a4b5ü",
        ]
        for text in texts {
            #expect(UUID(storageString: text) == UUID(uuidString: text), "\(text)")
        }
    }
}
