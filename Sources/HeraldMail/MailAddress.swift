/// A mailbox for a From, To or Reply-To header: an address with an optional display name.
///
/// ```swift
/// MailAddress("zoe@example.com", displayName: "Zoë Ångström")
/// // From: =?UTF-8?B?Wm/DqyDDhW5nc3Ryw7Zt?= <zoe@example.com>
/// ```
public struct MailAddress: Sendable, Hashable {
    /// `atext` from RFC 5322 §3.2.3: a display name made of these (and spaces) needs no quoting.
    private static let atext = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~ ".unicodeScalars
    )

    /// The name shown to the reader, e.g. "GOV.UK Notify"; any Unicode text.
    public var displayName: String?
    /// The addr-spec, ASCII (use the IDNA A-label form of the domain).
    public var address: String

    public init(_ address: String, displayName: String? = nil) {
        self.address = address
        self.displayName = displayName
    }

    /// The mailbox as written in a header: `name <address>`, or the bare address without a name.
    var headerValue: String {
        guard let displayName, !displayName.isEmpty else { return address }
        return phrase(displayName) + " <" + address + ">"
    }

    /// A display name as an atom sequence, a quoted-string, or RFC 2047 encoded-words.
    private func phrase(_ name: String) -> String {
        if EncodedWord.isNeeded(for: name) {
            return EncodedWord.encode(name)
        }
        if name.unicodeScalars.allSatisfy(Self.atext.contains), name.first != " ", name.last != " " {
            return name
        }
        let escaped = name.unicodeScalars.map { $0 == "\\" || $0 == "\"" ? "\\" + String($0) : String($0) }
        return "\"" + escaped.joined() + "\""
    }
}
