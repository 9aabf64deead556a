import Foundation
import HeraldCore

extension InboxChange {
    /// The longest payload sent with `pg_notify` (PostgreSQL's limit is 8,000 bytes): a change naming more members
    /// than fit is sent for every member of the service.
    static let maximumPayloadLength = 7_000

    /// The change as a `pg_notify` payload: `{"service_id": …, "member_ids": […], "added_since": µs}`.
    var payload: String {
        var fields: [(String, JSONValue)] = [("service_id", .optional(serviceId?.storageString))]
        if let addedSince {
            fields.append(("added_since", .int(Int(addedSince.microsecondsSinceEpoch))))
        }
        let everyMember = String(decoding: JSONValue.object(fields).encoded(), as: UTF8.self)
        guard let memberIds else { return everyMember }
        let named = String(decoding: JSONValue.object(fields + [("member_ids", .strings(memberIds.sorted()))]).encoded(), as: UTF8.self)
        return named.utf8.count <= Self.maximumPayloadLength ? named : everyMember
    }

    /// The change a payload describes; nil when it is not one.
    init?(payload: String) {
        guard let value = try? JSONValue(parsing: Array(payload.utf8)), case .object = value else { return nil }
        serviceId = value["service_id"]?.stringValue.flatMap(UUID.init(storageString:))
        memberIds = value["member_ids"]?.arrayValue.map { Set($0.compactMap(\.stringValue)) }
        if case .int(let micros)? = value["added_since"] {
            addedSince = Date(microsecondsSinceEpoch: Int64(micros))
        } else {
            addedSince = nil
        }
    }
}
