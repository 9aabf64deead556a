import Foundation
import HeraldCore

/// What happened when a worker tried to send one claimed notification.
public struct SendOutcome: Sendable {
    public enum Result: Sendable {
        case sent(provider: String, ProviderReceipt)
        case failed(ProviderError)
    }

    public var notificationId: UUID
    public var attempt: Int
    public var result: Result
    /// Recipients of a message to several that the send left out (suppressed) or the provider refused, by
    /// lowercased address, each with why: they have failed permanently, while the others got the message.
    public var unsent: [String: String]

    public init(notificationId: UUID, attempt: Int, result: Result, unsent: [String: String] = [:]) {
        self.notificationId = notificationId
        self.attempt = attempt
        self.result = result
        self.unsent = unsent
    }
}
