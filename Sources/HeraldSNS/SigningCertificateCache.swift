import Foundation

/// Signing certificates by URL: each is fetched once, parsed, and kept for the life of the process. Concurrent
/// requests for a URL not yet cached share one fetch. A failed fetch is not kept, so a later message retries it.
public actor SigningCertificateCache {
    private let fetcher: any SNSFetcher
    private var entries: [URL: Task<SNSSignatureVerifier, any Error>] = [:]

    public init(fetcher: any SNSFetcher) {
        self.fetcher = fetcher
    }

    /// The verifier for the certificate at `url` (which the caller has checked against the URL policy).
    public func verifier(for url: URL) async throws(SNSRejection) -> SNSSignatureVerifier {
        let task: Task<SNSSignatureVerifier, any Error>
        if let entry = entries[url] {
            task = entry
        } else {
            let fetcher = self.fetcher
            task = Task {
                let bytes: [UInt8]
                do {
                    bytes = try await fetcher.get(url)
                } catch {
                    throw SNSRejection(.certificateUnavailable("\(url.absoluteString): \(error)"), messageId: nil)
                }
                return try SNSSignatureVerifier(certificatePEM: String(decoding: bytes, as: UTF8.self))
            }
            entries[url] = task
        }
        do {
            return try await task.value
        } catch {
            if entries[url] == task { entries[url] = nil }
            throw error as? SNSRejection ?? SNSRejection(.certificateUnavailable("\(error)"), messageId: nil)
        }
    }
}
