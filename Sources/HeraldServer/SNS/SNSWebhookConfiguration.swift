import HeraldSNS

/// How `POST /aws/sns` accepts SNS HTTP(S) deliveries. With the defaults, signatures are verified against
/// certificates fetched only from `sns.<region>.amazonaws.com`, and no topic is accepted until one is configured.
public struct SNSWebhookConfiguration: Sendable {
    /// Topics whose notifications are taken in and whose subscriptions are confirmed automatically.
    public var topicARNs: Set<String>
    /// Where signing certificates and subscription confirmations may be fetched from.
    public var urlPolicy: SigningCertificateURLPolicy
    /// Off only to measure what verification costs.
    public var verifiesSignatures: Bool
    /// How certificates and SubscribeURLs are fetched.
    public var fetcher: any SNSFetcher

    public init(
        topicARNs: Set<String> = [], urlPolicy: SigningCertificateURLPolicy = .amazonSNS, verifiesSignatures: Bool = true,
        fetcher: any SNSFetcher = HTTPSNSFetcher.shared
    ) {
        self.topicARNs = topicARNs
        self.urlPolicy = urlPolicy
        self.verifiesSignatures = verifiesSignatures
        self.fetcher = fetcher
    }
}
