import Foundation

/// A signing time in the two forms SigV4 uses: `20260115T123456Z` and `20260115` (UTC).
struct AmzTime {
    let timestamp: String
    var day: String { String(timestamp.prefix(8)) }

    init(_ date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func digits(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        timestamp = digits(c.year, 4) + digits(c.month, 2) + digits(c.day, 2) + "T" + digits(c.hour, 2) + digits(c.minute, 2) + digits(c.second, 2) + "Z"
    }
}
