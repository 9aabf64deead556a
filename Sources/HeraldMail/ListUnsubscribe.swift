/// The unsubscribe links of bulk mail: `List-Unsubscribe` (RFC 2369) with a mailto and an https URI, and
/// `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058) so that mail systems can unsubscribe with
/// one POST.
///
/// ```swift
/// ListUnsubscribe(mailto: "unsubscribe@herald.example?subject=unsubscribe",
///                 url: "https://herald.example/unsubscribe/3f2a9c1e")
/// // List-Unsubscribe: <mailto:unsubscribe@herald.example?subject=unsubscribe>,
/// //  <https://herald.example/unsubscribe/3f2a9c1e>
/// // List-Unsubscribe-Post: List-Unsubscribe=One-Click
/// ```
public struct ListUnsubscribe: Sendable, Hashable {
    /// An address (optionally with `?subject=…`); `mailto:` is added when missing.
    public var mailto: String?
    /// The one-click URL. `List-Unsubscribe-Post` is written only when it is `https:` (RFC 8058 §3.1).
    public var url: String?

    public init(mailto: String?, url: String?) {
        self.mailto = mailto
        self.url = url
    }

    var headerFields: [HeaderField] {
        let mailtoURI = mailto.map { $0.lowercased().hasPrefix("mailto:") ? $0 : "mailto:" + $0 }
        let uris = [mailtoURI, url].compactMap { $0 }.map { "<" + Self.uriSafe($0) + ">" }
        guard !uris.isEmpty else { return [] }
        var fields = [HeaderField("List-Unsubscribe", uris.joined(separator: ", "))]
        if let url, url.lowercased().hasPrefix("https://") {
            fields.append(HeaderField("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
        }
        return fields
    }

    /// Percent-encodes every byte that may not appear inside `<…>` in a header: non-ASCII, controls,
    /// space, `<`, `>` and `"`.
    private static func uriSafe(_ uri: String) -> String {
        uri.utf8.map { byte in
            (0x21...0x7E).contains(byte) && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "\"")
                ? String(Unicode.Scalar(byte)) : "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
        }.joined()
    }
}
