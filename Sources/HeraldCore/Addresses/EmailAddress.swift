/// A validated email address, following GOV.UK Notify's validate_email_address (notifications-utils): strip and
/// remove obscure whitespace, regex ^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~\-]+@([^.@][^@\s]+)$, max 320 chars, no "..",
/// hostname IDNA-encoded (Foundation URLComponents.encodedHost), <= 253 chars, >= 2 labels, each label 1..63
/// matching ^(xn|[a-z0-9]+)(-?-[a-z0-9]+)*$ (case-insensitive), TLD matching
/// ^([a-z]{2,63}|xn--([a-z0-9]+-)*[a-z0-9]+)$.
///
/// ```swift
/// let address = try EmailAddress(validating: " japanese-info@例え.テスト\u{200B}")
/// address.value        // "japanese-info@例え.テスト"
/// address.asciiDomain  // "xn--r8jz45g.xn--zckzah"
/// ```
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    /// Characters allowed before the `@`: stricter than RFC 5322 (no quotes or semicolons) to keep SES happy.
    private static let localPartCharacters = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-".unicodeScalars
    )

    /// The address as submitted after whitespace stripping.
    public let value: String
    /// The part before the `@`.
    public let localPart: String
    /// IDNA A-label form of the domain, lowercased (e.g. `xn--bcher-kva.example`).
    public let asciiDomain: String

    public init(validating raw: String) throws(InvalidEmailAddress) {
        let stripped = raw.strippingObscureWhitespace
        let scalars = Array(stripped.unicodeScalars)
        guard let at = scalars.firstIndex(of: "@"), at > 0,
            scalars[..<at].allSatisfy(Self.localPartCharacters.contains),
            Self.isDomainPattern(scalars[(at + 1)...]),
            scalars.count <= 320, !stripped.contains(".."),
            let domain = EmailDomain(String(String.UnicodeScalarView(scalars[(at + 1)...])))
        else { throw InvalidEmailAddress(input: raw) }
        value = stripped
        localPart = String(String.UnicodeScalarView(scalars[..<at]))
        asciiDomain = domain.ascii
    }

    /// `local@asciiDomain`: the form to hand to SMTP or SES.
    public var asciiAddress: String {
        localPart + "@" + asciiDomain
    }

    public var description: String {
        value
    }

    /// `[^.@][^@\s]+`, with `\s` as Python's `str.isspace()`.
    private static func isDomainPattern(_ domain: ArraySlice<Unicode.Scalar>) -> Bool {
        guard domain.count >= 2, domain.first != "." else { return false }
        return domain.allSatisfy { $0 != "@" && !isPythonWhitespace($0) }
    }

    private static func isPythonWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
    }
}
