import HeraldAWS
import HeraldCore

/// Delivers text messages through Amazon SNS `Publish` to a phone number, with the SMS type, sender id and
/// origination number as message attributes.
///
/// SNS gives no delivery receipt on the API (only in CloudWatch Logs, when delivery status logging is on), so a
/// text message it takes stays `sending`, as Notify shows messages whose network sends no receipt.
public struct SNSSMSProvider: SMSProvider {
    public let name = "sns"
    private let sns: SNS
    private let kind: SMSMessage.Kind
    private let senderId: String?
    private let originationNumber: String?

    public init(sns: SNS, kind: SMSMessage.Kind = .transactional, senderId: String? = nil, originationNumber: String? = nil) {
        self.sns = sns
        self.kind = kind
        self.senderId = senderId
        self.originationNumber = originationNumber
    }

    public func send(_ sms: OutgoingSMS) async throws(ProviderError) -> ProviderReceipt {
        let message = SMSMessage(phoneNumber: sms.to, text: sms.text, kind: kind, senderId: senderId, originationNumber: originationNumber)
        do {
            return ProviderReceipt(messageId: try await sns.publish(message))
        } catch {
            throw ProviderError(error, provider: "SNS", permanentCodes: ["InvalidParameter", "InvalidParameterValue"])
        }
    }
}
