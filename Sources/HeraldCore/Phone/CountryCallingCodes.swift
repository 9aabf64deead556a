/// The country calling codes of ITU-T E.164 (1 to 3 digits; no code is a prefix of another).
enum CountryCallingCodes {
    static let all: Set<String> = {
        let single = ["1", "7"]
        let double = [
            "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49", "51",
            "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84", "86", "90",
            "91", "92", "93", "94", "95", "98",
        ]
        let triple = ["211", "212", "213", "216", "218", "290", "291", "297", "298", "299", "420", "421", "423", "670", "850", "852",
                      "853", "855", "856", "880", "886", "992", "993", "994", "995", "996", "998"]
        let ranges: [ClosedRange<Int>] = [
            220...258, 260...269, 350...359, 370...383, 385...387, 389...389, 500...509, 590...599, 672...683, 685...692,
            960...968, 970...977,
        ]
        return Set(single + double + triple + ranges.flatMap { $0.map(String.init) })
    }()

    /// The calling code `digits` starts with, if any.
    static func prefix(of digits: String) -> String? {
        (1...3).lazy.map { String(digits.prefix($0)) }.first { all.contains($0) }
    }
}
