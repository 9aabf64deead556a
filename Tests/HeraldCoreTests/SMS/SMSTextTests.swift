import HeraldCore
import Testing

@Suite struct SMSTextTests {
    @Test(arguments: [
        ("a", 160, 1), ("a", 161, 2), ("a", 306, 2), ("a", 307, 3), ("€", 80, 1), ("€", 81, 2), ("{", 80, 1), ("{", 81, 2),
        ("ł", 70, 1), ("ł", 71, 2), ("ł", 134, 2), ("ł", 135, 3), ("😀", 35, 1), ("😀", 36, 2),
    ])
    func countsFragmentsAsCarriersBill(character: String, count: Int, fragments: Int) {
        #expect(SMSText(String(repeating: character, count: count)).fragments == fragments)
    }

    @Test func extensionCharactersCountTwice() {
        let text = SMSText("[x]")
        #expect(!text.isUnicode)
        #expect(text.length == 5)
    }

    @Test func typographyBecomesGSM() {
        let text = SMSText("It’s ready – see you at 10… \u{201C}ok\u{201D}\u{200B}\u{00A0}bye")
        #expect(text.content == "It's ready - see you at 10... \"ok\" bye")
        #expect(!text.isUnicode)
    }

    @Test func accentsOutsideGSMAreDroppedWhenThatMakesGSM() {
        #expect(SMSText("Erdős").content == "Erdos")
        #expect(SMSText("Amélie à Zürich").content == "Amélie à Zürich")
        #expect(!SMSText("Amélie à Zürich").isUnicode)
    }

    @Test func welshAndOtherScriptsAreKeptAsUnicode() {
        #expect(SMSText("Croeso i Gymru, ŵyr").content == "Croeso i Gymru, ŵyr")
        #expect(SMSText("ŵ").isUnicode)
        #expect(SMSText("Łódź").content == "Łódz")  // ó is Welsh: kept
        #expect(SMSText("Łódź").isUnicode)
        #expect(SMSText("Привет").content == "Привет")
    }
}
