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
    /// Bytes allowed before the `@`: stricter than RFC 5322 (no quotes or semicolons) to keep SES happy.
    private static let localPartBytes: [Bool] = {
        var allowed = [Bool](repeating: false, count: 256)
        for byte in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-".utf8 {
            allowed[Int(byte)] = true
        }
        return allowed
    }()

    /// The address as submitted after whitespace stripping.
    public let value: String
    /// The part before the `@`.
    public let localPart: String
    /// IDNA A-label form of the domain, lowercased (e.g. `xn--bcher-kva.example`).
    public let asciiDomain: String

    public init(validating raw: String) throws(InvalidEmailAddress) {
        let stripped = raw.strippingObscureWhitespace
        let utf8 = stripped.utf8
        guard let at = utf8.firstIndex(of: UInt8(ascii: "@")), at != utf8.startIndex,
            utf8[..<at].allSatisfy({ Self.localPartBytes[Int($0)] }),
            Self.isDomainPattern(stripped[utf8.index(after: at)...]),
            utf8.count <= 320 || stripped.unicodeScalars.count <= 320,
            !zip(utf8, utf8.dropFirst()).contains(where: { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: ".") }),
            let domain = EmailDomain(String(stripped[utf8.index(after: at)...]))
        else { throw InvalidEmailAddress(input: raw) }
        value = stripped
        localPart = String(stripped[..<at])
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
    private static func isDomainPattern(_ domain: Substring) -> Bool {
        let scalars = domain.unicodeScalars
        guard scalars.count >= 2, scalars.first != "." else { return false }
        return scalars.allSatisfy { $0 != "@" && !isPythonWhitespace($0) }
    }

    private static func isPythonWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || (0x09...0x0D).contains(scalar.value) || (0x1C...0x1F).contains(scalar.value) }
        return scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
    }
}
