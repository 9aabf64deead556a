import Foundation
@testable import HeraldAWS
import Testing

@Suite("SigV4 signing")
struct SigV4SignerTests {
    static let credentials = AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    /// 2026-01-15T12:34:56Z, the time of every vector.
    static let vectorTime = Date(timeIntervalSince1970: 1_768_480_496)

    @Test func everyVectorOfTheSharedFileIsLoaded() {
        #expect(SigV4Vector.all.map(\.name) == [
            "sqs-json-receive-message", "sns-query-publish-session-token", "sesv2-restjson-send-email",
            "sesv2-get-query-edge-cases", "sesv2-get-path-double-encoding",
        ])
    }

    @Test("Signs like botocore", arguments: SigV4Vector.all)
    func signsLikeBotocore(vector: SigV4Vector) {
        let credentials = AWSCredentials(accessKeyId: vector.accessKeyId, secretAccessKey: vector.secretAccessKey, sessionToken: vector.sessionToken)
        let signer = SigV4Signer(credentials: credentials, region: vector.region, service: vector.service)
        let signed = signer.sign(method: vector.method, url: vector.url, headers: vector.headers, body: vector.body, date: vector.date)
        #expect(signed.canonicalRequest == vector.canonicalRequest)
        #expect(signed.stringToSign == vector.stringToSign)
        #expect(signed.signature == vector.signature)
        let after = (vector.headers + signed.headers).map { "\($0.name): \($0.value)" }
        #expect(after == vector.headersAfterSigning.map { "\($0.name): \($0.value)" })
        #expect(signed.headers.last?.value == vector.authorization)
    }

    /// A cached signing key signs exactly as a fresh one, every vector twice through one shared cache (its second
    /// pass reads every key from the cache).
    @Test func aCachedSigningKeySignsTheSame() {
        let cache = SigningKeyCache()
        for _ in 0..<2 {
            for vector in SigV4Vector.all {
                let credentials = AWSCredentials(accessKeyId: vector.accessKeyId, secretAccessKey: vector.secretAccessKey, sessionToken: vector.sessionToken)
                let signer = SigV4Signer(credentials: credentials, region: vector.region, service: vector.service, keyCache: cache)
                #expect(signer.sign(method: vector.method, url: vector.url, headers: vector.headers, body: vector.body, date: vector.date).signature == vector.signature)
            }
        }
    }

    @Test func reproducesAWSGetVanillaExample() throws {
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "service")
        let date = try #require(ISO8601DateFormatter().date(from: "2015-08-30T12:36:00Z"))
        let signed = signer.sign(method: "GET", url: try #require(URL(string: "https://example.amazonaws.com/")), headers: [], body: [], date: date)
        #expect(signed.headers.last?.value == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
    }

    /// Expected values from `tools/sigv4_ref.py`, which matches botocore on every vector.
    @Test func signsThePayloadHashWhenAsked() throws {
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "sqs")
        let headers = [(name: "Content-Type", value: "application/x-amz-json-1.0"), (name: "X-Amz-Target", value: "AmazonSQS.GetQueueUrl")]
        let signed = signer.sign(
            method: "POST", url: try #require(URL(string: "https://sqs.us-east-1.amazonaws.com/")), headers: headers,
            body: Array(#"{"QueueName": "q"}"#.utf8), date: Self.vectorTime, signPayloadHash: true
        )
        #expect(signed.headers.map(\.name) == ["X-Amz-Date", "X-Amz-Content-Sha256", "Authorization"])
        #expect(signed.headers[1].value == "ce67e5b3bcd538ce60b4afa724f7fa0958249b5e755b79eb085ea03d316612de")
        #expect(signed.canonicalRequest.contains("\ncontent-type;host;x-amz-content-sha256;x-amz-date;x-amz-target\n"))
        #expect(signed.signature == "b6661a9cc22732c40a5803e8906ff5f3ec72bd7d6f03c2e8358dd91008495d82")
    }

    @Test func hostKeepsANonDefaultPort() throws {
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "ses")
        let signed = signer.sign(method: "GET", url: try #require(URL(string: "http://127.0.0.1:55500/v2/email/account")), headers: [], body: [], date: Self.vectorTime)
        #expect(signed.canonicalRequest.contains("\nhost:127.0.0.1:55500\n"))
        #expect(signed.signature == "a391a0a2411f1f35de0feac94a53f3e35b13eb59748a9d9c507e412c675228db")
    }

    @Test func canonicalHeadersAreTrimmedCollapsedAndJoined() throws {
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "sqs")
        let headers = [(name: "X-Custom", value: "  a   b  "), (name: "x-custom", value: "c"), (name: "User-Agent", value: "herald")]
        let signed = signer.sign(method: "GET", url: try #require(URL(string: "https://sqs.us-east-1.amazonaws.com/")), headers: headers, body: [], date: Self.vectorTime)
        #expect(signed.canonicalRequest.contains("\nx-custom:a b,c\n"))
        #expect(!signed.canonicalRequest.contains("user-agent"))
    }

    @Test(arguments: [
        ("/", "/"), ("", "/"), ("/a/./b/../c", "/a/c"), ("/a/b/..", "/a/"),
        ("/v2/email/identities/mailer%40example.org", "/v2/email/identities/mailer%2540example.org"),
    ])
    func canonicalURIDropsDotSegmentsAndEncodesAgain(path: String, canonical: String) {
        #expect(SigV4Signer.canonicalURI(path) == canonical)
    }

    /// Expected URLs from botocore's `SigV4QueryAuth` at the vectors' time with `expires=300`.
    @Test(arguments: [
        (nil, "c4c7f937b7232c8833d9e93fbe1204dcd06f17a3a10d52a4c3687384fbff8cde"),
        ("SESSIONTOKEN/x+y=", "54b1a02c5a35589fc4fe290f87de08401621d452d055649893151e749fab77dd"),
    ] as [(String?, String)])
    func presignsLikeBotocore(sessionToken: String?, signature: String) throws {
        var credentials = Self.credentials
        credentials.sessionToken = sessionToken
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "sqs")
        let url = try #require(URL(string: "https://sqs.us-east-1.amazonaws.com/?Action=GetQueueUrl&QueueName=a%20b~c"))
        let presigned = signer.presign(method: "GET", url: url, date: Self.vectorTime, expires: 300)
        let token = sessionToken == nil ? "" : "&X-Amz-Security-Token=SESSIONTOKEN%2Fx%2By%3D"
        #expect(presigned.url.absoluteString == "https://sqs.us-east-1.amazonaws.com/?Action=GetQueueUrl&QueueName=a%20b~c"
            + "&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20260115%2Fus-east-1%2Fsqs%2Faws4_request"
            + "&X-Amz-Date=20260115T123456Z&X-Amz-Expires=300&X-Amz-SignedHeaders=host\(token)&X-Amz-Signature=\(signature)")
        #expect(presigned.signature.headers.isEmpty)
    }
}
