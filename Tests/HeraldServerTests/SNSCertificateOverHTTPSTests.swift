import AsyncHTTPClient
import Crypto
import Foundation
import HeraldServer
import HeraldSNS
import HeraldTestSupport
import Hummingbird
import HummingbirdTesting
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import ServiceLifecycle
import SwiftASN1
import Testing
import X509

/// The signing certificate fetched over real HTTPS, from a TLS server on 127.0.0.1 started by the test: the
/// server's identity is a throwaway certificate for 127.0.0.1 that the fetcher's client trusts, and the
/// allow-list names exactly that host and port. The kit message's `SigningCertURL` (not signed) points there.
@Suite struct SNSCertificateOverHTTPSTests {
    @Test func aKitNotificationIsVerifiedWithACertificateFetchedOverHTTPS() async throws {
        let identity = try LoopbackTLSIdentity()
        let certificateBody = try SNSSigningKit.certificatePEM
        let fetches = Counter()
        let router = Router()
        router.get("SimpleNotificationService-test.pem") { _, _ in
            await fetches.increment()
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: certificateBody)))
        }
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: HTTPSNSFetcher.configuration(tls: identity.clientConfiguration))
        try await withLoopbackServer(router: router, server: try .tls(tlsConfiguration: identity.serverConfiguration)) { port in
            let certificateURL = try #require(URL(string: "https://127.0.0.1:\(port)/SimpleNotificationService-test.pem"))

            var settings = HeraldConfiguration(runsWorkers: false)
            settings.sns = SNSWebhookConfiguration(
                topicARNs: [SNSSigningKit.topicArn], urlPolicy: .init(allowedHosts: [.exact(host: "127.0.0.1", port: port)]),
                fetcher: HTTPSNSFetcher(client: client)
            )
            let configuration = settings
            try await TestDatabase.sqlite.withStore { store in
                let app = try buildApplication(store: store, configuration: configuration, logger: TestDatabase.logger)
                try await app.test(.router) { client in
                    for file in ["messages/v2/notification.json", "messages/v1/notification-no-subject.json"] {
                        let body = try SNSSigningKit.withCertificateURL(try SNSSigningKit.file(file), certificateURL)
                        #expect(try await SNSWebhookTests.post(body, to: client) == .ok)
                    }
                    let tampered = try SNSSigningKit.withCertificateURL(try SNSSigningKit.file("tampered/v2-notification-message-modified.json"), certificateURL)
                    #expect(try await SNSWebhookTests.post(tampered, to: client) == .forbidden)
                    #expect(try await SNSWebhookTests.inbox(store).count == 2)
                }
            }
            #expect(await fetches.value == 1, "the certificate is fetched once and cached")
        }
        try await client.shutdown()
    }
}

actor Counter {
    private(set) var value = 0
    func increment() { value += 1 }
}

/// A self-signed P-256 certificate for 127.0.0.1, made for one test run: the server presents it, the client
/// trusts only it (hostname verification stays on).
struct LoopbackTLSIdentity {
    let serverConfiguration: TLSConfiguration
    let clientConfiguration: TLSConfiguration

    init() throws {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName { CommonName("127.0.0.1") }
        let certificate = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey), notValidBefore: Date() - 3600, notValidAfter: Date() + 3600,
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                SubjectAlternativeNames([.ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1]))])
            },
            issuerPrivateKey: .init(key)
        )
        let nioCertificate = try NIOSSLCertificate(bytes: Array(try certificate.serializeAsPEM().pemString.utf8), format: .pem)
        let nioKey = try NIOSSLPrivateKey(bytes: Array(key.pemRepresentation.utf8), format: .pem)
        serverConfiguration = .makeServerConfiguration(certificateChain: [.certificate(nioCertificate)], privateKey: .privateKey(nioKey))
        var client = TLSConfiguration.makeClientConfiguration()
        client.trustRoots = .certificates([nioCertificate])
        clientConfiguration = client
    }
}
