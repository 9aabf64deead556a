import Foundation
import HeraldTestSupport
import Testing

extension SharedFixtures {
    /// The file's JSON object, changed by `change` and serialised again.
    static func modified(_ path: String, _ change: (inout [String: Any]) -> Void) throws -> Data {
        var object = try #require(try JSONSerialization.jsonObject(with: data(path)) as? [String: Any])
        change(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }
}

extension [String: Any] {
    /// Sets, or with `nil` removes, the value at a dotted path such as "mail.messageId".
    mutating func set(_ path: String, _ value: Any?) {
        guard let dot = path.firstIndex(of: ".") else {
            self[path] = value
            return
        }
        let key = String(path[..<dot])
        var child = self[key] as? [String: Any] ?? [:]
        child.set(String(path[path.index(after: dot)...]), value)
        self[key] = child
    }
}
