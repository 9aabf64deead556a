import Foundation
import HeraldCore

/// The inbox benchmark's rows: every 20th item goes to one of the hot members in turn, the others to a random
/// member; items are created one second apart, about half are acknowledged an hour after, and one in ten expires
/// (half of those already).
struct InboxBenchFill {
    let serviceId: UUID
    let members: Int
    let hot: Int
    private var made = 0
    private let start = Date().addingTimeInterval(-40 * 24 * 3600)
    private let eventType = try? EventType(validating: "forums.post.comment.new")
    private var random = SystemRandomNumberGenerator()

    init(serviceId: UUID, members: Int, hot: Int) {
        self.serviceId = serviceId
        self.members = members
        self.hot = hot
    }

    func memberId(_ index: Int) -> String { "member-\(index)" }

    mutating func items(count: Int) -> [InboxItem] {
        (0..<count).map { _ in next() }
    }

    private mutating func next() -> InboxItem {
        made += 1
        let member = made % 20 == 0 ? (made / 20) % hot : Int.random(in: hot..<members, using: &random)
        let createdAt = start.addingTimeInterval(Double(made))
        let post = Int.random(in: 1...50_000, using: &random)
        var expiresAt: Date?
        if Int.random(in: 0..<10, using: &random) == 0 {
            expiresAt = Bool.random(using: &random) ? Date().addingTimeInterval(-3600) : Date().addingTimeInterval(30 * 24 * 3600)
        }
        return InboxItem(
            serviceId: serviceId, memberId: memberId(member), kind: .happening, eventType: eventType, scope: "post-\(post)",
            title: "New comment on your post", body: "Someone replied to your post in the forums: \"Great match on Saturday, see you there.\"",
            link: "/forums/post/\(post)", createdAt: createdAt,
            acknowledgedAt: Bool.random(using: &random) ? createdAt.addingTimeInterval(3600) : nil, expiresAt: expiresAt
        )
    }
}
