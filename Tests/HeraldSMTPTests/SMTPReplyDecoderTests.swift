@testable import HeraldSMTP
import NIOCore
import Testing

@Suite struct SMTPReplyDecoderTests {
    /// Every reply the decoder makes of `input`, fed in pieces of `chunk` bytes.
    static func replies(_ input: String, chunk: Int = .max) throws -> [SMTPReply] {
        var decoder = SMTPReplyDecoder()
        var buffer = ByteBuffer()
        var replies: [SMTPReply] = []
        let bytes = Array(input.utf8)
        for start in stride(from: 0, to: bytes.count, by: min(chunk, bytes.count)) {
            buffer.writeBytes(bytes[start..<min(start + chunk, bytes.count)])
            while let reply = try decoder.decode(buffer: &buffer) {
                replies.append(reply)
            }
        }
        return replies
    }

    @Test func readsASingleLineReply() throws {
        #expect(try Self.replies("220 mail.example ESMTP ready\r\n") == [SMTPReply(code: 220, lines: ["mail.example ESMTP ready"])])
    }

    @Test(arguments: [1, 3, 7, 1000])
    func readsAMultilineReplyInAnyPieces(chunk: Int) throws {
        let input = "250-mail.example\r\n250-STARTTLS\r\n250-AUTH PLAIN LOGIN\r\n250 SMTPUTF8\r\n354 go ahead\r\n"
        #expect(try Self.replies(input, chunk: chunk) == [
            SMTPReply(code: 250, lines: ["mail.example", "STARTTLS", "AUTH PLAIN LOGIN", "SMTPUTF8"]),
            SMTPReply(code: 354, lines: ["go ahead"]),
        ])
    }

    @Test func acceptsBareLFAndACodeWithoutText() throws {
        #expect(try Self.replies("250\n221 bye\n") == [SMTPReply(code: 250, lines: [""]), SMTPReply(code: 221, lines: ["bye"])])
    }

    @Test func waitsForTheRestOfAReply() throws {
        #expect(try Self.replies("250-first\r\n250 sec").isEmpty)
    }

    @Test(arguments: ["hello\r\n", "25\r\n", "250-a\r\n251 b\r\n", "250_x\r\n", "999 x\r\n"])
    func refusesWhatIsNotSMTP(input: String) {
        #expect(throws: SMTPError.self) { try Self.replies(input) }
    }

    @Test func refusesAnEndlessLine() {
        #expect(throws: SMTPError.self) { try Self.replies(String(repeating: "x", count: SMTPReplyDecoder.maximumLineLength + 1)) }
    }

    @Test func capabilitiesComeFromTheLinesAfterTheGreeting() {
        let capabilities = SMTPCapabilities(ehlo: SMTPReply(code: 250, lines: ["mail.example", "STARTTLS", "auth login PLAIN", "SMTPUTF8", "SIZE 100"]))
        #expect(capabilities.startTLS)
        #expect(capabilities.smtpUTF8)
        #expect(capabilities.authMechanisms == ["LOGIN", "PLAIN"])
        #expect(capabilities.keywords["SIZE"] == ["100"])
        #expect(!SMTPCapabilities(ehlo: SMTPReply(code: 250, lines: ["STARTTLS only in the greeting"])).startTLS)
    }
}
