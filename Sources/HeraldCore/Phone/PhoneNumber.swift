/// A validated mobile number in E.164 form, following GOV.UK Notify's rules (notifications-utils
/// `validate_phone_number` with international sending allowed), generalised to a configurable home country.
///
/// A number in national form (one leading `0`, as Notify's clients send UK mobiles: `07700 900500`) belongs to the
/// home country. For the UK (the default, calling code 44) it must be a mobile: `7` and nine more digits. Other
/// numbers need a known country calling code and 8–15 digits in all.
///
/// ```swift
/// try PhoneNumber(validating: "07700 900500").e164              // "+447700900500"
/// try PhoneNumber(validating: "+33 6 12 34 56 78").e164         // "+33612345678"
/// try PhoneNumber(validating: "06 12 34 56 78", homeCountryCode: "33").e164   // "+33612345678"
/// ```
public struct PhoneNumber: Sendable, Hashable {
    /// `+` and the digits, e.g. `+447700900500`.
    public let e164: String
    /// The country calling code, e.g. `44`.
    public let countryCode: String

    /// The UK's calling code: the home country unless configured otherwise.
    public static let ukCountryCode = "44"

    public init(validating raw: String, homeCountryCode: String = ukCountryCode) throws(InvalidPhoneNumber) {
        let digits = try Self.digits(of: raw)
        let national = Self.isNational(raw.strippingObscureWhitespace, digits: digits)
        let homeIsUK = homeCountryCode == Self.ukCountryCode
        // Notify's is_uk_phone_number: national form, 44 first, or a short number starting with 7 (a UK mobile
        // without its 0).
        if digits.drop(while: { $0 == "0" }).hasPrefix(Self.ukCountryCode) || (homeIsUK && (national || (digits.hasPrefix("7") && digits.count < 11))) {
            self.e164 = "+44" + (try Self.ukMobile(digits))
            self.countryCode = Self.ukCountryCode
            return
        }
        let withoutZeros = digits.drop(while: { $0 == "0" })
        let international = national ? homeCountryCode + withoutZeros : String(withoutZeros)
        guard international.count >= 8 else { throw InvalidPhoneNumber(.notEnoughDigits) }
        guard international.count <= 15 else { throw InvalidPhoneNumber(.tooManyDigits) }
        guard let code = CountryCallingCodes.prefix(of: international) else { throw InvalidPhoneNumber(.invalidCountryPrefix) }
        self.e164 = "+" + international
        self.countryCode = code
    }

    /// True for numbers outside the UK (Notify's "international"), which some services may not send to.
    public var isInternational: Bool { countryCode != Self.ukCountryCode }

    /// Notify's `normalise_phone_number`: whitespace, brackets, dashes and `+` removed; anything else but digits refused.
    private static func digits(of raw: String) throws(InvalidPhoneNumber) -> String {
        var digits = ""
        for scalar in raw.strippingObscureWhitespace.unicodeScalars {
            if ("0"..."9").contains(scalar) {
                digits.unicodeScalars.append(scalar)
            } else if !(scalar.properties.isWhitespace || "()-+".unicodeScalars.contains(scalar)) {
                throw InvalidPhoneNumber(.lettersOrSymbols)
            }
        }
        return digits
    }

    /// A national number: one leading zero (two would be an international call prefix).
    private static func isNational(_ text: String, digits: String) -> Bool {
        !text.hasPrefix("+") && digits.hasPrefix("0") && !digits.hasPrefix("00")
    }

    /// Notify's `validate_uk_phone_number`: the ten digits after 44/0, which must start with 7.
    private static func ukMobile(_ digits: String) throws(InvalidPhoneNumber) -> String {
        var number = Substring(digits).drop(while: { $0 == "0" })
        if number.hasPrefix(ukCountryCode) { number = number.dropFirst(2) }
        number = number.drop(while: { $0 == "0" })
        guard number.hasPrefix("7") else { throw InvalidPhoneNumber(.notUKMobile) }
        guard number.count <= 10 else { throw InvalidPhoneNumber(.tooManyDigits) }
        guard number.count == 10 else { throw InvalidPhoneNumber(.notEnoughDigits) }
        return String(number)
    }
}

/// Why a phone number was refused, in Notify's words.
public struct InvalidPhoneNumber: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: String, Sendable, Hashable {
        case tooManyDigits = "Too many digits"
        case notEnoughDigits = "Not enough digits"
        case notUKMobile = "Not a UK mobile number"
        case lettersOrSymbols = "Must not contain letters or symbols"
        case invalidCountryPrefix = "Not a valid country prefix"
    }

    public let reason: Reason

    public init(_ reason: Reason) {
        self.reason = reason
    }

    public var description: String { reason.rawValue }
}
