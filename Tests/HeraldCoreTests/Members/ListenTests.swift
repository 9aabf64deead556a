import Foundation
import HeraldCore
import Testing

/// Which happenings a listen hears: its pattern must match, and a scoped listen hears only its own scope.
@Suite struct ListenTests {
    @Test(arguments: [
        ("forums.post.*", nil, "post-1", true), ("forums.post.*", nil, nil, true), ("forums.post.*", "post-1", "post-1", true),
        ("forums.post.*", "post-1", "post-2", false), ("forums.post.*", "post-1", nil, false),
        ("forums.post.comment.new", "post-1", "post-1", true), ("forums.thread.*", nil, "post-1", false),
    ] as [(String, String?, String?, Bool)])
    func hears(pattern: String, scope: String?, happeningScope: String?, hears: Bool) throws {
        let listen = Listen(serviceId: UUID(), memberId: "m1", eventType: try EventTypePattern(validating: pattern), scope: scope)
        #expect(listen.hears(try EventType(validating: "forums.post.comment.new"), in: happeningScope) == hears)
    }
}
