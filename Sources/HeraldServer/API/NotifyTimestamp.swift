import Foundation

/// Notify's wire format for times: UTC with microseconds, `2024-05-01T12:00:00.123456Z`.
public enum NotifyTimestamp {
    public static func string(_ date: Date) -> String {
        let micros = date.timeIntervalSince1970 * 1_000_000
        let wholeSeconds = Int64((micros / 1_000_000).rounded(.down))
        let fraction = Int64(micros.rounded()) - wholeSeconds * 1_000_000
        var time = time_t(wholeSeconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%06ldZ",
            Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), fraction
        )
    }

    public static func optional(_ date: Date?) -> JSONValue {
        date.map { .string(string($0)) } ?? .null
    }
}
