import Foundation
import HeraldMail
import Testing

@Suite struct MailMessageTests {
    static let date = Date(timeIntervalSince1970: 1_700_000_000)

    static func message(
        subject: String = "Your appointment",
        textBody: String = "See you on Monday.\n",
        htmlBody: String? = nil,
        replyTo: MailAddress? = nil
    ) -> MailMessage {
        MailMessage(
            from: MailAddress("notify@herald.local", displayName: "Herald"),
            to: [MailAddress("zoe@example.com", displayName: "Zoë Ångström"), MailAddress("bob@example.com")],
            replyTo: replyTo,
            subject: subject,
            textBody: textBody,
            htmlBody: htmlBody,
            messageID: "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0@herald.local",
            date: date,
            extraHeaders: [MailHeader("X-Herald-Notification-Id", "3f2a9c1e-0000-4000-8000-000000000001")]
        )
    }

    @Test func writesHeadersInOrder() {
        let rendered = Self.message(replyTo: MailAddress("help@example.com")).rendered()
        let names = MailDecoding.split(rendered).headers.map { String($0.prefix { $0 != ":" }) }
        #expect(names == [
            "Date", "From", "Reply-To", "To", "Message-ID", "Subject", "MIME-Version",
            "X-Herald-Notification-Id", "Content-Type", "Content-Transfer-Encoding",
        ])
    }

    @Test func writesStandardHeaderValues() {
        let rendered = Self.message().rendered()
        #expect(MailDecoding.header("Date", in: rendered) == "Tue, 14 Nov 2023 22:13:20 +0000")
        #expect(MailDecoding.header("From", in: rendered) == "Herald <notify@herald.local>")
        #expect(MailDecoding.header("To", in: rendered) == "=?UTF-8?B?Wm/DqyDDhW5nc3Ryw7Zt?= <zoe@example.com>, bob@example.com")
        #expect(MailDecoding.header("Message-ID", in: rendered) == "<0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0@herald.local>")
        #expect(MailDecoding.header("Subject", in: rendered) == "Your appointment")
        #expect(MailDecoding.header("MIME-Version", in: rendered) == "1.0")
        #expect(MailDecoding.header("X-Herald-Notification-Id", in: rendered) == "3f2a9c1e-0000-4000-8000-000000000001")
        #expect(MailDecoding.header("Reply-To", in: rendered) == nil)
    }

    @Test(arguments: [
        (0.0, "Thu, 01 Jan 1970 00:00:00 +0000"),
        (951_782_400, "Tue, 29 Feb 2000 00:00:00 +0000"),
        (1_767_225_599, "Wed, 31 Dec 2025 23:59:59 +0000"),
    ])
    func writesTheDateInRFC5322Format(seconds: Double, expected: String) {
        var message = Self.message()
        message.date = Date(timeIntervalSince1970: seconds)
        #expect(MailDecoding.header("Date", in: message.rendered()) == expected)
    }

    @Test func leavesOutToWhenThereAreNoRecipients() {
        var message = Self.message()
        message.to = []
        #expect(MailDecoding.header("To", in: message.rendered()) == nil)
    }

    @Test func usesCRLFOnlyAndKeepsHeaderLinesWithinSeventyEight() {
        let subject = String(repeating: "Zoë Ångström has a long subject line ", count: 6)
        let rendered = Self.message(subject: subject, textBody: String(repeating: "long body line ", count: 30)).rendered()
        #expect(!rendered.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!rendered.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        let headerLines = rendered.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        #expect(headerLines.allSatisfy { $0.utf8.count <= 78 })
        #expect(rendered.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(rendered.utf8.allSatisfy { $0 < 0x80 })
    }

    @Test func encodesNonASCIISubjectsAsEncodedWords() throws {
        let subject = String(repeating: "Zoë Ångström – your appointment is confirmed. ", count: 3)
        let value = try #require(MailDecoding.header("Subject", in: Self.message(subject: subject).rendered()))
        let words = value.split(separator: " ")
        #expect(words.count > 1)
        #expect(words.allSatisfy { $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") && $0.count <= 75 })
        #expect(MailDecoding.decodeWords(value) == subject)
    }

    @Test func subjectCannotInjectHeaders() {
        let rendered = Self.message(subject: "Hi\r\nBcc: victim@example.com").rendered()
        #expect(!rendered.contains("\r\nBcc:"))
    }

    @Test func singlePartMessageIsQuotedPrintableText() {
        let rendered = Self.message(textBody: "Price = £5\nThanks").rendered()
        #expect(MailDecoding.header("Content-Type", in: rendered) == "text/plain; charset=utf-8")
        #expect(MailDecoding.header("Content-Transfer-Encoding", in: rendered) == "quoted-printable")
        #expect(MailDecoding.split(rendered).body == "Price =3D =C2=A35\r\nThanks\r\n")
    }

    @Test func htmlMakesAMultipartAlternativeWithTextFirst() throws {
        let rendered = Self.message(textBody: "Hello Zoë", htmlBody: "<p>Hello Zoë</p>").rendered()
        let contentType = try #require(MailDecoding.header("Content-Type", in: rendered))
        #expect(contentType.hasPrefix("multipart/alternative; boundary=\""))
        #expect(MailDecoding.header("Content-Transfer-Encoding", in: rendered) == nil)
        let boundary = String(contentType.split(separator: "\"")[1])

        let body = MailDecoding.split(rendered).body
        #expect(body.hasSuffix("\r\n--\(boundary)--\r\n"))
        let parts = body.components(separatedBy: "--\(boundary)")
        #expect(parts.count == 4)  // preamble (empty), text, html, closing "--"
        #expect(parts[0].isEmpty)
        let text = String(parts[1].dropFirst().dropLast())  // "\r\n" is one Character
        let html = String(parts[2].dropFirst().dropLast())
        #expect(MailDecoding.header("Content-Type", in: text) == "text/plain; charset=utf-8")
        #expect(MailDecoding.header("Content-Type", in: html) == "text/html; charset=utf-8")
        #expect(MailDecoding.decodeQuotedPrintable(MailDecoding.split(text).body) == "Hello Zoë\n")
        #expect(MailDecoding.decodeQuotedPrintable(MailDecoding.split(html).body) == "<p>Hello Zoë</p>\n")
    }

    @Test func eachRenderingGetsItsOwnBoundary() {
        let message = Self.message(htmlBody: "<p>Hi</p>")
        let first = MailDecoding.header("Content-Type", in: message.rendered())
        let second = MailDecoding.header("Content-Type", in: message.rendered())
        #expect(first != second)
    }
}
