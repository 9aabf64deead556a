/// An extra header field for a message, e.g. `X-Herald-Notification-Id` or `List-Unsubscribe`.
///
/// The value is unstructured text: when it holds non-ASCII or control characters it is written
/// as RFC 2047 encoded-words, so it can never break the header block.
public struct MailHeader: Sendable, Hashable {
    /// The field name; characters other than printable ASCII and `:` are dropped when written.
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
