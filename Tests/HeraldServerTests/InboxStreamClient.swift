import AsyncHTTPClient
import HeraldCore
import HeraldServer
import HeraldTestSupport
import NIOCore
import NIOHTTP1
import Testing

/// Opens a member's live inbox stream (`GET /herald/v1/members/{member_id}/inbox/stream`) on the Herald that
/// listens on 127.0.0.1:`port` (a `.live` test application's `client.port`), as the platform's page would: the
/// response head has arrived when it returns, and its events arrive as the server writes them. The first event is
/// always the unread count.
func openInboxStream(port: Int, key: APIKey, memberId: String) async throws -> ServerSentEvents<HTTPClientResponse.Body> {
    var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/herald/v1/members/\(memberId)/inbox/stream")
    request.headers.add(name: "Authorization", value: try #require(ClientToken.bearer(forKey: key.keyString)))
    // The deadline covers reading the stream too: a scenario on a loaded machine may watch it for a minute or more.
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(300))
    #expect(response.status == .ok)
    #expect(response.headers.first(name: "Content-Type") == "text/event-stream")
    return ServerSentEvents(response.body)
}
