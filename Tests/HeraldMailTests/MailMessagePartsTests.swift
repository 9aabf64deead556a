import Foundation
@testable import HeraldMail
import Testing

/// Cc, attachments, List-Unsubscribe and the limits a real mail system holds a message to.
@Suite struct MailMessagePartsTests {
    static func message(
        attachments: [MailAttachment] = [], listUnsubscribe: ListUnsubscribe? = nil, htmlBody: String? = nil
    ) -> MailMessage {
        MailMessage(
            from: MailAddress("notify@herald.example", displayName: "Herald"),
            to: [MailAddress("zoe@bücher.example", displayName: "Zoë Ångström")],
            cc: [MailAddress("bob@example.com", displayName: "Smith, Bob"), MailAddress("c@bücher.example")],
            subject: "Receipt",
            textBody: "Hello\n",
            htmlBody: htmlBody,
            attachments: attachments,
            listUnsubscribe: listUnsubscribe,
            messageID: "id@herald.test",
            date: Date(timeIntervalSince1970: 1_700_000_000)
        )
    }

    @Test func ccAndToCarryPunycodeDomains() {
        let rendered = Self.message().rendered()
        #expect(MailDecoding.header("To", in: rendered) == "=?UTF-8?B?Wm/DqyDDhW5nc3Ryw7Zt?= <zoe@xn--bcher-kva.example>")
        #expect(MailDecoding.header("Cc", in: rendered) == #""Smith, Bob" <bob@example.com>, c@xn--bcher-kva.example"#)
        #expect(rendered.utf8.allSatisfy { $0 < 0x80 })
    }

    @Test func attachmentsFollowTheBodyInMultipartMixed() throws {
        let data = Array((0..<1000).map { UInt8($0 % 251) })
        let rendered = Self.message(attachments: [MailAttachment(filename: "data.bin", data: data)], htmlBody: "<p>Hi</p>").rendered()
        let contentType = try #require(MailDecoding.header("Content-Type", in: rendered))
        #expect(contentType.hasPrefix("multipart/mixed; boundary=\""))
        let boundary = String(contentType.split(separator: "\"")[1])
        let parts = MailDecoding.split(rendered).body.components(separatedBy: "--\(boundary)")
        #expect(parts.count == 4)  // preamble, alternative, attachment, closing
        #expect(MailDecoding.header("Content-Type", in: String(parts[1].dropFirst()))?.hasPrefix("multipart/alternative") == true)
        let attachment = String(parts[2].dropFirst())
        #expect(MailDecoding.header("Content-Type", in: attachment) == "application/octet-stream")
        #expect(MailDecoding.header("Content-Transfer-Encoding", in: attachment) == "base64")
        #expect(MailDecoding.header("Content-Disposition", in: attachment) == #"attachment; filename="data.bin""#)
        let body = MailDecoding.split(attachment).body
        let lines = body.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.dropLast().allSatisfy { $0.utf8.count == 76 })
        #expect(Data(base64Encoded: lines.joined()).map(Array.init) == data)
    }

    @Test(arguments: [
        ("Zoë’s receipt.pdf", "attachment; filename*=utf-8''Zo%C3%AB%E2%80%99s%20receipt.pdf"),
        ("a \"quoted\" name.txt", "attachment; filename*=utf-8''a%20%22quoted%22%20name.txt"),
        ("report 2024.csv", #"attachment; filename="report 2024.csv""#),
    ])
    func filenamesAreQuotedOrRFC2231Encoded(filename: String, disposition: String) {
        let part = MIMEPart.attachment(MailAttachment(filename: filename, data: [1]))
        #expect(part.headerFields.first { $0.name == "Content-Disposition" }?.value == disposition)
    }

    @Test func anInvalidMediaTypeIsSentAsOctetStream() {
        #expect(MailAttachment(filename: "x", contentType: "text/plain\r\nBcc: x", data: []).mediaType == "application/octet-stream")
        #expect(MailAttachment(filename: "x", contentType: "Application/PDF", data: []).mediaType == "application/pdf")
    }

    @Test func listUnsubscribeHasBothLinksAndOneClickPost() {
        let rendered = Self.message(listUnsubscribe: ListUnsubscribe(mailto: "unsubscribe@herald.example", url: "https://herald.example/u/1 2")).rendered()
        #expect(MailDecoding.header("List-Unsubscribe", in: rendered) == "<mailto:unsubscribe@herald.example>, <https://herald.example/u/1%202>")
        #expect(MailDecoding.header("List-Unsubscribe-Post", in: rendered) == "List-Unsubscribe=One-Click")
    }

    @Test func oneClickPostNeedsAnHTTPSLink() {
        let rendered = Self.message(listUnsubscribe: ListUnsubscribe(mailto: "mailto:u@herald.example", url: "http://herald.example/u")).rendered()
        #expect(MailDecoding.header("List-Unsubscribe", in: rendered) == "<mailto:u@herald.example>, <http://herald.example/u>")
        #expect(MailDecoding.header("List-Unsubscribe-Post", in: rendered) == nil)
    }

    @Test func noLineIsLongerThan998EvenForAnUnbreakableHeaderValue() {
        var message = Self.message()
        message.extraHeaders = [MailHeader("X-Token", String(repeating: "x", count: 3000))]
        message.subject = String(repeating: "y", count: 2000)
        let rendered = message.rendered()
        #expect(rendered.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 998 })
        #expect(MailDecoding.decodeWords(MailDecoding.header("X-Token", in: rendered) ?? "") == String(repeating: "x", count: 3000))
    }

    @Test func addressesWithNonASCIILocalPartsAreNamed() {
        var message = Self.message()
        #expect(message.addressesNeedingSMTPUTF8.isEmpty)
        message.cc.append(MailAddress("jösé@example.com"))
        message.replyTo = MailAddress("ülla@example.com")
        #expect(message.addressesNeedingSMTPUTF8.map(\.address) == ["jösé@example.com", "ülla@example.com"])
    }
}
