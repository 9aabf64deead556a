import Foundation
import HeraldCore
import HeraldDelivery
import Testing

/// A formatted email's `Reply-To` and HTML alternative reach the message the providers send.
@Suite struct ReplyToAndHTMLTests {
    @Test func theMessageCarriesReplyToAndAnHTMLAlternative() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-reply-to-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let provider = try LogProvider(directory: directory.path)
        let email = OutgoingEmail(
            notificationId: UUID(), serviceId: UUID(), from: "noreply@example.org", to: "ada@example.org", subject: "Renewal",
            textBody: "Plain", htmlBody: "<p>Rich</p>", replyTo: "secretary@example.org"
        )
        _ = try await provider.send(email)
        let message = try String(contentsOf: directory.appendingPathComponent("\(email.notificationId.storageString).eml"), encoding: .utf8)
        let replyTo = message.components(separatedBy: "\r\n").first { $0.hasPrefix("Reply-To: ") }
        #expect(replyTo?.contains("secretary@example.org") == true)
        #expect(message.contains("multipart/alternative"))
        #expect(message.contains("<p>Rich</p>"))
    }
}
