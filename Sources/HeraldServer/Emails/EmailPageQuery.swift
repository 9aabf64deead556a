import Foundation
import HeraldCore

/// The query of `GET /herald/v1/batches/{batch_id}/emails`: `older_than` (the last email id of the previous page)
/// and `page_size` (1 to 1,000; 250 unless given).
struct EmailPageQuery {
    var olderThan: UUID?
    var pageSize = PageSize.standard

    init(_ parameters: [(key: String, value: String)]) throws(NotifyError) {
        var problems: [String] = []
        for (key, value) in parameters {
            switch key {
            case "older_than":
                olderThan = UUID(uuidString: value)
                if olderThan == nil { problems.append("older_than is not a valid UUID") }
            case "page_size": pageSize = PageSize.parse(value, problems: &problems) ?? pageSize
            default: problems.append("Additional properties are not allowed (\(key) was unexpected)")
            }
        }
        if !problems.isEmpty { throw .validation(problems) }
    }

    /// The query string of the page after the email `id`.
    func next(after id: UUID) -> String {
        "older_than=\(id.storageString)&page_size=\(pageSize)"
    }
}
