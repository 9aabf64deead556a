/// A mailbox for a From, To, Cc or Reply-To header: an address with an optional display name.
///
/// ```swift
/// MailAddress("zoe@bücher.example", displayName: "Zoë Ångström")
/// // From: =?UTF-8?B?Wm/DqyDDhW5nc3Ryw7Zt?= <zoe@xn--bcher-kva.example>
/// ```
public struct MailAddress: Sendable, Hashable {
    /// `atext` from RFC 5322 §3.2.3: a display name made of these (and spaces) needs no quoting.
    private static let atext = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~ ".unicodeScalars
    )

    /// The name shown to the reader, e.g. "GOV.UK Notify"; any Unicode text.
    public var displayName: String?
    /// The addr-spec as given; the domain may be Unicode (it is written as Punycode, see ``encodedAddress``).
    public var address: String

    public init(_ address: String, displayName: String? = nil) {
        self.address = address
        self.displayName = displayName
    }

    /// The part before the last `@`.
    public var localPart: Substring {
        address.lastIndex(of: "@").map { address[..<$0] } ?? address[...]
    }

    /// The part after the last `@` (empty when there is none).
    public var domain: Substring {
        address.lastIndex(of: "@").map { address[address.index(after: $0)...] } ?? ""
    }

    /// Whether the local part is 7-bit ASCII. One that is not can only be sent to a server that offers
    /// SMTPUTF8 (RFC 6531); see ``MailMessage/addressesNeedingSMTPUTF8``.
    public var hasASCIILocalPart: Bool {
        localPart.unicodeScalars.allSatisfy(\.isASCII)
    }

    /// The address as written in headers and in the SMTP envelope: the domain as an IDNA A-label
    /// (`zoe@xn--bcher-kva.example`), the local part as given. A domain that cannot be converted is kept as is.
    public var encodedAddress: String {
        guard let at = address.lastIndex(of: "@"), let domain = IDNA.asciiDomain(String(self.domain)) else { return address }
        return String(address[..<at]) + "@" + domain
    }

    /// The mailbox as written in a header: `name <address>`, or the bare address without a name.
    var headerValue: String {
        guard let displayName, !displayName.isEmpty else { return encodedAddress }
        return phrase(displayName) + " <" + encodedAddress + ">"
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
