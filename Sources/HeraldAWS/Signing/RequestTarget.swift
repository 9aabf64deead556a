import Foundation

/// Where a request goes, in the parts SigV4 signs: the `Host` header (with any non-default port), and the path and
/// query exactly as they go on the wire (already percent-encoded).
public struct RequestTarget: Sendable, Equatable {
    public var host: String
    public var path: String
    public var query: String

    public init(host: String, path: String, query: String = "") {
        self.host = host
        self.path = path
        self.query = query
    }

    public init(_ url: URL) {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        var host = components?.host ?? ""
        if let port = components?.port, !(components?.scheme == "http" && port == 80), !(components?.scheme == "https" && port == 443) {
            host += ":\(port)"
        }
        self.init(host: host, path: components?.percentEncodedPath ?? "", query: components?.percentEncodedQuery ?? "")
    }
}
