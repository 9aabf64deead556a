import HeraldCore

extension JSONValue {
    /// The string member `key` of this object: nil when it is absent or null, and a problem (`<field>.<key> … is not
    /// of type string`) when it is something else.
    func optionalString(_ key: String, in field: String, problems: inout [String]) -> String? {
        switch self[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        case let other?:
            problems.append(ValidationMessage.notOfType(ValidationMessage.path(field, key), other, "string"))
            return nil
        }
    }

    /// The string member `key` of this object, with a problem when it is absent or null.
    func requiredString(_ key: String, in field: String, problems: inout [String]) -> String? {
        if self[key]?.isNull ?? true {
            problems.append("\(ValidationMessage.path(field, key)) is a required property")
        }
        return optionalString(key, in: field, problems: &problems)
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

    /// The items of the array `key` of a bulk request's body, each made by `make` from its JSON and its field name
    /// (`members[3]`); a validation error when the array is missing, longer than `maximum`, the body has other
    /// members, or any item is invalid (listing the first 100 problems).
    func bulkItems<Item>(
        _ key: String, maximum: Int, _ make: (JSONValue, String, inout [String]) -> Item?
    ) throws(NotifyError) -> [Item] {
        guard let items = self[key]?.arrayValue else {
            throw .validation([self[key].map { ValidationMessage.notOfType(key, $0, "array") } ?? "\(key) is a required property"])
        }
        guard items.count <= maximum else {
            throw .validation(["\(key) has \(items.count) items: at most \(maximum) may be sent in one call"])
        }
        var problems: [String] = []
        rejectMembers(otherThan: [key], in: "", problems: &problems)
        let made = items.enumerated().compactMap { index, item in make(item, "\(key)[\(index)]", &problems) }
        guard problems.isEmpty else { throw .validation(Array(problems.prefix(100))) }
        return made
    }
}
