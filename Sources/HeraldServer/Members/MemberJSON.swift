import Foundation
import HeraldCore

/// Members on the wire: one member of a `PUT /herald/v1/members` body, validated field by field, and a member as the
/// API shows it.
///
/// `{"member_id": "123", "name": "Ada", "email_address": "ada@example.org", "phone_number": "07700 900001",
/// "time_zone": "Europe/London", "active": true}`: only `member_id` is required; `active` defaults to true.
enum MemberJSON {
    static let fields: Set = ["member_id", "name", "email_address", "phone_number", "time_zone", "active"]

    /// The member `value` describes, or nil after adding every problem with it to `problems`, each message starting
    /// with `field` (`members[3]`).
    static func member(
        _ value: JSONValue, field: String, serviceId: UUID, now: Date, homeCountryCode: String, problems: inout [String]
    ) -> Member? {
        guard case .object = value else {
            problems.append(ValidationMessage.notOfType(field, value, "object"))
            return nil
        }
        let before = problems.count
        value.rejectMembers(otherThan: fields, in: field, problems: &problems)
        let id = memberId(of: value, in: field, problems: &problems)
        var email: String?
        if let text = value.optionalString("email_address", in: field, problems: &problems) {
            email = try? EmailAddress(validating: text).value
            if email == nil { problems.append("\(field).email_address Not a valid email address") }
        }
        var phone: String?
        if let text = value.optionalString("phone_number", in: field, problems: &problems) {
            do {
                phone = try PhoneNumber(validating: text, homeCountryCode: homeCountryCode).e164
            } catch {
                problems.append("\(field).phone_number \(error.reason.rawValue)")
            }
        }
        let timeZone = value.optionalString("time_zone", in: field, problems: &problems)
        if let timeZone, TimeZone(identifier: timeZone) == nil {
            problems.append("\(field).time_zone \(timeZone) is not a known time zone (an IANA name such as Europe/London)")
        }
        var active = true
        switch value["active"] {
        case nil: break
        case .bool(let flag): active = flag
        case let other?: problems.append(ValidationMessage.notOfType("\(field).active", other, "boolean"))
        }
        let name = value.optionalString("name", in: field, problems: &problems)
        guard problems.count == before, let id else { return nil }
        return Member(serviceId: serviceId, id: id, name: name, email: email, phone: phone, timeZone: timeZone, active: active, createdAt: now)
    }

    /// The `member_id` of an object: required, 1 to 255 bytes.
    static func memberId(of value: JSONValue, in field: String, problems: inout [String]) -> String? {
        let id = value.requiredString("member_id", in: field, problems: &problems)
        if let id, id.isEmpty || id.utf8.count > Member.maximumIdLength {
            problems.append("\(ValidationMessage.path(field, "member_id")) must be 1 to \(Member.maximumIdLength) characters long")
        }
        return id
    }

    /// A member as the API shows it.
    static func json(_ member: Member) -> JSONValue {
        [
            "member_id": .string(member.id), "name": .optional(member.name), "email_address": .optional(member.email),
            "phone_number": .optional(member.phone), "time_zone": .optional(member.timeZone), "active": .bool(member.active),
            "created_at": .string(NotifyTimestamp.string(member.createdAt)), "updated_at": .string(NotifyTimestamp.string(member.updatedAt)),
        ]
    }
}
