import Crypto
import _CryptoExtras
import Foundation
import HeraldSNS

/// The SNS signing kit in `../shared/aws/sns-signing`: its manifest's cases, its files, and new messages signed
/// with its (test-only) key, as SNS would sign them.
public enum SNSSigningKit {
    /// The `SigningCertURL` of every valid kit message; tests map it to `signing-cert.pem`.
    public static let certificateURL = URL(string: "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-7506a1e35b36ef5a444dd1a8e7cc3ed8.pem")!
    public static let topicArn = "arn:aws:sns:us-east-1:123456789012:ses-events"

    /// One manifest entry.
    public struct Case: Sendable, CustomStringConvertible {
        public enum Expectation: String, Sendable { case valid, invalidSignature = "invalid-signature", rejectedURL = "rejected-url" }
        public let file: String
        /// The certificate the URL should resolve to for this case.
        public let certificate: String
        public let expect: Expectation
        public let stringToSignFile: String?
        public let stringToSignSHA256: String?
        public var description: String { file }

        public var body: [UInt8] { get throws { try SNSSigningKit.file(file) } }
    }

    public static let cases: [Case] = {
        struct Manifest: Decodable {
            struct Entry: Decodable {
                let file: String, cert: String, expect: String
                let string_to_sign_file: String?, string_to_sign_sha256: String?
            }
            let cases: [Entry]
        }
        let manifest = try! JSONDecoder().decode(Manifest.self, from: Data(file("manifest.json")))
        return manifest.cases.map {
            Case(
                file: $0.file, certificate: $0.cert, expect: Case.Expectation(rawValue: $0.expect)!,
                stringToSignFile: $0.string_to_sign_file, stringToSignSHA256: $0.string_to_sign_sha256
            )
        }
    }()

    public static func file(_ path: String) throws -> [UInt8] {
        Array(try SharedFixtures.data("sns-signing/" + path))
    }

    public static var certificatePEM: [UInt8] { get throws { try file("signing-cert.pem") } }

    /// A body as SNS would POST it: `fields` plus `SignatureVersion`, `SigningCertURL` and a signature over the
    /// string to sign, made with the kit's key.
    public static func signedBody(_ fields: [String: String], version: String = "2", certificateURL: URL = certificateURL) throws -> [UInt8] {
        var fields = fields
        fields["SignatureVersion"] = version
        fields["SigningCertURL"] = certificateURL.absoluteString
        fields["Signature"] = ""
        let signed = SNSStringToSign.bytes(for: try SNSMessage(json: try JSONSerialization.data(withJSONObject: fields)))
        let key = try _RSA.Signing.PrivateKey(pemRepresentation: String(decoding: try file("signing-key.pem"), as: UTF8.self))
        let signature = version == "1"
            ? try key.signature(for: Insecure.SHA1.hash(data: signed), padding: .insecurePKCS1v1_5)
            : try key.signature(for: SHA256.hash(data: signed), padding: .insecurePKCS1v1_5)
        fields["Signature"] = signature.rawRepresentation.base64EncodedString()
        return Array(try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]))
    }

    /// A signed `Notification` from the kit's topic carrying `message` (e.g. an SES event).
    public static func notification(_ message: String, messageId: String = UUID().uuidString.lowercased(), topicArn: String = topicArn,
                                    certificateURL: URL = certificateURL) throws -> [UInt8] {
        try signedBody([
            "Type": "Notification", "MessageId": messageId, "TopicArn": topicArn, "Message": message,
            "Timestamp": "2026-11-20T09:15:04.201Z",
        ], certificateURL: certificateURL)
    }

    /// A kit message with its (unsigned) `SigningCertURL` replaced.
    public static func withCertificateURL(_ body: [UInt8], _ url: URL) throws -> [UInt8] {
        guard var object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { throw NotAnObject() }
        object["SigningCertURL"] = url.absoluteString
        return Array(try JSONSerialization.data(withJSONObject: object))
    }

    struct NotAnObject: Error {}
}

/// An in-memory ``SNSFetcher``: serves fixed documents and records every URL asked for.
public actor MemorySNSFetcher: SNSFetcher {
    public private(set) var requests: [URL] = []
    private var documents: [URL: [UInt8]]
    private let delay: Duration

    public init(_ documents: [URL: [UInt8]] = [:], delay: Duration = .zero) {
        self.documents = documents
        self.delay = delay
    }

    public func serve(_ document: [UInt8]?, at url: URL) {
        documents[url] = document
    }

    public func get(_ url: URL) async throws -> [UInt8] {
        requests.append(url)
        if delay > .zero { try await Task.sleep(for: delay) }
        guard let document = documents[url] else { throw NotFound(url: url) }
        return document
    }

    struct NotFound: Error { let url: URL }
}
