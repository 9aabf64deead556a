import HeraldAWS
import HeraldCore
import HeraldDelivery

/// How text messages are accepted and sent. With nothing set: UK numbers at home, delivered by the simulator.
public struct SMSSettings: Sendable, Equatable {
    /// Which provider sends text messages.
    public enum Provider: String, Sendable, Equatable {
        /// Delivered at once, offline (the default).
        case simulator
        /// Amazon SNS `Publish`, with AWS settings from the environment as for SES.
        case sns
    }

    public var provider: Provider
    /// The calling code of numbers given in national form (`07700 900500` → `+44…`).
    public var homeCountryCode: String
    /// `AWS.SNS.SMS.SMSType`.
    public var kind: SMSMessage.Kind
    /// An alphanumeric sender (`AWS.SNS.SMS.SenderID`), where the destination country allows one.
    public var senderId: String?
    /// The number to send from (`AWS.MM.SMS.OriginationNumber`).
    public var originationNumber: String?

    public init(
        provider: Provider = .simulator, homeCountryCode: String = PhoneNumber.ukCountryCode, kind: SMSMessage.Kind = .transactional,
        senderId: String? = nil, originationNumber: String? = nil
    ) {
        self.provider = provider
        self.homeCountryCode = homeCountryCode
        self.kind = kind
        self.senderId = senderId
        self.originationNumber = originationNumber
    }

    /// What the API shows as a text message's `from_number`.
    var fromNumber: String {
        senderId ?? originationNumber ?? "Herald"
    }

    /// Builds the configured provider; `awsClient` is asked for only when SNS is used.
    func makeProvider(awsClient: () throws -> AWSClient) throws -> any SMSProvider {
        switch provider {
        case .simulator: SimulatorSMSProvider()
        case .sns: SNSSMSProvider(sns: SNS(client: try awsClient()), kind: kind, senderId: senderId, originationNumber: originationNumber)
        }
    }
}
