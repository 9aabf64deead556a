import Foundation
import HeraldMail
import Testing

/// Reads rendered messages back with Python's `email` package, a parser written independently of ours.
@Suite(.enabled(if: PythonEmailParser.isAvailable, "python3 with the email package is not on PATH; skipping the independent parser check"))
struct PythonEmailParserTests {
    static let subjects = [
        "Your appointment",
        "Zoë Ångström – your appointment is confirmed",
        String(repeating: "A long subject that needs folding over several lines ", count: 4),
        String(repeating: "日本語の件名と絵文字 🙂👋🏽 ", count: 8),
        "Looks like =?UTF-8?B?eA==?= but is not",
        "Quotes \"here\" and (comments) and \\ backslash",
    ]

    @Test(arguments: subjects)
    func subjectAndSenderReadBackUnchanged(subject: String) async throws {
        let message = MailMessage(
            from: MailAddress("zoe@example.com", displayName: "Zoë Ångström"),
            to: [MailAddress("bob@example.com", displayName: "Smith, Bob"), MailAddress("c@example.com")],
            subject: subject,
            textBody: "Hello",
            messageID: "id-1@herald.local"
        )
        let parsed = try await PythonEmailParser.parse(message.rendered())
        #expect(parsed.subject == subject)
        #expect(parsed.fromName == "Zoë Ångström")
        #expect(parsed.fromAddress == "zoe@example.com")
        #expect(parsed.to == ["bob@example.com", "c@example.com"])
        #expect(parsed.defects.isEmpty)
    }

    @Test(arguments: [
        "Hello Zoë,\n\nYour appointment is on Monday.\n",
        String(repeating: "A long line with ünïcödé that must be soft-broken = fine. ", count: 10) + "\nend \n\ttabbed\t\n",
        "No trailing newline",
        "Windows\r\nline\rendings\n",
    ])
    func textBodyReadsBackUnchanged(body: String) async throws {
        let message = MailMessage(
            from: MailAddress("notify@herald.local", displayName: "GOV.UK Notify"),
            to: [MailAddress("zoe@example.com")],
            subject: "Body test",
            textBody: body,
            messageID: "id-2@herald.local"
        )
        let parsed = try await PythonEmailParser.parse(message.rendered())
        #expect(parsed.text == Self.expectedText(body))
        #expect(parsed.fromName == "GOV.UK Notify")
        #expect(parsed.contentType == "text/plain")
        #expect(parsed.defects.isEmpty)
    }

    @Test func multipartReadsBackBothBodies() async throws {
        let message = MailMessage(
            from: MailAddress("notify@herald.local", displayName: "Herald"),
            to: [MailAddress("zoe@example.com")],
            subject: "Zoë’s receipt",
            textBody: "Total: £5",
            htmlBody: "<p>Total: <b>£5</b></p>",
            messageID: "id-3@herald.local",
            extraHeaders: [MailHeader("X-Herald-Notification-Id", "abc"), MailHeader("X-Note", "naïve")]
        )
        let parsed = try await PythonEmailParser.parse(message.rendered())
        #expect(parsed.contentType == "multipart/alternative")
        #expect(parsed.subject == "Zoë’s receipt")
        #expect(parsed.text == "Total: £5\n")
        #expect(parsed.html == "<p>Total: <b>£5</b></p>\n")
        #expect(parsed.defects.isEmpty)
    }

    /// Line breaks come back as LF, and every body ends with one.
    private static func expectedText(_ body: String) -> String {
        let normalised = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return normalised.hasSuffix("\n") ? normalised : normalised + "\n"
    }
}
