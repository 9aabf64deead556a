@testable import HeraldMail
import Testing

@Suite struct MailAddressTests {
    @Test func bareAddressWithoutDisplayName() {
        #expect(MailAddress("a@example.com").headerValue == "a@example.com")
        #expect(MailAddress("a@example.com", displayName: "").headerValue == "a@example.com")
    }

    @Test func plainDisplayNameIsWrittenAsIs() {
        #expect(MailAddress("a@example.com", displayName: "Zoe Smith").headerValue == "Zoe Smith <a@example.com>")
    }

    @Test(arguments: [
        ("GOV.UK Notify", #""GOV.UK Notify" <a@example.com>"#),
        ("Smith, Zoe", #""Smith, Zoe" <a@example.com>"#),
        (#"Zoe "Z" \ Smith"#, #""Zoe \"Z\" \\ Smith" <a@example.com>"#),
        (" padded", #"" padded" <a@example.com>"#),
    ])
    func quotesDisplayNamesWithSpecials(name: String, expected: String) {
        #expect(MailAddress("a@example.com", displayName: name).headerValue == expected)
    }

    @Test func encodesNonASCIIDisplayNames() {
        let value = MailAddress("zoe@example.com", displayName: "Zoë Ångström").headerValue
        #expect(value == "=?UTF-8?B?Wm/DqyDDhW5nc3Ryw7Zt?= <zoe@example.com>")
    }
}
