import Foundation

/// A text message's content as it goes to the network: sanitised the way GOV.UK Notify does, and measured in the
/// fragments a carrier bills.
///
/// GSM 03.38's 7-bit alphabet fits 160 characters in one message and 153 per fragment of a longer one; the
/// characters of its extension table (`^ { } \ [ ~ ] | €`) take two. Anything else makes the whole message UCS-2:
/// 70 UTF-16 code units in one message, 67 per fragment.
///
/// ```swift
/// let text = SMSText("It’s ready – see you at 10…")
/// text.content     // "It's ready - see you at 10..."
/// text.fragments   // 1
/// ```
public struct SMSText: Sendable, Hashable {
    /// The sanitised content.
    public let content: String

    /// Sanitises `raw`: typographic quotes, dashes, ellipses and odd spaces become their GSM forms, invisible
    /// characters go, and a letter outside GSM loses its accent when that makes it GSM (`ł` stays, `ő` → `o`).
    /// Welsh letters with diacritics are kept (as Notify keeps them), and so is any other character: such a
    /// message is sent as UCS-2 rather than altered.
    public init(_ raw: String) {
        var content = ""
        content.unicodeScalars.reserveCapacity(raw.unicodeScalars.count)
        for scalar in raw.unicodeScalars {
            if let replacement = Self.replacements[scalar] {
                content += replacement
            } else if GSMAlphabet.contains(scalar) || Self.welsh.contains(scalar) {
                content.unicodeScalars.append(scalar)
            } else {
                content.unicodeScalars.append(contentsOf: Self.withoutAccent(scalar))
            }
        }
        self.content = content
    }

    /// True when the content needs UCS-2.
    public var isUnicode: Bool {
        !content.unicodeScalars.allSatisfy(GSMAlphabet.contains)
    }

    /// Characters as the network counts them: septets for GSM (extension characters count two), UTF-16 code
    /// units for UCS-2.
    public var length: Int {
        isUnicode ? content.utf16.count : content.unicodeScalars.reduce(0) { $0 + (GSMAlphabet.isExtension($1) ? 2 : 1) }
    }

    /// Messages billed: 1 up to 160 (GSM) or 70 (UCS-2) characters, else one per 153 or 67.
    public var fragments: Int {
        let (single, part) = isUnicode ? (70, 67) : (160, 153)
        return length <= single ? 1 : (length + part - 1) / part
    }

    private static let replacements: [Unicode.Scalar: String] = [
        "\u{2013}": "-", "\u{2014}": "-", "\u{2212}": "-", "\u{2026}": "...", "\u{2018}": "'", "\u{2019}": "'", "\u{201A}": "'",
        "\u{201B}": "'", "\u{2032}": "'", "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"", "\u{201F}": "\"", "\u{2033}": "\"",
        "\u{00A0}": " ", "\u{202F}": " ", "\u{2002}": " ", "\u{2003}": " ", "\u{2009}": " ", "\t": " ",
        "\u{180E}": "", "\u{200B}": "", "\u{200C}": "", "\u{200D}": "", "\u{2060}": "", "\u{FEFF}": "",
    ]

    /// Notify's `WELSH_DIACRITICS`: kept as they are.
    private static let welsh = Set("ÂâÊêÎîÔôÛûŴŵŶŷËëÏïŸÿÁáÍíÓóÚúÝýÀàÈèÌìÒòẀẁỲỳẄẅẂẃ".unicodeScalars)

    /// The scalar without its combining marks when the base letter is in GSM, else the scalar itself.
    private static func withoutAccent(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        guard let base = decomposed.first, decomposed.count > 1, GSMAlphabet.contains(base),
            decomposed.dropFirst().allSatisfy({ $0.properties.generalCategory == .nonspacingMark })
        else { return [scalar] }
        return [base]
    }
}

/// GSM 03.38's default alphabet and its extension table.
enum GSMAlphabet {
    private static let basic = Set(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
            .unicodeScalars
    )
    private static let extensionTable = Set("^{}\\[~]|€\u{0C}".unicodeScalars)

    static func contains(_ scalar: Unicode.Scalar) -> Bool {
        basic.contains(scalar) || extensionTable.contains(scalar)
    }

    /// Characters sent as an escape and a second septet.
    static func isExtension(_ scalar: Unicode.Scalar) -> Bool {
        extensionTable.contains(scalar)
    }
}
