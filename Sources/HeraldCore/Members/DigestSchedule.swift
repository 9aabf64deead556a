import Foundation

/// When a member who chose a digest gets it: daily or weekly, at an hour of their local day (and, weekly, on one day
/// of the week). A digest gathers the happenings that would each have been an email into one.
public struct DigestSchedule: Sendable, Hashable {
    public enum Frequency: String, Sendable, CaseIterable {
        case daily, weekly
    }

    /// The days of the week, Monday first, as the API names them.
    public static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    public var frequency: Frequency
    /// 0 to 23, in the member's time zone.
    public var hour: Int
    /// 1 (Monday) to 7 (Sunday); used by weekly digests.
    public var weekday: Int

    public init(frequency: Frequency, hour: Int = 8, weekday: Int = 1) {
        self.frequency = frequency
        self.hour = hour
        self.weekday = weekday
    }

    /// The first time after `date` that a digest is due, in `timeZone`.
    public func nextDelivery(after date: Date, in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var wanted = DateComponents(hour: hour, minute: 0, second: 0)
        if frequency == .weekly {
            wanted.weekday = weekday % 7 + 1  // Foundation counts from Sunday = 1
        }
        let days = frequency == .weekly ? 7.0 : 1.0
        return calendar.nextDate(after: date, matching: wanted, matchingPolicy: .nextTime) ?? date.addingTimeInterval(days * 86_400)
    }
}
