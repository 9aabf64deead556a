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
}
