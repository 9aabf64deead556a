import Foundation

extension AWSClient {
    /// `value` as JSON, for a request body.
    static func encode(_ value: some Encodable) throws(AWSError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(value)
        } catch {
            throw AWSError(statusCode: nil, code: "InvalidRequest", message: "cannot encode request: \(error)")
        }
    }

    /// A successful answer's JSON body as `T`; a body that does not fit is an `InvalidResponse` error.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, operation: String) throws(AWSError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw .invalidResponse(operation, "\(error)")
        }
    }
}
