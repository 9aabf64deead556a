import Foundation
import HeraldCore

/// The query of `GET /herald/v1/members/{member_id}/inbox`: `limit` (1 to 200; 50 unless given), `older_than` (the
/// id of the last item of the previous page) and `unread` (`true` for unread items only).
struct InboxPageQuery {
    static let maximumLimit = 200

    var limit = 50
    var olderThan: UUID?
    var unreadOnly = false

    init(_ parameters: [(key: String, value: String)]) throws(NotifyError) {
        var problems: [String] = []
        for (key, value) in parameters {
            switch key {
            case "limit":
                if let limit = Int(value), (1...Self.maximumLimit).contains(limit) {
                    self.limit = limit
                } else {
                    problems.append("limit must be a whole number from 1 to \(Self.maximumLimit)")
                }
            case "older_than":
                olderThan = UUID(uuidString: value)
                if olderThan == nil { problems.append("older_than is not a valid UUID") }
            case "unread":
                switch value {
                case "true": unreadOnly = true
                case "false": unreadOnly = false
                default: problems.append("unread must be true or false")
                }
            default: problems.append("Additional properties are not allowed (\(key) was unexpected)")
            }
        }
        if !problems.isEmpty { throw .validation(problems) }
    }

    /// The query string of this page (`olderThan` nil) or of the page after the item `olderThan`.
    func query(olderThan: UUID?) -> String {
        var items = ["limit=\(limit)"]
        if unreadOnly { items.append("unread=true") }
        if let olderThan { items.append("older_than=\(olderThan.storageString)") }
        return items.joined(separator: "&")
    }
}
