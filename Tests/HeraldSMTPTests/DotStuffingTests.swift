@testable import HeraldSMTP
import NIOCore
import Testing

@Suite struct DotStuffingTests {
    static func stuffed(_ text: String) -> String {
        String(buffer: DotStuffing.encode(Array(text.utf8)))
    }

    @Test func doublesADotThatStartsALine() {
        #expect(Self.stuffed(".hidden\r\nmid.dle\r\n.\r\n..two\r\n") == "..hidden\r\nmid.dle\r\n..\r\n...two\r\n.\r\n")
    }

    @Test func endsWithTheTerminatorAfterALineBreak() {
        #expect(Self.stuffed("no final line break") == "no final line break\r\n.\r\n")
        #expect(Self.stuffed("") == ".\r\n")
    }

    @Test func writesEveryLineBreakAsCRLF() {
        #expect(Self.stuffed("a\nb\rc\r\n.d\n") == "a\r\nb\r\nc\r\n..d\r\n.\r\n")
    }
}
