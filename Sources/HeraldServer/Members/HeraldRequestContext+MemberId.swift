import Foundation
import HeraldCore
import Hummingbird

extension HeraldRequestContext {
    /// The `{member_id}` of the route, percent-decoded (a platform's ids may hold any character).
    func memberId() throws(NotifyError) -> String {
        guard let id = parameters.get("member_id")?.removingPercentEncoding, !id.isEmpty, id.utf8.count <= Member.maximumIdLength else {
            throw .validation(["member_id must be 1 to \(Member.maximumIdLength) characters long"])
        }
        return id
    }
}
