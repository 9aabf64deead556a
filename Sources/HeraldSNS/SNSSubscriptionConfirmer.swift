import Foundation

/// Confirms a verified `SubscriptionConfirmation` by a GET of its `SubscribeURL`, which must pass the same URL
/// policy as signing certificates.
public struct SNSSubscriptionConfirmer: Sendable {
    let urlPolicy: SigningCertificateURLPolicy
    let fetcher: any SNSFetcher

    public init(urlPolicy: SigningCertificateURLPolicy, fetcher: any SNSFetcher) {
        self.urlPolicy = urlPolicy
        self.fetcher = fetcher
    }

    public func confirm(_ message: SNSMessage) async throws(SNSRejection) {
        let subscribeURL = message.subscribeURL ?? ""
        guard let url = urlPolicy.subscribeURL(subscribeURL) else {
            throw SNSRejection(.urlNotAllowed(subscribeURL), messageId: message.messageId)
        }
        do {
            _ = try await fetcher.get(url)
        } catch {
            throw SNSRejection(.confirmationFailed("\(error)"), messageId: message.messageId)
        }
    }
}
