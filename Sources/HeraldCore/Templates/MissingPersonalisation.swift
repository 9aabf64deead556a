/// Thrown when template text has placeholders that the personalisation gives no value for.
public struct MissingPersonalisation: Error, Sendable, Hashable {
    /// The placeholders without a value, as spelled in the template, in order of appearance.
    public let names: [String]

    public init(names: [String]) {
        self.names = names
    }

    /// Notify's error message, e.g. "Missing personalisation: name, date".
    public var message: String {
        "Missing personalisation: " + names.joined(separator: ", ")
    }
}
