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

    public init(notificationId: UUID, attempt: Int, result: Result) {
        self.notificationId = notificationId
        self.attempt = attempt
        self.result = result
    }
}
