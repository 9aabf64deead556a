import Foundation
import HeraldCore
import HeraldMail
import HeraldStore

/// Writes each email as an RFC 5322 `.eml` file named after its notification into a folder, and counts it as
/// delivered. For development and for inspecting exactly what Herald would send.
public struct LogProvider: EmailProvider {
    public let name = "log"
    public let reachesRecipients = false
    private let directory: URL

    public init(directory: String) throws {
        self.directory = URL(fileURLWithPath: directory, isDirectory: true)
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
    }

    public func send(_ email: OutgoingEmail) async throws(ProviderError) -> ProviderReceipt {
        let message = email.mailMessage()
        let file = directory.appendingPathComponent("\(email.notificationId.storageString).eml")
        do {
            try Data(message.rendered().utf8).write(to: file, options: .atomic)
        } catch {
            throw .transient("cannot write \(file.path): \(error)")
        }
        return ProviderReceipt(messageId: message.messageID, immediateOutcome: .delivered)
    }
}
