import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// ``SNSFetcher`` over AsyncHTTPClient. Redirects are never followed (a redirect could lead off the allow-list),
/// answers are capped at 64 KiB, and every request has a timeout.
public struct HTTPSNSFetcher: SNSFetcher {
    let client: HTTPClient
    let timeout: TimeAmount

    /// Uses `client`, which must have been made with ``configuration(tls:)`` (or otherwise not follow redirects);
    /// the caller shuts it down.
    public init(client: HTTPClient, timeout: TimeAmount = .seconds(10)) {
        self.client = client
        self.timeout = timeout
    }

    /// A fetcher on one process-wide client that lives as long as the process (like `HTTPClient.shared`).
    public static let shared = HTTPSNSFetcher(client: HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration()))

    /// A client configuration that follows no redirects; `tls` defaults to the system's trust roots.
    public static func configuration(tls: TLSConfiguration? = nil) -> HTTPClient.Configuration {
        HTTPClient.Configuration(
            tlsConfiguration: tls, redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5), read: .seconds(10)), connectionPool: .init()
        )
    }

    public func get(_ url: URL) async throws -> [UInt8] {
        let response = try await client.execute(HTTPClientRequest(url: url.absoluteString), timeout: timeout)
        let body = try await response.body.collect(upTo: 64 * 1024)
        guard (200..<300).contains(response.status.code) else { throw FetchFailed(status: response.status.code) }
        return Array(buffer: body)
    }

    struct FetchFailed: Error, CustomStringConvertible {
        let status: UInt
        var description: String { "HTTP \(status)" }
    }
}
