/// Thrown when text is not an email address Notify would send to.
public struct InvalidEmailAddress: Error, Sendable, Hashable {
    /// The text as it was given, before any whitespace was stripped.
    public let input: String

    public init(input: String) {
        self.input = input
    }

    /// Notify's error message.
    public var message: String {
        "Not a valid email address"
    }
}
