import HeraldCore
import Testing

/// Event type names: `<application>.<function>.<action>` and deeper, each refusal with its reason.
@Suite struct EventTypeTests {
    @Test(arguments: ["forums.post.comment", "forums.post.comment.new", "club-123.match_report.published", "a.b.c", "app2.v2.x-y_z"])
    func validNamesAreKeptAsGiven(name: String) throws {
        let eventType = try EventType(validating: name)
        #expect(eventType.name == name)
        #expect(eventType.parts.joined(separator: ".") == name)
    }

    @Test(arguments: [
        ("", InvalidEventType.Reason.empty), ("forums", .tooFewParts), ("forums.post", .tooFewParts),
        ("forums..post", .emptyPart), (".forums.post.new", .emptyPart), ("forums.post.new.", .emptyPart),
        ("Forums.post.new", .invalidCharacter), ("forums.post.new comment", .invalidCharacter), ("forums.pöst.new", .invalidCharacter),
        ("forums/post/new", .invalidCharacter), ("forums.post.*", .misplacedWildcard), ("forums.*.new", .misplacedWildcard),
        (String(repeating: "a.", count: 127) + "ab", .tooLong),
    ])
    func invalidNamesSayWhy(name: String, reason: InvalidEventType.Reason) {
        #expect(throws: InvalidEventType(name, reason)) { try EventType(validating: name) }
    }

    @Test func theLongestNameIsAccepted() throws {
        let name = String(repeating: "a.", count: 126) + "abc"
        #expect(name.utf8.count == EventType.maximumLength)
        #expect(try EventType(validating: name).name == name)
    }

    @Test func errorsQuoteTheNameAndTheRule() {
        let error = InvalidEventType("forums.post", .tooFewParts)
        #expect(error.description == "event type 'forums.post' needs at least three dot-separated parts: <application>.<function>.<action>")
    }

    @Test func matchingPatternsAreTheNameAndAWildcardOverEachProperPrefix() throws {
        let eventType = try EventType(validating: "forums.post.comment.new")
        #expect(eventType.matchingPatterns.map(\.text) == ["forums.post.comment.new", "forums.*", "forums.post.*", "forums.post.comment.*"])
        #expect(eventType.matchingPatterns.allSatisfy { $0.matches(eventType) })
    }
}
