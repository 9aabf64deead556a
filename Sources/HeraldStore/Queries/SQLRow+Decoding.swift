import Foundation
import HeraldCore
import SQLKit

extension SQLRow {
    /// A UUID stored as text; ``CorruptRow`` when the text is not one.
    func decodeUUID(column: String) throws -> UUID {
        let text = try decode(column: column, as: String.self)
        guard let id = UUID(storageString: text) else { throw CorruptRow(column: column, value: text) }
        return id
    }

    /// A timestamp stored as microseconds since the Unix epoch.
    func decodeDate(column: String) throws -> Date {
        Date(microsecondsSinceEpoch: try decode(column: column, as: Int64.self))
    }

    /// A delivery state stored as its `status` and `facts` columns; ``CorruptRow`` for an unknown status.
    func decodeLifecycle() throws -> NotificationLifecycle {
        let status = try decode(column: "status", as: String.self)
        guard let parsed = NotificationStatus(rawValue: status) else { throw CorruptRow(column: "status", value: status) }
        return NotificationLifecycle(status: parsed, facts: TrackingFacts(rawValue: try decode(column: "facts", as: Int.self)))
    }
}
