import HeraldCore
import Testing

/// Listen patterns: an exact event type, or a trailing `.*` that matches every deeper name under its prefix.
@Suite struct EventTypePatternTests {
    @Test(arguments: [
        ("forums.post.comment.new", "forums.post.comment.new", true), ("forums.post.comment.new", "forums.post.comment.edit", false),
        ("forums.post.*", "forums.post.comment", true), ("forums.post.*", "forums.post.comment.new", true),
        ("forums.post.*", "forums.poster.comment", false), ("forums.post.*", "forums.postx.new", false),
        ("forums.post.*", "clubs.post.comment", false), ("forums.*", "forums.thread.reply", true),
        ("forums.post.comment.*", "forums.post.comment", false),
    ])
    func matching(pattern: String, eventType: String, matches: Bool) throws {
        #expect(try EventTypePattern(validating: pattern).matches(EventType(validating: eventType)) == matches)
    }

    @Test func patternsKeepTheirText() throws {
        #expect(try EventTypePattern(validating: "forums.post.*") == .wildcard(prefix: "forums.post"))
        #expect(try EventTypePattern(validating: "forums.post.*").text == "forums.post.*")
        #expect(try EventTypePattern(validating: "forums.post.new") == .exact(EventType(validating: "forums.post.new")))
    }

    @Test(arguments: [
        ("*", InvalidEventType.Reason.misplacedWildcard), (".*", .misplacedWildcard), ("forums.*.new", .misplacedWildcard),
        ("forums.post*", .misplacedWildcard), ("forums.*.*", .misplacedWildcard), ("forums..*", .emptyPart),
        ("Forums.*", .invalidCharacter), ("forums.post", .tooFewParts), ("", .empty),
    ])
    func invalidPatternsSayWhy(pattern: String, reason: InvalidEventType.Reason) {
        #expect(throws: InvalidEventType(pattern, reason)) { try EventTypePattern(validating: pattern) }
    }

    /// Every wildcard that matches an event type is one of its `matchingPatterns`, which is what the store looks up.
    @Test func matchingPatternsAreExactlyTheWildcardsThatMatch() throws {
        let names = ["forums.post.comment.new", "forums.post.comment", "forums.thread.reply", "clubs.post.comment"]
        let eventTypes = try names.map(EventType.init(validating:))
        let patterns = try ["forums.*", "forums.post.*", "forums.post.comment.*", "clubs.*", "forums.thread.*", "forums.post.comment.new"]
            .map(EventTypePattern.init(validating:))
        for eventType in eventTypes {
            #expect(Set(patterns.filter { $0.matches(eventType) }) == Set(patterns).intersection(eventType.matchingPatterns))
        }
    }
}
