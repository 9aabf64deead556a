import Foundation

/// Accepts an SNS HTTP(S) delivery only if it is signed by SNS and comes from a configured topic.
///
/// In order: decode the envelope; check `SignatureVersion` and the `SigningCertURL` against the URL policy
/// (nothing is fetched for a refused URL); get the certificate from the cache; check the signature; then the topic.
/// The topic comes last so that a forged message is always reported as forged.
public struct SNSMessageValidator: Sendable {
    /// The topics whose messages are accepted (and whose subscriptions are confirmed).
    public let topicARNs: Set<String>
    public let urlPolicy: SigningCertificateURLPolicy
    /// Off only for measurements: then anything well-formed from an accepted topic passes.
    public let verifiesSignatures: Bool
    let certificates: SigningCertificateCache

    public init(topicARNs: Set<String>, urlPolicy: SigningCertificateURLPolicy = .amazonSNS, verifiesSignatures: Bool = true, fetcher: any SNSFetcher) {
        self.topicARNs = topicARNs
        self.urlPolicy = urlPolicy
        self.verifiesSignatures = verifiesSignatures
        self.certificates = SigningCertificateCache(fetcher: fetcher)
    }

    /// The verified message, or the reason it is refused.
    public func validate(_ body: some Collection<UInt8>) async throws(SNSRejection) -> SNSMessage {
        let message = try SNSMessage(json: body)
        if verifiesSignatures {
            try await verify(message)
        }
        guard topicARNs.contains(message.topicArn) else {
            throw SNSRejection(.topicNotAccepted(message.topicArn), messageId: message.messageId)
        }
        return message
    }

    private func verify(_ message: SNSMessage) async throws(SNSRejection) {
        guard message.signatureVersion == "1" || message.signatureVersion == "2" else {
            throw SNSRejection(.unsupportedSignatureVersion(message.signatureVersion), messageId: message.messageId)
        }
        guard let url = urlPolicy.certificateURL(message.signingCertURL) else {
            throw SNSRejection(.urlNotAllowed(message.signingCertURL), messageId: message.messageId)
        }
        do throws(SNSRejection) {
            guard try await certificates.verifier(for: url).isValid(message) else {
                throw SNSRejection(.invalidSignature, messageId: message.messageId)
            }
        } catch {
            throw SNSRejection(error.reason, messageId: message.messageId)
        }
    }
}
