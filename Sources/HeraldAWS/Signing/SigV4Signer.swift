import Crypto
import Foundation

/// Signs requests with AWS Signature Version 4, for services that are not S3 (SES, SNS, SQS), either with an
/// `Authorization` header or as a presigned URL. The time is a parameter so that signatures are reproducible.
public struct SigV4Signer: Sendable {
    public var credentials: AWSCredentials
    public var region: String
    /// The service name in the credential scope: `ses` (SES v1 and v2), `sns`, `sqs`.
    public var service: String
    /// Where derived signing keys are kept between requests; none derives one per request.
    public var keyCache: SigningKeyCache?

    public init(credentials: AWSCredentials, region: String, service: String, keyCache: SigningKeyCache? = nil) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.keyCache = keyCache
    }

    /// Signs a request that will be sent to `url` exactly as given (path and query already percent-encoded)
    /// with `headers` and `body`. The `Host` header is derived from `url`. With `signPayloadHash` the body's
    /// hash is also sent and signed as `X-Amz-Content-Sha256`.
    public func sign(
        method: String, url: URL, headers: [(name: String, value: String)], body: some Collection<UInt8>,
        date: Date, signPayloadHash: Bool = false
    ) -> SigV4Signature {
        sign(method: method, target: RequestTarget(url), headers: headers, body: body, date: date, signPayloadHash: signPayloadHash)
    }

    /// Signs a request to `target`; what ``sign(method:url:headers:body:date:signPayloadHash:)`` does without
    /// parsing a URL per request.
    public func sign(
        method: String, target: RequestTarget, headers: [(name: String, value: String)], body: some Collection<UInt8>,
        date: Date, signPayloadHash: Bool = false
    ) -> SigV4Signature {
        let time = AmzTime(date)
        let payloadHash = SHA256.hash(data: Array(body)).hexString
        var added = [(name: "X-Amz-Date", value: time.timestamp)]
        if let token = credentials.sessionToken { added.append((name: "X-Amz-Security-Token", value: token)) }
        if signPayloadHash { added.append((name: "X-Amz-Content-Sha256", value: payloadHash)) }
        var result = signature(
            method: method, path: target.path, query: target.query,
            headers: [(name: "Host", value: target.host)] + headers + added, payloadHash: payloadHash, time: time
        )
        let authorization = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyId)/\(scope(time)), SignedHeaders=\(result.signedHeaders), Signature=\(result.signature.signature)"
        result.signature.headers = added + [(name: "Authorization", value: authorization)]
        return result.signature
    }

    /// A URL that performs `method` on `url` without further headers, valid for `expires` seconds from `date`.
    /// The signing parameters follow the operation's own query parameters, as botocore writes them.
    public func presign(method: String, url: URL, date: Date, expires: Int) -> (url: URL, signature: SigV4Signature) {
        let time = AmzTime(date)
        let parts = RequestTarget(url)
        let headers = [(name: "Host", value: parts.host)]
        var authParameters = [
            ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
            ("X-Amz-Credential", "\(credentials.accessKeyId)/\(scope(time))"),
            ("X-Amz-Date", time.timestamp),
            ("X-Amz-Expires", String(expires)),
            ("X-Amz-SignedHeaders", "host"),
        ]
        if let token = credentials.sessionToken { authParameters.append(("X-Amz-Security-Token", token)) }
        let query = [parts.query, URIEncoding.form(authParameters)].filter { !$0.isEmpty }.joined(separator: "&")
        let result = signature(
            method: method, path: parts.path, query: query, headers: headers,
            payloadHash: SHA256.hash(data: [UInt8]()).hexString, time: time
        )
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false) ?? URLComponents()
        components.percentEncodedQuery = query + "&X-Amz-Signature=" + result.signature.signature
        return (components.url ?? url, result.signature)
    }

    private func scope(_ time: AmzTime) -> String {
        "\(time.day)/\(region)/\(service)/aws4_request"
    }

    private func signature(
        method: String, path: String, query: String, headers: [(name: String, value: String)], payloadHash: String, time: AmzTime
    ) -> (signature: SigV4Signature, signedHeaders: String) {
        let canonical = CanonicalHeaders(headers)
        let canonicalRequest = [
            method, Self.canonicalURI(path), Self.canonicalQuery(query), canonical.lines, canonical.signedHeaders, payloadHash,
        ].joined(separator: "\n")
        let stringToSign = [
            "AWS4-HMAC-SHA256", time.timestamp, scope(time), SHA256.hash(data: Array(canonicalRequest.utf8)).hexString,
        ].joined(separator: "\n")
        let signature = Self.hmac(signingKey(day: time.day), stringToSign).hexString
        return (SigV4Signature(canonicalRequest: canonicalRequest, stringToSign: stringToSign, signature: signature, headers: []), canonical.signedHeaders)
    }

    /// `kSigning`: the secret, narrowed by day, region, service and `aws4_request`.
    private func signingKey(day: String) -> [UInt8] {
        let derive = { [day, region, service, "aws4_request"].reduce(Array("AWS4\(credentials.secretAccessKey)".utf8)) { Self.hmac($0, $1) } }
        guard let keyCache else { return derive() }
        return keyCache.key(for: "\(credentials.accessKeyId)/\(credentials.secretAccessKey.hashValue)/\(day)/\(region)/\(service)", derive: derive)
    }

    private static func hmac(_ key: [UInt8], _ message: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: key)))
    }

    /// The wire path without `.`/`..` segments, encoded a second time (every `%` becomes `%25`).
    static func canonicalURI(_ path: String) -> String {
        var segments: [Substring] = []
        let input = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for segment in input {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        if let last = input.last, last == "." || last == ".." { segments.append("") }
        return URIEncoding.encode("/" + segments.joined(separator: "/"), keepingSlash: true)
    }

    /// Every `name=value` pair re-encoded with RFC 3986 and sorted by name, then value; repeated names stay repeated.
    static func canonicalQuery(_ query: String) -> String {
        var pairs: [(name: String, value: String)] = []
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let value = parts.count > 1 ? String(parts[1]) : ""
            pairs.append((URIEncoding.encode(URIEncoding.decode(String(parts[0]))), URIEncoding.encode(URIEncoding.decode(value))))
        }
        pairs.sort { $0.name == $1.name ? $0.value < $1.value : $0.name < $1.name }
        return pairs.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }
}
