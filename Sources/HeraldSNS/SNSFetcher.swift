import Foundation

/// Fetches a URL that the ``SigningCertificateURLPolicy`` allowed: a signing certificate or a subscription
/// confirmation. Throws unless the answer is 2xx. Injected so that tests can serve the kit's certificate.
public protocol SNSFetcher: Sendable {
    func get(_ url: URL) async throws -> [UInt8]
}
