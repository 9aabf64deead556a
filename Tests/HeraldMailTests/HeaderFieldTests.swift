import Foundation
@testable import HeraldMail
import Testing

@Suite struct HeaderFieldTests {
    @Test func shortFieldIsOneLine() {
        #expect(HeaderField("Subject", "Hello").rendered == "Subject: Hello")
    }

    @Test func foldsLongFieldsAtWhitespaceWithinSeventyEightCharacters() {
        let subject = (1...40).map { "word\($0)" }.joined(separator: " ")
        let rendered = HeaderField("Subject", subject).rendered
        let lines = rendered.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(MailDecoding.unfold(rendered) == "Subject: " + subject)
    }

    @Test func keepsAnUnbreakableRunWholeOnItsOwnLine() {
        let token = String(repeating: "x", count: 120)
        #expect(HeaderField("X-Token", token).rendered == "X-Token:\r\n " + token)
        let rendered = HeaderField("X-Token", "short " + token + " end").rendered
        #expect(rendered == "X-Token: short\r\n " + token + "\r\n end")
    }

    @Test func neverLeavesALineOfOnlyWhitespace() {
        let rendered = HeaderField("Subject", String(repeating: "a", count: 70) + String(repeating: " ", count: 20) + "b").rendered
        let lines = rendered.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { !$0.allSatisfy { $0 == " " } })
        #expect(MailDecoding.unfold(rendered) == "Subject: " + String(repeating: "a", count: 70) + String(repeating: " ", count: 20) + "b")
    }

    @Test func removesLineBreaksSoNoHeaderCanBeInjected() {
        let rendered = HeaderField("X-Bad\r\nName:", "a\r\nBcc: victim@example.com").rendered
        #expect(rendered == "X-BadName: a  Bcc: victim@example.com")
    }

    @Test func encodesUnstructuredTextOnlyWhenNeeded() {
        #expect(HeaderField.unstructured("Subject", "Plain text").value == "Plain text")
        #expect(HeaderField.unstructured("Subject", "Café").value == "=?UTF-8?B?Q2Fmw6k=?=")
        #expect(HeaderField.unstructured("Subject", "looks =?like?= a word").value.hasPrefix("=?UTF-8?B?"))
        #expect(HeaderField.unstructured("Subject", "line\r\nBcc: x").value == "=?UTF-8?B?bGluZQ0KQmNjOiB4?=")
    }

    @Test(arguments: ["Zoë Ångström", String(repeating: "Zoë Ångström ", count: 20), String(repeating: "🙂", count: 50), "", "a"])
    func splitsEncodedWordsWithinTheLimit(text: String) {
        let encoded = EncodedWord.encode(text)
        let words = encoded.split(separator: " ")
        #expect(words.allSatisfy { $0.count <= EncodedWord.maximumLength && $0.count <= 75 })
        #expect(MailDecoding.decodeWords(encoded) == text)
    }
}
