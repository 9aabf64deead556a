import Foundation
import HeraldAWS
import HeraldCore
import HeraldMail
import Logging

/// Delivers through Amazon SES (API v2 `SendEmail`) with the raw MIME message Herald builds, in a configuration
/// set that publishes events, tagged with the notification and service ids so that events match their
/// notification even before the SES message id is stored.
public struct SESEmailProvider: EmailProvider {
    public let name = "ses"
    private let ses: SESv2
    private let configurationSet: String?
    private let logger: Logger

    public init(ses: SESv2, configurationSet: String?, logger: Logger) {
        self.ses = ses
        self.configurationSet = configurationSet
        self.logger = logger
    }

    /// The account's `MaxSendRate` from `GetAccount`; `nil` (and a warning) when SES does not say.
    public func accountSendRate() async -> Double? {
        do {
            let quota = try await ses.getAccount()
            return quota.maxSendRate > 0 ? quota.maxSendRate : nil
        } catch {
            logger.warning("cannot read the SES send quota; sending unpaced (set --send-rate)", metadata: ["error": "\(error)"])
            return nil
        }
    }

    public func send(_ email: OutgoingEmail) async throws(ProviderError) -> ProviderReceipt {
        // The envelope as the headers write it: IDN domains as Punycode (SES takes only ASCII domains).
        let raw = RawEmail(
            from: MailAddress(email.from).encodedAddress,
            to: email.bcc.isEmpty ? [MailAddress(email.to).encodedAddress] : [],
            bcc: email.bcc.isEmpty ? [] : email.recipients.map { MailAddress($0).encodedAddress },
            message: Array(email.mailMessage().rendered().utf8),
            configurationSetName: configurationSet,
            tags: [SESTags.notificationId: email.notificationId.storageString, SESTags.serviceId: email.serviceId.storageString]
        )
        do {
            return ProviderReceipt(messageId: try await ses.sendEmail(raw))
        } catch {
            throw ProviderError(error, provider: "SES", permanentCodes: ["MessageRejected"])
        }
    }
}
