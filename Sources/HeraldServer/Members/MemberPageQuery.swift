import Foundation

/// The query of `GET /herald/v1/members`: `after` (the last member id of the previous page) and `page_size`
/// (1 to 1,000; 250 unless given).
struct MemberPageQuery {
    var after: String?
    var pageSize = PageSize.standard

    init(_ parameters: [(key: String, value: String)]) throws(NotifyError) {
        var problems: [String] = []
        for (key, value) in parameters {
            switch key {
            case "after": after = value
            case "page_size": pageSize = PageSize.parse(value, problems: &problems) ?? pageSize
            default: problems.append("Additional properties are not allowed (\(key) was unexpected)")
            }
        }
        if !problems.isEmpty { throw .validation(problems) }
    }

    /// The query string of the page after the member `id`.
    func next(after id: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+#")
        return "after=\(id.addingPercentEncoding(withAllowedCharacters: allowed) ?? id)&page_size=\(pageSize)"
    }
}
