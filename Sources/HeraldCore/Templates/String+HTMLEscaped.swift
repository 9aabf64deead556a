import Foundation

extension String {
    /// The text with `&`, `<`, `>` and `"` written as HTML character references, safe inside HTML text and quoted
    /// attributes.
    public var htmlEscaped: String {
        replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
