/// Why an event type name or a listen's pattern was refused, in words a platform's developer can act on.
public struct InvalidEventType: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with the name.
    public enum Reason: String, Sendable, Hashable {
        case empty = "is empty"
        case tooLong = "is longer than 255 characters"
        case tooFewParts = "needs at least three dot-separated parts: <application>.<function>.<action>"
        case emptyPart = "has an empty part (a dot at the start or end, or two dots in a row)"
        case invalidCharacter = "may contain only lowercase letters, digits, '_' and '-' between its dots"
        case misplacedWildcard = "may use '*' only as its whole last part, after at least one other part (forums.post.*)"
    }

    /// The name as given.
    public let input: String
    public let reason: Reason

    public init(_ input: String, _ reason: Reason) {
        self.input = input
        self.reason = reason
    }

    /// `event type 'Forums.post' may contain only …`.
    public var description: String { "event type '\(input)' \(reason.rawValue)" }
}
