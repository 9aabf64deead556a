import HeraldCore

extension JSONValue {
    /// The string member `key` of this object: nil when it is absent or null, and a problem (`<field>.<key> … is not
    /// of type string`) when it is something else.
    func optionalString(_ key: String, in field: String, problems: inout [String]) -> String? {
        switch self[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        case let other?:
            problems.append(ValidationMessage.notOfType(field.isEmpty ? key : "\(field).\(key)", other, "string"))
            return nil
        }
    }

    /// Adds a problem naming this object's members that are not in `allowed` (Notify's `additionalProperties: false`).
    func rejectMembers(otherThan allowed: Set<String>, in field: String, problems: inout [String]) {
        guard case .object(let members) = self else { return }
        let unexpected = Set(members.map(\.0)).subtracting(allowed).sorted()
        if !unexpected.isEmpty {
            let prefix = field.isEmpty ? "" : "\(field) "
            problems.append("\(prefix)Additional properties are not allowed (\(unexpected.joined(separator: ", ")) \(unexpected.count == 1 ? "was" : "were") unexpected)")
        }
    }
}
