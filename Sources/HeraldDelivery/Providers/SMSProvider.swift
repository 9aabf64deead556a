import Foundation
import HeraldCore

/// A text message ready for a provider: sanitised, prefixed with the service's name, addressed in E.164.
public struct OutgoingSMS: Sendable {
    public var notificationId: UUID
    public var serviceId: UUID
    /// E.164, e.g. `+447700900123`.
    public var to: String
    public var text: String

    public init(notificationId: UUID, serviceId: UUID, to: String, text: String) {
        self.notificationId = notificationId
        self.serviceId = serviceId
        self.to = to
        self.text = text
    }
}

/// Something that delivers text messages: the simulator or Amazon SNS.
public protocol SMSProvider: Sendable {
    /// The name stored on each notification it sends (`simulator`, `sns`).
    var name: String { get }
    func send(_ sms: OutgoingSMS) async throws(ProviderError) -> ProviderReceipt
    /// False for the simulator, which delivers to no one: the playpen lets it send.
    var reachesRecipients: Bool { get }
}

extension SMSProvider {
    public var reachesRecipients: Bool { true }
}

/// Delivers every text message at once, offline: the SMS side of the simulator.
public struct SimulatorSMSProvider: SMSProvider {
    public let name = "simulator"
    public let reachesRecipients = false

    public init() {}

    public func send(_ sms: OutgoingSMS) async throws(ProviderError) -> ProviderReceipt {
        ProviderReceipt(messageId: "simulated-sms-\(sms.notificationId.storageString)", immediateOutcome: .delivered)
    }
}
