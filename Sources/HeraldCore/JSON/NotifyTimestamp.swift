import Foundation

/// Notify's wire format for times: UTC with microseconds, `2024-05-01T12:00:00.123456Z`.
public enum NotifyTimestamp {
    public static func string(_ date: Date) -> String {
        UTCTimestamp.string(date, fractionDigits: 6)
    }

    public static func optional(_ date: Date?) -> JSONValue {
        date.map { .string(string($0)) } ?? .null
    }
}
