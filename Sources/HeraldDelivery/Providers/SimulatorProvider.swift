import Foundation
import HeraldCore
import HeraldStore

/// The default provider: never leaves the machine and behaves like the SES mailbox simulator.
///
/// Each send is appended to an optional send log (one line per send: notification id, message id, recipient,
/// process id), which is how tests and benchmarks prove nothing was sent twice. Outcomes come back as the SES
/// events SES would publish, through the same feedback inbox that real SES events travel.
public struct SimulatorProvider: EmailProvider {
    public let name = "simulator"
    public let reachesRecipients = false
    private let sendLog: SendLog?

    public init(sendLogPath: String? = nil) throws {
        self.sendLog = try sendLogPath.map(SendLog.init(path:))
    }

    public func send(_ email: OutgoingEmail) async throws(ProviderError) -> ProviderReceipt {
        let messageId = "0100" + UUID.random().storageString + "-000000"
        let now = Date()
        sendLog?.append("\(email.notificationId.storageString) \(messageId) \(email.recipients.joined(separator: ",")) \(getpid())\n")
        let events = MailboxSimulator.events(
            for: email.recipients,
            messageId: messageId,
            notificationId: email.notificationId,
            serviceId: email.serviceId,
            source: email.from,
            subject: email.subject,
            at: now
        )
        let feedback = events.map { FeedbackDocument(source: "simulator", body: String(decoding: $0, as: UTF8.self), receivedAt: now) }
        return ProviderReceipt(messageId: messageId, feedback: feedback)
    }
}
