import Foundation

/// Fast ISO 8601 UTC timestamps (`2026-11-22T09:15:02.123Z`, or with microseconds), formatted without
/// Foundation's format styles or `String(format:)`, which are too slow for the thousands per second the
/// simulator writes.
public enum UTCTimestamp {
    /// `fractionDigits` is 3 (milliseconds, as SES writes) or 6 (microseconds, as Notify writes).
    public static func string(_ date: Date, fractionDigits: Int = 3) -> String {
        let scale: Int64 = fractionDigits == 6 ? 1_000_000 : 1_000
        let units = Int64((date.timeIntervalSince1970 * Double(scale)).rounded(.down))
        let seconds = units >= 0 ? units / scale : (units - scale + 1) / scale
        let parts = brokenDown(seconds)
        var text = ""
        text.reserveCapacity(27)
        append(Int(parts.tm_year) + 1900, width: 4, to: &text)
        text += "-"
        append(Int(parts.tm_mon) + 1, width: 2, to: &text)
        text += "-"
        append(Int(parts.tm_mday), width: 2, to: &text)
        text += "T"
        appendTime(parts, to: &text)
        text += "."
        append(Int(units - seconds * scale), width: fractionDigits == 6 ? 6 : 3, to: &text)
        text += "Z"
        return text
    }

    /// ISO 8601 basic format to the second, as AWS Signature Version 4 writes it: `20261122T091502Z`.
    public static func basic(_ date: Date) -> String {
        let parts = brokenDown(Int64(date.timeIntervalSince1970.rounded(.down)))
        var text = ""
        text.reserveCapacity(16)
        append(Int(parts.tm_year) + 1900, width: 4, to: &text)
        append(Int(parts.tm_mon) + 1, width: 2, to: &text)
        append(Int(parts.tm_mday), width: 2, to: &text)
        text += "T"
        append(Int(parts.tm_hour), width: 2, to: &text)
        append(Int(parts.tm_min), width: 2, to: &text)
        append(Int(parts.tm_sec), width: 2, to: &text)
        text += "Z"
        return text
    }

    /// RFC 5322 date for mail headers: `Sun, 22 Nov 2026 09:15:02 +0000`.
    public static func rfc5322(_ date: Date) -> String {
        let parts = brokenDown(Int64(date.timeIntervalSince1970.rounded(.down)))
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var text = days[Int(parts.tm_wday)] + ", "
        append(Int(parts.tm_mday), width: 2, to: &text)
        text += " " + months[Int(parts.tm_mon)] + " "
        append(Int(parts.tm_year) + 1900, width: 4, to: &text)
        text += " "
        appendTime(parts, to: &text)
        text += " +0000"
        return text
    }

    private static func brokenDown(_ seconds: Int64) -> tm {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return parts
    }

    /// `HH:MM:SS`.
    private static func appendTime(_ parts: tm, to text: inout String) {
        append(Int(parts.tm_hour), width: 2, to: &text)
        text += ":"
        append(Int(parts.tm_min), width: 2, to: &text)
        text += ":"
        append(Int(parts.tm_sec), width: 2, to: &text)
    }

    /// `value` in decimal, zero-padded to `width` digits.
    private static func append(_ value: Int, width: Int, to text: inout String) {
        let digits = String(value)
        if digits.utf8.count < width {
            text += String(repeating: "0", count: width - digits.utf8.count)
        }
        text += digits
    }
}
