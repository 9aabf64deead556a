import Foundation
import HeraldCore
import HTTPTypes
import Hummingbird

extension HTTPField.Name {
    /// Who is reading, as the calling platform knows them (a member or user id).
    static let heraldViewer = Self("Herald-Viewer")!
    /// The reader's roles as the calling platform asserts them, comma-separated (`club-123-admins, email-admin`).
    static let heraldViewerRoles = Self("Herald-Viewer-Roles")!
}

extension Request {
    /// The viewer the platform asserts in `Herald-Viewer` and `Herald-Viewer-Roles` (every such header line counts;
    /// no roles header means no roles); 400 when `Herald-Viewer` is missing or empty.
    func emailViewer() throws(NotifyError) -> EmailViewer {
        let id = headers[.heraldViewer]?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !id.isEmpty, id.utf8.count <= ReadRole.maximumLength else {
            throw .badRequest("Herald-Viewer header is required: the id of the member or user reading, 1 to \(ReadRole.maximumLength) characters")
        }
        let roles = headers[values: .heraldViewerRoles]
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return EmailViewer(id: id, roles: Set(roles))
    }
}

extension HeraldRequestContext {
    /// The `{batch_id}` of the route, percent-decoded.
    func batchId() throws(NotifyError) -> String {
        let id = parameters.get("batch_id")?.removingPercentEncoding ?? ""
        if let problem = ReadRole.batchIdProblem(id) { throw .validation(["batch_id \(problem)"]) }
        return id
    }
}
