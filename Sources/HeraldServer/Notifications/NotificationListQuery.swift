import Foundation
import HeraldCore
import HeraldStore
import Hummingbird

/// The query of `GET /v2/notifications`, validated as Notify does (`additionalProperties: false`).
struct NotificationListQuery {
    var statuses: [NotificationStatus] = []
    var channels: [Channel] = []
    var reference: String?
    var olderThan: UUID?
    var includeJobs = false

    /// Notify's public status names and the stored statuses each one selects.
    static let statusFilters: [String: [NotificationStatus]] = {
        var filters = Dictionary(uniqueKeysWithValues: NotificationStatus.allCases.map { ($0.rawValue, [$0]) })
        filters["failed"] = [.permanentFailure, .temporaryFailure, .technicalFailure, .validationFailed]
        filters["accepted"] = [.created, .sending]
        filters["received"] = [.delivered]
        return filters
    }()

    init(_ parameters: [(key: String, value: String)]) throws(NotifyError) {
        var problems: [String] = []
        let allowed: Set = ["status", "template_type", "reference", "older_than", "include_jobs"]
        let unexpected = Set(parameters.map(\.key)).subtracting(allowed).sorted()
        if !unexpected.isEmpty {
            problems.append("Additional properties are not allowed (\(unexpected.joined(separator: ", ")) \(unexpected.count == 1 ? "was" : "were") unexpected)")
        }
        for (key, value) in parameters {
            switch key {
            case "status":
                if let statuses = Self.statusFilters[value] {
                    self.statuses += statuses
                } else {
                    problems.append("status \(value) is not one of [\(Self.statusFilters.keys.sorted().joined(separator: ", "))]")
                }
            case "template_type":
                if let channel = Channel(rawValue: value) {
                    channels.append(channel)
                } else {
                    problems.append("template_type \(value) is not one of [email, letter, sms]")
                }
            case "reference": reference = value
            case "older_than":
                olderThan = UUID(uuidString: value)
                if olderThan == nil { problems.append("older_than is not a valid UUID") }
            case "include_jobs": includeJobs = value.lowercased() == "true"
            default: break
            }
        }
        if !problems.isEmpty { throw .validation(problems) }
    }
}
