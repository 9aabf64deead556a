import HeraldCore

/// Herald's additions to a send: `batch_id` puts the notification in the caller's batch, and `batch_readers`
/// (role names, e.g. `["club-123-admins"]`) grants those role groups read access to the batch. Grants add up: a later
/// send in the same batch with more roles adds them.
public struct BatchGrant: Sendable, Hashable {
    /// The most roles one request may grant.
    static let maximumReaders = 100

    public var batchId: String
    public var readers: [String]

    public init(batchId: String, readers: [String] = []) {
        self.batchId = batchId
        self.readers = readers
    }

    /// The batch fields of a send's body, or nil when it has none; every problem with them is added to `problems`.
    static func parse(_ object: JSONValue, problems: inout [String]) -> BatchGrant? {
        var batchId: String?
        switch object["batch_id"] {
        case nil, .null?: break
        case .string(let text)?:
            if let problem = ReadRole.batchIdProblem(text) { problems.append("batch_id \(problem)") } else { batchId = text }
        case let other?: problems.append(ValidationMessage.notOfType("batch_id", other, "string"))
        }
        let readers = object["batch_readers"].map { roles($0, field: "batch_readers", problems: &problems) } ?? []
        if !readers.isEmpty, object["batch_id"]?.isNull ?? true {
            problems.append("batch_readers needs a batch_id")
        }
        return batchId.map { BatchGrant(batchId: $0, readers: readers) }
    }

    /// The role names of a JSON array (null is none), or an empty list after adding every problem to `problems`.
    static func roles(_ value: JSONValue, field: String, problems: inout [String]) -> [String] {
        switch value {
        case .null: return []
        case .array(let items):
            guard items.count <= maximumReaders else {
                problems.append("\(field) has \(items.count) items: at most \(maximumReaders) may be granted at once")
                return []
            }
            let before = problems.count
            let roles = items.enumerated().compactMap { index, item -> String? in
                guard case .string(let role) = item else {
                    problems.append(ValidationMessage.notOfType("\(field)[\(index)]", item, "string"))
                    return nil
                }
                if let problem = ReadRole.roleProblem(role) {
                    problems.append("\(field)[\(index)] \(problem)")
                    return nil
                }
                return role
            }
            return problems.count == before ? roles : []
        default:
            problems.append(ValidationMessage.notOfType(field, value, "array"))
            return []
        }
    }
}
