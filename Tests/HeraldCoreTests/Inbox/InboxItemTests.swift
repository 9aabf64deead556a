import HeraldCore
import Testing

/// Inbox items' links point at the platform's own pages; the five notification kinds keep their wire names.
@Suite struct InboxItemTests {
    @Test(arguments: [
        ("/forums/post/1", true), ("/", true), ("/a?b=c#d", true),
        ("//evil.example/x", false), ("/\\evil.example", false), ("https://example.org/x", false), ("forums/post/1", false), ("", false),
    ])
    func onlyPathsOnThePlatformAreRelativeLinks(link: String, accepted: Bool) {
        #expect(InboxItem.isRelativeLink(link) == accepted)
    }

    @Test func kindsKeepTheirWireNames() {
        #expect(MemberNotificationKind.allCases.map(\.rawValue) == ["system-broadcast", "broadcast", "named-specific", "happening", "personal"])
    }
}
