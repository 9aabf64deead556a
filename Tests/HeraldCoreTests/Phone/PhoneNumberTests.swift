import HeraldCore
import Testing

/// GOV.UK Notify's phone number cases (notifications-utils' tests), plus a home country other than the UK.
@Suite struct PhoneNumberTests {
    @Test(arguments: [
        "7123456789", "07123456789", "07123 456789", "07123-456-789", "00447123456789", "00 44 7123456789", "+447123456789",
        "+44 7123 456 789", "+44 (0)7123 456 789", "\u{200B}\t\t+44 (0)7123 \u{FEFF} 456 789 \r\n",
    ])
    func ukMobilesBecomeE164(number: String) throws {
        let phone = try PhoneNumber(validating: number)
        #expect(phone.e164 == "+447123456789")
        #expect(!phone.isInternational)
    }

    @Test(arguments: [
        ("0712345678910", InvalidPhoneNumber.Reason.tooManyDigits), ("0044712345678910", .tooManyDigits),
        ("+44 (0)7123 456 789 10", .tooManyDigits), ("0712345678", .notEnoughDigits), ("004471234567", .notEnoughDigits),
        ("+44 (0)7123 456 78", .notEnoughDigits), ("08081 570364", .notUKMobile), ("+44 8081 570364", .notUKMobile),
        ("0117 496 0860", .notUKMobile), ("+44 117 496 0860", .notUKMobile), ("020 7946 0991", .notUKMobile),
        ("07890x32109", .lettersOrSymbols), ("07123 456789...", .lettersOrSymbols), ("07123 ☟☜⬇⬆☞☝", .lettersOrSymbols),
        ("07\";DROP TABLE;\"", .lettersOrSymbols), ("+44 07ab cde fgh", .lettersOrSymbols), ("ALPHANUM3R1C", .lettersOrSymbols),
    ])
    func badUKNumbersGetNotifysReason(number: String, reason: InvalidPhoneNumber.Reason) {
        #expect(throws: InvalidPhoneNumber(reason)) { try PhoneNumber(validating: number) }
    }

    @Test(arguments: [
        ("+1 202-555-0104", "+12025550104", "1"), ("0012025550104", "+12025550104", "1"), ("+23051234567", "+23051234567", "230"),
        ("+7 (8) (495) 123-45-67", "+784951234567", "7"),
        // Too long for a UK mobile, but with international sending allowed (as Notify's services have by default) a
        // Russian number.
        ("712345678910", "+712345678910", "7"), ("+33 6 12 34 56 78", "+33612345678", "33"),
    ])
    func internationalNumbersKeepTheirCountry(number: String, e164: String, country: String) throws {
        let phone = try PhoneNumber(validating: number)
        #expect(phone.e164 == e164)
        #expect(phone.countryCode == country)
        #expect(phone.isInternational)
    }

    @Test(arguments: [
        ("+80 1234 5678", InvalidPhoneNumber.Reason.invalidCountryPrefix), ("1234567", .notEnoughDigits), ("+1 123", .notEnoughDigits),
        ("+3456789012345678", .tooManyDigits),
    ])
    func badInternationalNumbersGetNotifysReason(number: String, reason: InvalidPhoneNumber.Reason) {
        #expect(throws: InvalidPhoneNumber(reason)) { try PhoneNumber(validating: number) }
    }

    @Test func nationalNumbersBelongToTheHomeCountry() throws {
        #expect(try PhoneNumber(validating: "06 12 34 56 78", homeCountryCode: "33").e164 == "+33612345678")
        #expect(try PhoneNumber(validating: "+44 7123 456789", homeCountryCode: "33").e164 == "+447123456789")
        #expect(throws: InvalidPhoneNumber(.notUKMobile)) { try PhoneNumber(validating: "+44 20 7946 0991", homeCountryCode: "33") }
    }
}
