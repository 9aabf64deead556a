import Foundation
import HeraldTestSupport
import Testing

/// One case of `../shared/aws/sigv4-vectors.json` (botocore's signatures at a fixed clock).
struct SigV4Vector: Sendable, CustomTestStringConvertible {
    let name: String
    let method: String
    let url: URL
    let headers: [(name: String, value: String)]
    let body: [UInt8]
    let accessKeyId: String
    let secretAccessKey: String
    let sessionToken: String?
    let region: String
    let service: String
    let date: Date
    let canonicalRequest: String
    let stringToSign: String
    let signature: String
    let authorization: String
    let headersAfterSigning: [(name: String, value: String)]

    var testDescription: String { name }

    static let all: [SigV4Vector] = (try? load()) ?? []

    private static func load() throws -> [SigV4Vector] {
        let file = try JSONSerialization.jsonObject(with: SharedFixtures.data("sigv4-vectors.json")) as? [String: Any]
        return try (file?["vectors"] as? [[String: Any]] ?? []).map(SigV4Vector.init)
    }

    private init(_ json: [String: Any]) throws {
        let input = json["input"] as? [String: Any] ?? [:]
        let intermediate = json["intermediate"] as? [String: Any] ?? [:]
        let expected = json["expected"] as? [String: Any] ?? [:]
        func pairs(_ value: Any?) -> [(name: String, value: String)] {
            (value as? [[String]] ?? []).map { (name: $0[0], value: $0[1]) }
        }
        name = json["name"] as? String ?? "?"
        method = input["method"] as? String ?? ""
        url = try #require(URL(string: input["url"] as? String ?? ""))
        headers = pairs(input["headers_before_signing"])
        body = Array(try #require(Data(base64Encoded: input["body_base64"] as? String ?? "")))
        accessKeyId = input["access_key_id"] as? String ?? ""
        secretAccessKey = input["secret_access_key"] as? String ?? ""
        sessionToken = input["session_token"] as? String
        region = input["region"] as? String ?? ""
        service = input["service_signing_name"] as? String ?? ""
        date = try #require(ISO8601DateFormatter().date(from: input["timestamp_utc"] as? String ?? ""))
        canonicalRequest = intermediate["canonical_request"] as? String ?? ""
        stringToSign = intermediate["string_to_sign"] as? String ?? ""
        signature = expected["signature"] as? String ?? ""
        authorization = expected["authorization"] as? String ?? ""
        headersAfterSigning = pairs(expected["headers_after_signing"])
    }
}
