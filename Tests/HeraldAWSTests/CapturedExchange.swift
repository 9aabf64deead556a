import Foundation
import HeraldTestSupport
import Testing

/// The first exchange of a boto3-against-moto capture in `../shared/aws/captures`.
struct CapturedExchange {
    let requestBody: String
    let status: Int
    let headers: [(name: String, value: String)]
    let body: [UInt8]

    init(_ name: String) throws {
        let file = try #require(try JSONSerialization.jsonObject(with: SharedFixtures.data("captures/\(name).json")) as? [String: Any])
        let exchange = try #require((file["exchanges"] as? [[String: Any]])?.first)
        let request = try #require(exchange["request"] as? [String: Any])
        let response = try #require(exchange["response"] as? [String: Any])
        requestBody = request["body"] as? String ?? ""
        status = try #require(response["status"] as? Int)
        headers = (response["headers"] as? [[String]] ?? []).map { (name: $0[0], value: $0[1]) }
        body = Array((response["body"] as? String ?? "").utf8)
    }
}
