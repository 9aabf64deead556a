import Foundation
import HeraldSNS
import HeraldTestSupport
import Testing

@Suite struct SigningCertificateCacheTests {
    @Test func concurrentRequestsForOneURLShareOneFetch() async throws {
        let fetcher = MemorySNSFetcher([SNSSigningKit.certificateURL: try SNSSigningKit.certificatePEM], delay: .milliseconds(50))
        let cache = SigningCertificateCache(fetcher: fetcher)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask { _ = try await cache.verifier(for: SNSSigningKit.certificateURL) }
            }
            try await group.waitForAll()
        }
        _ = try await cache.verifier(for: SNSSigningKit.certificateURL)
        #expect(await fetcher.requests.count == 1)
    }

    @Test func aFailedFetchIsRetriedByTheNextMessage() async throws {
        let fetcher = MemorySNSFetcher()
        let cache = SigningCertificateCache(fetcher: fetcher)
        await #expect(throws: SNSRejection.self) { try await cache.verifier(for: SNSSigningKit.certificateURL) }
        await fetcher.serve(try SNSSigningKit.certificatePEM, at: SNSSigningKit.certificateURL)
        _ = try await cache.verifier(for: SNSSigningKit.certificateURL)
        #expect(await fetcher.requests.count == 2)
    }
}

@Suite struct SNSSubscriptionConfirmerTests {
    static let confirmation = "messages/v2/subscription-confirmation.json"

    @Test func confirmingGetsTheSubscribeURL() async throws {
        let message = try SNSMessage(json: try SNSSigningKit.file(Self.confirmation))
        let subscribeString = try #require(message.subscribeURL)
        let subscribeURL = try #require(URL(string: subscribeString))
        let fetcher = MemorySNSFetcher([subscribeURL: Array("<ConfirmSubscriptionResponse/>".utf8)])
        try await SNSSubscriptionConfirmer(urlPolicy: .amazonSNS, fetcher: fetcher).confirm(message)
        #expect(await fetcher.requests == [subscribeURL])
    }

    @Test func aSubscribeURLOffTheAllowListIsNotFetched() async throws {
        var message = try SNSMessage(json: try SNSSigningKit.file(Self.confirmation))
        message.subscribeURL = "https://evil.example/?Action=ConfirmSubscription"
        let fetcher = MemorySNSFetcher()
        await #expect(throws: SNSRejection(.urlNotAllowed("https://evil.example/?Action=ConfirmSubscription"), messageId: message.messageId)) {
            try await SNSSubscriptionConfirmer(urlPolicy: .amazonSNS, fetcher: fetcher).confirm(message)
        }
        #expect(await fetcher.requests.isEmpty)
    }
}
