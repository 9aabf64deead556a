import Foundation
@testable import HeraldMail
import Testing

@Suite struct QuotedPrintableTests {
    @Test func leavesPlainASCIIAlone() {
        #expect(QuotedPrintable.encode("Hello, world! (1 + 1 < 3)") == "Hello, world! (1 + 1 < 3)")
    }

    @Test func escapesEqualsSignAndNonASCII() {
        #expect(QuotedPrintable.encode("a=b") == "a=3Db")
        #expect(QuotedPrintable.encode("Zoë Ångström €") == "Zo=C3=AB =C3=85ngstr=C3=B6m =E2=82=AC")
    }

    @Test func escapesWhitespaceAtEndOfLine() {
        #expect(QuotedPrintable.encode("trailing space \nand tab\t\nkept inside") == "trailing space=20\r\nand tab=09\r\nkept inside")
    }

    @Test func writesEveryLineBreakAsCRLF() {
        #expect(QuotedPrintable.encode("a\nb\r\nc\rd\n") == "a\r\nb\r\nc\r\nd\r\n")
        #expect(QuotedPrintable.encode("\n\n") == "\r\n\r\n")
    }

    @Test func escapesControlCharacters() {
        #expect(QuotedPrintable.encode("a\u{0}b\u{7F}") == "a=00b=7F")
    }

    @Test(arguments: [
        String(repeating: "a", count: 200),
        String(repeating: "é", count: 100),
        String(repeating: "word ", count: 60),
        String(repeating: "x=", count: 80) + "\n" + String(repeating: "🙂", count: 40),
        String(repeating: "a", count: 74) + "ééé",
    ])
    func softBreaksLongLinesWithinSeventySixCharacters(text: String) {
        let encoded = QuotedPrintable.encode(text)
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines.dropLast().contains { $0.hasSuffix("=") })
        #expect(MailDecoding.decodeQuotedPrintable(encoded) == text)
    }

    @Test func neverSplitsAnEscape() {
        let encoded = QuotedPrintable.encode(String(repeating: "é", count: 100))
        for line in encoded.components(separatedBy: "=\r\n") {
            #expect(line.utf8.count % 3 == 0)
        }
    }
}
