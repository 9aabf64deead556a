import Hummingbird
import NIOCore
import Synchronization

/// A fast stand-in for Amazon SES on loopback, for measuring Herald's own cost of sending through the SES provider
/// (MIME, SigV4, HTTP): it takes every `SendEmail` at once and reports an unlimited send quota.
final class FakeSESEndpoint: Sendable {
    private let sends = Atomic<Int>(0)

    var sendCount: Int { sends.load(ordering: .relaxed) }

    func application(port: Int) -> some ApplicationProtocol {
        let router = Router()
        router.post("/v2/email/outbound-emails") { request, _ -> Response in
            _ = try await request.body.collect(upTo: 10 << 20)
            let number = self.sends.add(1, ordering: .relaxed).newValue
            return Self.json(#"{"MessageId":"0100-bench-\#(number)-000000"}"#)
        }
        router.get("/v2/email/account") { _, _ -> Response in
            Self.json(#"{"SendQuota":{"MaxSendRate":100000,"Max24HourSend":-1,"SentLast24Hours":0}}"#)
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "fake-ses"))
    }

    private static func json(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
