import Crypto
import Foundation
import HeraldSNS
import HeraldTestSupport
import Testing

/// Every message of the signing kit, through the validator, behaves as the kit's manifest says; the certificate
/// is served from memory.
@Suite struct SigningKitTests {
    static let validCases = SNSSigningKit.cases.filter { $0.stringToSignFile != nil }

    @Test(arguments: SNSSigningKit.cases)
    func kitMessageBehavesAsManifestSays(_ kitCase: SNSSigningKit.Case) async throws {
        let fetcher = MemorySNSFetcher([SNSSigningKit.certificateURL: try SNSSigningKit.file(kitCase.certificate)])
        let validator = SNSMessageValidator(topicARNs: [SNSSigningKit.topicArn], fetcher: fetcher)
        let body = try kitCase.body
        let outcome: SNSRejection.Reason?
        do throws(SNSRejection) {
            _ = try await validator.validate(body)
            outcome = nil
        } catch {
            outcome = error.reason
        }
        switch kitCase.expect {
        case .valid:
            #expect(outcome == nil)
        case .invalidSignature:
            #expect(outcome == .invalidSignature)
        case .rejectedURL:
            guard case .urlNotAllowed = outcome else {
                Issue.record("expected the URL to be refused, got \(String(describing: outcome))")
                return
            }
            #expect(await fetcher.requests.isEmpty, "a refused URL must not be fetched")
        }
    }

    @Test(arguments: validCases)
    func stringToSignIsByteExact(_ kitCase: SNSSigningKit.Case) throws {
        let message = try SNSMessage(json: try kitCase.body)
        let bytes = SNSStringToSign.bytes(for: message)
        #expect(bytes == (try SNSSigningKit.file(try #require(kitCase.stringToSignFile))))
        #expect(SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined() == kitCase.stringToSignSHA256)
    }

    @Test func messagesFromAnotherTopicAreRefusedAfterTheirSignatureChecks() async throws {
        let fetcher = MemorySNSFetcher([SNSSigningKit.certificateURL: try SNSSigningKit.certificatePEM])
        let validator = SNSMessageValidator(topicARNs: ["arn:aws:sns:us-east-1:123456789012:other"], fetcher: fetcher)
        await #expect(throws: SNSRejection(.topicNotAccepted(SNSSigningKit.topicArn), messageId: "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324")) {
            try await validator.validate(try SNSSigningKit.file("messages/v2/notification.json"))
        }
    }

    @Test func rawDeliveryIsUnsigned() async throws {
        let validator = SNSMessageValidator(topicARNs: [SNSSigningKit.topicArn], fetcher: MemorySNSFetcher())
        let raw = String(decoding: try SNSSigningKit.file("http/raw-delivery-notification-UNSIGNED.http"), as: UTF8.self)
        let body = raw[try #require(raw.range(of: #"{"eventType""#)).lowerBound...]
        await #expect(throws: SNSRejection(.unsigned, messageId: nil)) { try await validator.validate(Array(body.utf8)) }
    }

    @Test func nonJSONAndIncompleteEnvelopesAreMalformed() async throws {
        let validator = SNSMessageValidator(topicARNs: [SNSSigningKit.topicArn], fetcher: MemorySNSFetcher())
        await #expect(throws: SNSRejection(.malformed("not an SNS JSON envelope"), messageId: nil)) { try await validator.validate(Array("hello".utf8)) }
        let noToken = #"{"Type":"SubscriptionConfirmation","MessageId":"m","TopicArn":"t","Message":"x","Timestamp":"now","SubscribeURL":"https://sns.us-east-1.amazonaws.com/","SignatureVersion":"2","Signature":"AA==","SigningCertURL":"https://sns.us-east-1.amazonaws.com/c.pem"}"#
        await #expect(throws: SNSRejection(.malformed("missing Token"), messageId: "m")) { try await validator.validate(Array(noToken.utf8)) }
    }

    @Test func unknownSignatureVersionIsRefusedBeforeAnyFetch() async throws {
        let fetcher = MemorySNSFetcher([SNSSigningKit.certificateURL: try SNSSigningKit.certificatePEM])
        let validator = SNSMessageValidator(topicARNs: [SNSSigningKit.topicArn], fetcher: fetcher)
        let body = try SNSSigningKit.signedBody(["Type": "Notification", "MessageId": "m3", "TopicArn": SNSSigningKit.topicArn, "Message": "x", "Timestamp": "t"], version: "3")
        await #expect(throws: SNSRejection(.unsupportedSignatureVersion("3"), messageId: "m3")) { try await validator.validate(body) }
        #expect(await fetcher.requests.isEmpty)
    }

    @Test func newlySignedV1AndV2MessagesVerify() async throws {
        let fetcher = MemorySNSFetcher([SNSSigningKit.certificateURL: try SNSSigningKit.certificatePEM])
        let validator = SNSMessageValidator(topicARNs: [SNSSigningKit.topicArn], fetcher: fetcher)
        for version in ["1", "2"] {
            let fields = ["Type": "Notification", "MessageId": "m\(version)", "TopicArn": SNSSigningKit.topicArn, "Message": "é\n", "Timestamp": "t", "Subject": "s"]
            let message = try await validator.validate(try SNSSigningKit.signedBody(fields, version: version))
            #expect(message.subject == "s" && message.message == "é\n")
        }
    }

    @Test func aCertificateThatIsNotPEMIsInvalid() async throws {
        let fetcher = MemorySNSFetcher([SNSSigningKit.certificateURL: Array("<html>not a certificate</html>".utf8)])
        let validator = SNSMessageValidator(topicARNs: [SNSSigningKit.topicArn], fetcher: fetcher)
        await #expect(throws: SNSRejection(.invalidCertificate("not a PEM X.509 certificate"), messageId: "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324")) {
            try await validator.validate(try SNSSigningKit.file("messages/v2/notification.json"))
        }
    }
}
