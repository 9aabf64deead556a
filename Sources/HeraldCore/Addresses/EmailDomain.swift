import Foundation

/// The domain of an email address checked with Notify's hostname rules after IDNA encoding.
struct EmailDomain: Sendable {
    /// The domain in IDNA A-label form, lowercased.
    let ascii: String

    /// `nil` unless `hostname` encodes to at most 253 characters with two or more labels,
    /// each 1–63 letters, digits and single or double hyphens, and a TLD of 2–63 letters or `xn--…`.
    init?(_ hostname: String) {
        guard let ascii = Self.idnaEncoded(hostname), ascii.utf8.count <= 253 else { return nil }
        let labels = ascii.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy(Self.isValidLabel), let tld = labels.last,
            Self.isValidTopLevelDomain(tld)
        else { return nil }
        self.ascii = ascii
    }

    /// ASCII hostnames as they are (lowercased); others through Foundation's UTS #46 IDNA,
    /// which percent-encodes what it cannot convert, so such hosts fail the label check.
    private static func idnaEncoded(_ hostname: String) -> String? {
        if hostname.unicodeScalars.allSatisfy(\.isASCII) {
            return hostname.lowercased()
        }
        var components = URLComponents()
        components.host = hostname
        return components.encodedHost?.lowercased()
    }

    /// `^(xn|[a-z0-9]+)(-?-[a-z0-9]+)*$`: alphanumeric runs joined by one or two hyphens.
    private static func isValidLabel(_ label: Substring) -> Bool {
        let bytes = label.utf8
        guard (1...63).contains(bytes.count), bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else { return false }
        var hyphens = 0
        for byte in bytes {
            if byte == UInt8(ascii: "-") {
                hyphens += 1
                if hyphens == 3 { return false }
            } else {
                guard isLetterOrDigit(byte) else { return false }
                hyphens = 0
            }
        }
        return true
    }

    /// `^([a-z]{2,63}|xn--([a-z0-9]+-)*[a-z0-9]+)$`.
    private static func isValidTopLevelDomain(_ tld: Substring) -> Bool {
        if tld.hasPrefix("xn--") {
            let rest = tld.dropFirst(4)
            return rest.split(separator: "-", omittingEmptySubsequences: false).allSatisfy { run in
                !run.isEmpty && run.utf8.allSatisfy(isLetterOrDigit)
            }
        }
        return (2...63).contains(tld.utf8.count) && tld.utf8.allSatisfy(isLetter)
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }
}
