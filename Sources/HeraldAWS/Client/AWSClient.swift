import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// Sends signed requests to SES, SNS, SQS and STS over a shared `HTTPClient` and turns error answers into
/// `AWSError`. One method per wire protocol; the typed operations (`SESv2`, `SNS`, `SQS`) are built on them.
public struct AWSClient: Sendable {
    public let configuration: AWSConfiguration
    let httpClient: HTTPClient
    let logger: Logger
    /// How long one call may take, unless it asks for more (an SQS long poll).
    let timeout: TimeAmount
    let now: @Sendable () -> Date
    let signingKeys = SigningKeyCache()
    /// Each service's endpoint, parsed once rather than per request.
    private let endpoints: [AWSService: Endpoint]

    /// An endpoint as requests use it: the URL text requests start with, and its host and path for signing.
    private struct Endpoint {
        let base: String
        let target: RequestTarget
    }

    public init(
        configuration: AWSConfiguration, httpClient: HTTPClient, logger: Logger,
        timeout: TimeAmount = .seconds(30), now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.httpClient = httpClient
        self.logger = logger
        self.timeout = timeout
        self.now = now
        var endpoints: [AWSService: Endpoint] = [:]
        for service in AWSService.allCases {
            let url = configuration.endpoint(for: service)
            var target = RequestTarget(url)
            if target.path.hasSuffix("/") { target.path.removeLast() }
            let text = url.absoluteString
            endpoints[service] = Endpoint(base: text.hasSuffix("/") ? String(text.dropLast()) : text, target: target)
        }
        self.endpoints = endpoints
    }

    /// A restJson1 call (SES v2): `method` on `path` (percent-encoded, e.g. `/v2/email/outbound-emails`) with an
    /// optional JSON body. Returns the answer's body.
    public func restJSON(_ service: AWSService, method: String, path: String, json: Data? = nil) async throws(AWSError) -> Data {
        let headers = json == nil ? [] : [(name: "Content-Type", value: "application/json")]
        return try await send(service, .restJSON, method: method, path: path, headers: headers, body: json ?? Data(), operation: "\(method) \(path)")
    }

    /// An awsJson1_0 call (SQS): `POST /` with `X-Amz-Target: <target>` (e.g. `AmazonSQS.ReceiveMessage`).
    /// Returns the answer's JSON body. `timeout` replaces the default, e.g. to outlast a long poll.
    public func awsJSON(_ service: AWSService, target: String, json: Data, timeout: TimeAmount? = nil) async throws(AWSError) -> Data {
        let headers = [(name: "X-Amz-Target", value: target), (name: "Content-Type", value: "application/x-amz-json-1.0")]
        return try await send(service, .awsJSON1_0, method: "POST", path: "/", headers: headers, body: json, operation: target, timeout: timeout)
    }

    /// An awsQuery call (SNS, SES v1, STS): `POST /` with the form `Action=<action>&Version=<version>&<parameters>`.
    /// Returns the answer's XML.
    public func awsQuery(_ service: AWSService, action: String, version: String, parameters: [(String, String)]) async throws(AWSError) -> String {
        let form = URIEncoding.form([("Action", action), ("Version", version)] + parameters)
        let headers = [(name: "Content-Type", value: "application/x-www-form-urlencoded; charset=utf-8")]
        let body = try await send(service, .awsQuery, method: "POST", path: "/", headers: headers, body: Data(form.utf8), operation: action)
        return String(decoding: body, as: UTF8.self)
    }

    private func send(
        _ service: AWSService, _ wireProtocol: AWSProtocol, method: String, path: String,
        headers: [(name: String, value: String)], body: Data, operation: String, timeout: TimeAmount? = nil
    ) async throws(AWSError) -> Data {
        let endpoint = endpoints[service]!  // every case was filled in by init
        let pathAndQuery = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var target = endpoint.target
        target.path += pathAndQuery[0]
        target.query = pathAndQuery.count > 1 ? String(pathAndQuery[1]) : ""
        let urlString = endpoint.base + path
        let signer = SigV4Signer(
            credentials: configuration.credentials, region: configuration.region, service: service.signingName, keyCache: signingKeys
        )
        let signature = signer.sign(method: method, target: target, headers: headers, body: body, date: now())

        var request = HTTPClientRequest(url: urlString)
        request.method = HTTPMethod(rawValue: method)
        for header in headers + signature.headers {
            request.headers.add(name: header.name, value: header.value)
        }
        request.body = .bytes(ByteBuffer(bytes: body))

        var logger = logger
        logger[metadataKey: "aws_operation"] = "\(service.rawValue) \(operation)"
        let status: Int
        let responseHeaders: HTTPHeaders
        let responseBody: ByteBuffer
        do {
            let deadline = NIODeadline.now() + (timeout ?? self.timeout)
            let response = try await httpClient.execute(request, deadline: deadline, logger: logger)
            status = Int(response.status.code)
            responseHeaders = response.headers
            responseBody = try await response.body.collect(upTo: 16 << 20)
        } catch let error as HTTPClientError where [HTTPClientError.deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .tlsHandshakeTimeout].contains(error) {
            logger.warning("AWS call timed out", metadata: ["error": "\(error)"])
            throw AWSError(source: .timeout, statusCode: nil, code: "Timeout", message: "\(error)")
        } catch {
            logger.warning("AWS call failed", metadata: ["error": "\(error)"])
            throw AWSError(source: .connection, statusCode: nil, code: "ConnectionError", message: "\(error)")
        }
        let bytes = Array(responseBody.readableBytesView)
        guard (200..<300).contains(status) else {
            let error = wireProtocol.error(status: status, headers: responseHeaders.map { (name: $0.name, value: $0.value) }, body: bytes)
            logger.debug("AWS call answered with an error", metadata: ["status": "\(status)", "aws_error_code": "\(error.code)"])
            throw error
        }
        logger.trace("AWS call succeeded", metadata: ["status": "\(status)"])
        return Data(bytes)
    }
}
