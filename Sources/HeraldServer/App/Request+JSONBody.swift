import HeraldCore
import Hummingbird
import NIOCore

extension Request {
    /// The body as a JSON object, read with Herald's parser; Notify's errors when it is larger than `limit` bytes or
    /// is not a JSON object.
    mutating func jsonObjectBody(upTo limit: Int) async throws -> JSONValue {
        let body: ByteBuffer
        do {
            body = try await collectBody(upTo: limit)
        } catch {
            throw NotifyError(.contentTooLarge, "BadRequestError", "Request body is larger than \(limit) bytes")
        }
        let object = body.withUnsafeReadableBytes { bytes in try? JSONValue(parsing: bytes) }
        guard let object, case .object = object else { throw NotifyError.invalidJSON }
        return object
    }
}

/// Notify's validation messages (jsonschema's, with quotes removed).
enum ValidationMessage {
    /// `"<field> <value> is not of type <type>"`, the value as Python's `repr` without quotes.
    static func notOfType(_ field: String, _ value: JSONValue, _ type: String) -> String {
        "\(field) \(PythonText.repr(value).filter { $0 != "'" }) is not of type \(type)"
    }
}
