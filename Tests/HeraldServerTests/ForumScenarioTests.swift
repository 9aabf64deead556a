import AsyncHTTPClient
import Foundation
import HeraldCore
import HeraldDelivery
import HeraldServer
import HeraldStore
import HeraldTestSupport
import Hummingbird
import HummingbirdTesting
import NIOHTTP1
import Testing

/// The seed's forum example, end to end through Herald as `herald serve` runs it, over a real socket: listens, a
/// happening per comment, the in-app item seen on the live stream, the email delivered per Ada's preference, her
/// opt-out through the email's own unsubscribe link, and the listen deleted with the post.
@Suite struct ForumScenarioTests {
    @Test(.timeLimit(.minutes(3)), arguments: TestDatabase.available)
    func adaHearsOfCommentsOnHerPostUntilItIsDeleted(database: TestDatabase) async throws {
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            var configuration = HeraldConfiguration(runsWorkers: false)
            configuration.worker.idlePoll = .milliseconds(20)
            let publicURL = configuration.publicURL
            try await withRunningHerald(store: store, configuration: configuration, fixture: fixture, testing: .live) { client, api in
                let members: [[String: Any]] = ["ada", "bob", "cy", "di"].map { ["member_id": $0, "name": $0.capitalized, "email_address": "\($0)@example.org"] }
                #expect(try await api.send("/herald/v1/members", method: .put, body: try JSONSerialization.data(withJSONObject: ["members": members])).status == .ok)
                // Ada writes post 42, and the platform subscribes her to its comments.
                let listen = try await api.post("/herald/v1/members/ada/listens", json: ["event_type": "forums.post.comment.new", "scope": "post-42"])
                #expect(listen.status == .created)
                var stream = try await openInboxStream(port: try #require(client.port), key: fixture.liveKey, memberId: "ada").makeAsyncIterator()
                #expect(try await stream.next()?.json?["unread_count"] as? Int == 0)

                func comment(by author: String) async throws -> APIClient.Reply {
                    try await api.post("/herald/v1/member-notifications", json: [
                        "kind": "happening", "event_type": "forums.post.comment.new", "scope": "post-42", "exclude_member_ids": [author],
                        "title": "((author)) commented on your post", "body": "((excerpt))", "link": "/forums/post/42",
                        "url": "https://club.example/forums/post/42", "context": ["author": author.capitalized, "excerpt": "Well played, \(author)"],
                    ])
                }

                // Bob comments: Ada sees it live and gets an email.
                let first = try await comment(by: "bob")
                #expect(first.status == .created)
                #expect(first.json["in_app"] as? Int == 1)
                #expect((first.json["email"] as? [String: Int])?["reached"] == 1)
                let item = try #require(try await stream.next())
                #expect(item.name == "item")
                #expect(item.json?["title"] as? String == "Bob commented on your post")
                #expect(item.json?["link"] as? String == "/forums/post/42")
                let emails = try await store.notifications(NotificationFilter(serviceId: fixture.service.id))
                let email = try #require(emails.first)
                #expect(emails.count == 1 && email.recipient == "ada@example.org" && email.subject == "Bob commented on your post")
                #expect(try await api.waitForStatus("delivered", of: email.id.storageString) == "delivered")

                // Ada follows the email's unsubscribe link: the page is her email preferences, and the one-click
                // unsubscribe stops emails about forum comments.
                let links = try await UnsubscribeLinks.load(baseURL: publicURL, store: store)
                let path = try #require(URL(string: links.url(for: email.id))?.path)
                let page = try await client.execute(uri: path, method: .get) { String(buffer: $0.body) }
                #expect(page.contains("Email preferences") && page.contains("forums.post.comment.new"))
                let unsubscribed = try await client.execute(
                    uri: path, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "List-Unsubscribe=One-Click")
                ) { ($0.status, String(buffer: $0.body)) }
                #expect(unsubscribed.0 == .ok && unsubscribed.1.contains("Send these emails again"))
                let preferences = try await api.get("/herald/v1/members/ada/preferences").json["preferences"] as? [[String: Any]]
                #expect(preferences?.first?["topic"] as? String == "event:forums.post.comment.new" && preferences?.first?["enabled"] as? Bool == false)

                // Cy comments: in-app only.
                let second = try await comment(by: "cy")
                #expect(second.json["in_app"] as? Int == 1)
                #expect(second.json["email"] as? [String: Int] == ["reached": 0, "in_digest": 0, "opted_out": 1, "no_address": 0, "suppressed": 0])
                var next = try #require(try await stream.next())
                while next.name != "item" { next = try #require(try await stream.next()) }
                #expect(next.json?["title"] as? String == "Cy commented on your post")
                #expect(try await store.notifications(NotificationFilter(serviceId: fixture.service.id)).count == 1)

                // The post is deleted, and its listens with it; Di's comment reaches nobody.
                let deleted = try await api.send("/herald/v1/listens?scope=post-42", method: .delete, body: nil)
                #expect(deleted.json["deleted"] as? Int == 1)
                let third = try await comment(by: "di")
                #expect(third.json["in_app"] as? Int == 0)
                #expect((third.json["email"] as? [String: Int])?["reached"] == 0)
                let inbox = try await api.get("/herald/v1/members/ada/inbox")
                #expect((inbox.json["items"] as? [[String: Any]])?.compactMap { $0["title"] as? String } == ["Cy commented on your post", "Bob commented on your post"])
                #expect(try await store.notifications(NotificationFilter(serviceId: fixture.service.id)).count == 1)
            }
        }
    }
}
