import HeraldCore
import Testing

/// Cases from notifications-utils' tests/recipient_validation/test_email_address.py, plus a few of ours.
@Suite struct EmailAddressTests {
    static let valid = [
        "email@domain.com",
        "email@domain.COM",
        "firstname.lastname@domain.com",
        "firstname.o'lastname@domain.com",
        "email@subdomain.domain.com",
        "firstname+lastname@domain.com",
        "1234567890@domain.com",
        "email@domain-one.com",
        "_______@domain.com",
        "email@domain.name",
        "email@domain.superlongtld",
        "email@domain.co.jp",
        "firstname-lastname@domain.com",
        "info@german-financial-services.vermögensberatung",
        "info@german-financial-services.reallylongarbitrarytldthatiswaytoohugejustincase",
        "japanese-info@例え.テスト",
        "email@double--hyphen.com",
        // ours
        "!#$%&'*+/=?^_`{|}~-@xn--bcher-kva.example",
        "a@bücher.example",
        "simulate-delivered@notifications.service.gov.uk",
    ]

    static let invalid = [
        "email@123.123.123.123",
        "email@[123.123.123.123]",
        "plainaddress",
        "@no-local-part.com",
        "Outlook Contact <outlook-contact@domain.com>",
        "no-at.domain.com",
        "no-tld@domain",
        ";beginning-semicolon@domain.co.uk",
        "middle-semicolon@domain.co;uk",
        "trailing-semicolon@domain.com;",
        "\"email+leading-quotes@domain.com",
        "email+middle\"-quotes@domain.com",
        "\"quoted-local-part\"@domain.com",
        "\"quoted@domain.com\"",
        "lots-of-dots@domain..gov..uk",
        "two-dots..in-local@domain.com",
        "multiple@domains@domain.com",
        "spaces in local@domain.com",
        "spaces-in-domain@dom ain.com",
        "underscores-in-domain@dom_ain.com",
        "pipe-in-domain@example.com|gov.uk",
        "comma,in-local@gov.uk",
        "comma-in-domain@domain,gov.uk",
        "pound-sign-in-local£@domain.com",
        "local-with-’-apostrophe@domain.com",
        "local-with-”-quotes@domain.com",
        "domain-starts-with-a-dot@.domain.com",
        "brackets(in)local@domain.com",
        "email-too-long-\(String(repeating: "a", count: 320))@example.com",
        "incorrect-punycode@xn---something.com",
        // ours
        "",
        "a@b",
        "trailing-dot@example.com.",
        "hyphen-start@-example.com",
        "hyphen-end@example-.com",
        "triple@a---b.com",
        "numeric-tld@example.c0m",
        "one-letter-tld@example.c",
        "long-label@\(String(repeating: "a", count: 64)).com",
        "long-domain@\(Array(repeating: String(repeating: "a", count: 60), count: 5).joined(separator: ".")).com",
        "tab-inside@exa\tmple.com",
        "newline-inside@example.com\nx",
        "bad-xn-tld@example.xn--",
    ]

    @Test(arguments: valid)
    func acceptsValidAddresses(address: String) throws {
        #expect(try EmailAddress(validating: address).value == address)
    }

    @Test(arguments: invalid)
    func rejectsInvalidAddresses(address: String) {
        #expect(throws: InvalidEmailAddress(input: address)) {
            try EmailAddress(validating: address)
        }
    }

    @Test(arguments: [" email@domain.com ", "\temail@domain.com", "\temail@domain.com\n", "\u{200B}email@domain.com\u{200B}",
                      "email@\u{00A0}domain.com", "\u{FEFF}email@domain.com\r\n"])
    func stripsWhitespace(raw: String) throws {
        #expect(try EmailAddress(validating: raw).value == "email@domain.com")
    }

    @Test(arguments: [
        ("japanese-info@例え.テスト", "xn--r8jz45g.xn--zckzah"),
        ("info@german-financial-services.vermögensberatung", "german-financial-services.xn--vermgensberatung-pwb"),
        ("a@ÉXAMPLE.bücher.example", "xn--xample-9ua.xn--bcher-kva.example"),
        ("email@Domain.COM", "domain.com"),
        ("a@例え。テスト", "xn--r8jz45g.xn--zckzah"),
        ("a@ｅｘａｍｐｌｅ.com", "example.com"),
    ])
    func encodesTheDomainWithIDNA(address: String, asciiDomain: String) throws {
        #expect(try EmailAddress(validating: address).asciiDomain == asciiDomain)
    }

    /// Foundation follows UTS #46 (IDNA 2008); Python's "idna" codec, which Notify uses, is IDNA 2003.
    /// Both agree on the cases above; these are the known differences.
    @Test func followsIDNA2008WherePythonsIDNA2003Differs() throws {
        #expect(try EmailAddress(validating: "a@straße.de").asciiDomain == "xn--strae-oqa.de")  // Notify: strasse.de
        #expect(throws: InvalidEmailAddress.self) {  // Notify accepts it as xn--ab-7tb.com
            try EmailAddress(validating: "leading-combining-mark@\u{301}ab.com")
        }
    }

    @Test func splitsLocalPartAndGivesASCIIAddress() throws {
        let address = try EmailAddress(validating: " Zoe.Smith@Bücher.example ")
        #expect(address.localPart == "Zoe.Smith")
        #expect(address.asciiAddress == "Zoe.Smith@xn--bcher-kva.example")
        #expect(address.description == "Zoe.Smith@Bücher.example")
    }

    @Test func errorKeepsTheInputAndNotifysMessage() {
        let error = InvalidEmailAddress(input: " not an address ")
        #expect(error.message == "Not a valid email address")
        #expect(throws: error) { try EmailAddress(validating: " not an address ") }
    }

    @Test func acceptsTheLongestAllowedAddress() throws {
        let domain = "example.com"
        let local = String(repeating: "a", count: 320 - 1 - domain.count)
        #expect(try EmailAddress(validating: "\(local)@\(domain)").value.count == 320)
        #expect(throws: InvalidEmailAddress.self) { try EmailAddress(validating: "a\(local)@\(domain)") }
    }
}
