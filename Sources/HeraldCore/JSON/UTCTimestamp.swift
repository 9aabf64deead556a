import Foundation

/// Fast ISO 8601 UTC timestamps (`2026-11-22T09:15:02.123Z`, or with microseconds), formatted without
/// Foundation's format styles, which are too slow for the thousands per second the simulator writes.
public enum UTCTimestamp {
    /// `fractionDigits` is 3 (milliseconds, as SES writes) or 6 (microseconds, as Notify writes).
    public static func string(_ date: Date, fractionDigits: Int = 3) -> String {
        let scale = fractionDigits == 6 ? 1_000_000.0 : 1_000.0
        let units = Int64((date.timeIntervalSince1970 * scale).rounded(.down))
        let perSecond = Int64(scale)
        let seconds = units >= 0 ? units / perSecond : (units - perSecond + 1) / perSecond
        let fraction = units - seconds * perSecond
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(
            format: fractionDigits == 6 ? "%04d-%02d-%02dT%02d:%02d:%02d.%06ldZ" : "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ",
            Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec),
            Int(fraction)
        )
    }

    /// RFC 5322 date for mail headers: `Sun, 22 Nov 2026 09:15:02 +0000`.
    public static func rfc5322(_ date: Date) -> String {
        var time = time_t(Int64(date.timeIntervalSince1970.rounded(.down)))
        var parts = tm()
        gmtime_r(&time, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return String(
            format: "%@, %02d %@ %04d %02d:%02d:%02d +0000", days[Int(parts.tm_wday)], Int(parts.tm_mday), months[Int(parts.tm_mon)],
            Int(parts.tm_year) + 1900, Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec)
        )
    }
}
