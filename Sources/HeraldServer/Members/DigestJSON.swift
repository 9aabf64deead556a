import HeraldCore

/// A member's digest on the wire: `{"frequency": "daily" | "weekly" | "off", "hour": 0…23, "weekday": "monday"…}`;
/// `hour` defaults to 8 and `weekday` to Monday.
enum DigestJSON {
    static let fields: Set = ["frequency", "hour", "weekday"]

    /// The schedule a body asks for, nil for `"off"`, or a validation error listing every problem.
    static func schedule(_ body: JSONValue) throws(NotifyError) -> DigestSchedule? {
        var problems: [String] = []
        body.rejectMembers(otherThan: fields, in: "", problems: &problems)
        let frequencyText = body.requiredString("frequency", in: "", problems: &problems)
        let frequency = frequencyText.flatMap(DigestSchedule.Frequency.init(rawValue:))
        if let frequencyText, frequency == nil, frequencyText != "off" {
            problems.append("frequency \(frequencyText) is not one of [daily, weekly, off]")
        }
        var hour = 8
        switch body["hour"] {
        case nil, .null?: break
        case .int(let value)? where (0...23).contains(value): hour = value
        case let other?: problems.append("hour \(String(decoding: other.encoded(), as: UTF8.self)) is not an hour of the day (0 to 23)")
        }
        var weekday = 1
        if let text = body.optionalString("weekday", in: "", problems: &problems) {
            if let index = DigestSchedule.weekdays.firstIndex(of: text.lowercased()) {
                weekday = index + 1
            } else {
                problems.append("weekday \(text) is not one of [\(DigestSchedule.weekdays.joined(separator: ", "))]")
            }
        }
        guard problems.isEmpty else { throw .validation(problems) }
        return frequency.map { DigestSchedule(frequency: $0, hour: hour, weekday: weekday) }
    }

    static func json(_ schedule: DigestSchedule?) -> JSONValue {
        guard let schedule else { return ["frequency": "off"] }
        return [
            "frequency": .string(schedule.frequency.rawValue), "hour": .int(schedule.hour),
            "weekday": .string(DigestSchedule.weekdays[schedule.weekday - 1]),
        ]
    }
}
