import Foundation
import HeraldServer
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// Requests as a GOV.UK Notify client makes them, over Hummingbird's test client.
struct APIClient {
    let client: any TestClientProtocol
    let key: String

    struct Reply {
        let status: HTTPResponse.Status
        let json: [String: Any]

        /// The first entry of Notify's `errors` list, as (error class, message).
        var firstError: (String, String)? {
            guard let first = (json["errors"] as? [[String: Any]])?.first else { return nil }
            return (first["error"] as? String ?? "", first["message"] as? String ?? "")
        }
    }

    func post(_ path: String, json: Any, headers extra: HTTPFields = [:]) async throws -> Reply {
        try await send(path, method: .post, body: try JSONSerialization.data(withJSONObject: json), headers: extra)
    }

    func get(_ path: String) async throws -> Reply {
        try await send(path, method: .get, body: nil)
    }

    func send(_ path: String, method: HTTPRequest.Method, body: Data?, headers extra: HTTPFields = [:], authorization: String? = nil) async throws -> Reply {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let value = authorization ?? ClientToken.bearer(forKey: key) {
            headers[.authorization] = value
        }
        headers.append(contentsOf: extra)
        return try await client.execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(bytes: $0) }) { response in
            let object = (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:]
            return Reply(status: response.status, json: object)
        }
    }
}
