import Foundation
import HeraldMail
import HeraldSMTP
import HeraldTestSupport
import Testing

/// Messages through a real SMTP server (aiosmtpd on loopback), read back as it stored them.
@Suite("SMTP delivery to aiosmtpd", .enabled(if: SMTPTestServer.shouldRun, "no test SMTP server: run scripts/smtp.sh or scripts/test"))
struct SMTPDeliveryTests {
    /// Everything part 5 of the issue asks of the MIME: an IDN domain, encoded display names, Cc, Reply-To,
    /// text + HTML, an attachment with a non-ASCII name, List-Unsubscribe, a body line that starts with a dot.
    static func richMessage() -> MailMessage {
        MailMessage(
            from: MailAddress("notify@herald.example", displayName: "Herald Notifications"),
            to: [MailAddress("zoe@bücher.example", displayName: "Zoë Ångström")],
            cc: [MailAddress("bob@example.com", displayName: "Smith, Bob")],
            replyTo: MailAddress("help@bücher.example", displayName: "Bücher Help"),
            subject: "Zoë, your order – ready",
            textBody: "Hello Zoë,\n.\n.a line that starts with a dot\n" + String(repeating: "long line ", count: 150) + "\n",
            htmlBody: "<p>Hello Zoë</p>\n.<p>dot</p>",
            attachments: [
                MailAttachment(filename: "Zoë’s receipt.pdf", contentType: "application/pdf", data: Array((0..<3000).map { UInt8($0 % 256) })),
                MailAttachment(filename: "notes.txt", contentType: "text/plain", data: Array("one\ntwo\n".utf8)),
            ],
            listUnsubscribe: ListUnsubscribe(mailto: "unsubscribe@herald.example?subject=unsubscribe", url: "https://herald.example/unsubscribe/abc"),
            messageID: "\(UUID().uuidString.lowercased())@herald.test",
            extraHeaders: [MailHeader("X-Herald-Notification-Id", "abc")]
        )
    }

    @Test func receivedByteForByteAsBuiltAndParsesCleanly() async throws {
        let message = Self.richMessage()
        let built = Array(message.rendered().utf8)
        let envelope = SMTPEnvelope(sender: message.from.encodedAddress, recipients: (message.to + message.cc).map(\.encodedAddress))
        let client = try TestServers.client(.plain)
        let result = try await client.send(envelope: envelope, data: built)
        await client.shutdown()
        #expect(result.dataReply?.code == 250)

        let received = try await SMTPTestServer.received(messageID: message.messageID)
        #expect(received.raw == built)
        #expect(received.parsed.defects == [])
        let lines = String(decoding: built, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 998 })
        #expect(lines.contains { $0.hasPrefix(".") })  // so transparency was exercised
    }

    @Test func displayNamesAreRFC2047AndDomainsPunycodeInHeadersAndEnvelope() async throws {
        let message = Self.richMessage()
        let client = try TestServers.client(.plain)
        _ = try await client.send(message)
        await client.shutdown()

        let received = try await SMTPTestServer.received(messageID: message.messageID)
        let headers = String(decoding: received.raw, as: UTF8.self).components(separatedBy: "\r\n\r\n")[0]
        #expect(headers.contains("To: =?UTF-8?B?Wm/DqyDDhW5nc3Ryw7Zt?= <zoe@xn--bcher-kva.example>"))
        #expect(headers.contains("<help@xn--bcher-kva.example>"))
        #expect(!headers.contains("Zoë") && !headers.contains("bücher"))
        #expect(received.mailFrom == "notify@herald.example")
        #expect(received.rcptTos == ["zoe@xn--bcher-kva.example", "bob@example.com"])

        let parsed = received.parsed
        #expect(parsed.defects == [])
        #expect(parsed.to == [.init(name: "Zoë Ångström", address: "zoe@xn--bcher-kva.example")])
        #expect(parsed.cc == [.init(name: "Smith, Bob", address: "bob@example.com")])
        #expect(parsed.replyTo == [.init(name: "Bücher Help", address: "help@xn--bcher-kva.example")])
        #expect(parsed.from == [.init(name: "Herald Notifications", address: "notify@herald.example")])
        #expect(parsed.subject == "Zoë, your order – ready")
        #expect(parsed.messageId == "<\(message.messageID)>")
        #expect(parsed.contentType == "multipart/mixed")
        #expect(parsed.text == message.textBody)
        #expect(parsed.html == message.htmlBody! + "\n")
        #expect(parsed.attachments == [
            .init(filename: "Zoë’s receipt.pdf", contentType: "application/pdf", size: 3000),
            .init(filename: "notes.txt", contentType: "text/plain", size: 8),
        ])
        #expect(parsed.listUnsubscribe == "<mailto:unsubscribe@herald.example?subject=unsubscribe>, <https://herald.example/unsubscribe/abc>")
        #expect(parsed.listUnsubscribePost == "List-Unsubscribe=One-Click")
    }

    @Test func eachRecipientGetsItsOwnOutcome() async throws {
        let message = TestServers.message(to: ["ok@example.com", "reject@example.com", "later@example.com"])
        let client = try TestServers.client(.plain)
        let result = try await client.send(message)
        await client.shutdown()

        #expect(result.outcome(for: "ok@example.com")?.code == 250)
        #expect(result.outcome(for: "reject@example.com")?.code == 550)
        #expect(result.outcome(for: "reject@example.com")?.description.contains("mailbox unavailable") == true)
        #expect(result.outcome(for: "later@example.com")?.code == 451)
        #expect(result.deliveredRecipients == ["ok@example.com"])
        let received = try await SMTPTestServer.received(messageID: message.messageID)
        #expect(received.rcptTos == ["ok@example.com"])
    }

    @Test func noAcceptedRecipientMeansNoDataAndTheConnectionStaysUsable() async throws {
        let client = try TestServers.client(.plain)
        let refused = TestServers.message(to: ["reject@example.com"])
        let result = try await client.send(refused)
        #expect(result.dataReply == nil)
        #expect(result.outcome(for: "reject@example.com")?.code == 550)

        let next = TestServers.message()
        #expect(try await client.send(next).dataReply?.code == 250)
        #expect(await client.connectionsOpened == 1)
        await client.shutdown()
        #expect(try await !SMTPTestServer.hasReceived(messageID: refused.messageID))
        #expect(try await SMTPTestServer.received(messageID: next.messageID).rcptTos == ["ok@example.com"])
    }

    @Test func nonASCIILocalPartFailsClearlyWithoutSMTPUTF8() async throws {
        let message = TestServers.message(to: ["jösé@example.com"])
        let client = try TestServers.client(.plain)
        let error = await #expect(throws: SMTPError.self) {
            try await client.send(message)
        }
        if case .smtpUTF8Unavailable(let address)? = error {
            #expect(address == "jösé@example.com" && "\(error!)".contains("SMTPUTF8"))
        } else {
            Issue.record("unexpected error: \(String(describing: error))")
        }
        await client.shutdown()
        #expect(try await !SMTPTestServer.hasReceived(messageID: message.messageID))
    }

    @Test func nonASCIILocalPartGoesWithSMTPUTF8WhenTheServerOffersIt() async throws {
        let message = TestServers.message(to: ["jösé@bücher.example"])
        let client = try TestServers.client(.startTLS)
        let result = try await client.send(message)
        #expect(result.outcome(for: "jösé@xn--bcher-kva.example")?.code == 250, "\(result.recipientReplies) \(String(describing: result.dataReply))")
        await client.shutdown()
        let received = try await SMTPTestServer.received(messageID: message.messageID)
        #expect(received.mailOptions.contains("SMTPUTF8"))
        #expect(received.rcptTos == ["jösé@xn--bcher-kva.example"])
        #expect(received.parsed.to.map(\.address) == ["jösé@xn--bcher-kva.example"])
        // Python's parser reads RFC 6532 UTF-8 headers but flags them against RFC 5322; nothing else may be wrong.
        #expect(received.parsed.defects.allSatisfy { $0.hasPrefix("NonASCIILocalPartDefect") || $0.hasPrefix("UndecodableBytesDefect") })
    }
}
