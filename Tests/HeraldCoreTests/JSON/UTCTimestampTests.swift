import Foundation
import HeraldCore
import Testing

@Suite struct UTCTimestampTests {
    static let dates: [Date] = [
        Date(timeIntervalSince1970: 1_795_338_902.123456),  // 2026-11-22T09:15:02.123456Z
        Date(timeIntervalSince1970: 0),
        Date(timeIntervalSince1970: 951_782_400.5),  // 2000-02-29T00:00:00.5Z
        Date(timeIntervalSince1970: 4_102_444_799.999),  // 2099-12-31T23:59:59.999Z
    ]

    @Test(arguments: dates)
    func millisecondsMatchFoundationsISO8601(date: Date) {
        let expected = date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        #expect(UTCTimestamp.string(date) == expected)
    }

    @Test func microsecondsAsNotifyWritesThem() {
        #expect(UTCTimestamp.string(Self.dates[0], fractionDigits: 6) == "2026-11-22T09:15:02.123456Z")
        #expect(UTCTimestamp.string(Self.dates[1], fractionDigits: 6) == "1970-01-01T00:00:00.000000Z")
    }

    @Test(arguments: dates)
    func rfc5322MatchesAPOSIXFormatter(date: Date) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        #expect(UTCTimestamp.rfc5322(date) == formatter.string(from: date))
    }
}
