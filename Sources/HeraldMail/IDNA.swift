import Foundation

/// Domain names in the ASCII form mail headers and the SMTP envelope need: each non-ASCII label as an IDNA
/// A-label, `xn--` + RFC 3492 Punycode (`bücher.example` → `xn--bcher-kva.example`).
///
/// The conversion is Foundation's UTS #46 processing (`URLComponents.encodedHost`), the same one HeraldCore
/// validates recipients with, so a domain Herald accepted is written exactly as it was checked.
enum IDNA {
    /// The A-label form of `domain`, lowercased; `nil` when it cannot be converted (Foundation then
    /// percent-encodes instead, which no domain contains).
    static func asciiDomain(_ domain: String) -> String? {
        if domain.unicodeScalars.allSatisfy(\.isASCII) {
            return domain
        }
        var components = URLComponents()
        components.host = domain
        guard let encoded = components.encodedHost, !encoded.isEmpty, !encoded.contains("%"),
            encoded.unicodeScalars.allSatisfy(\.isASCII)
        else { return nil }
        return encoded.lowercased()
    }
}
