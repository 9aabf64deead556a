import Foundation
import HeraldCore
import HTTPTypes
import Hummingbird
import NIOCore

/// An error a client can see, in GOV.UK Notify's v2 format:
/// `{"status_code": 400, "errors": [{"error": "BadRequestError", "message": "…"}]}`.
public struct NotifyError: Error, Sendable, Equatable, HTTPResponseError {
    /// One entry of the `errors` list.
    public struct Entry: Sendable, Equatable {
        public var error: String
        public var message: String
    }

    public var status: HTTPResponse.Status
    public var entries: [Entry]

    public init(_ status: HTTPResponse.Status, _ errorClass: String, _ message: String) {
        self.status = status
        self.entries = [Entry(error: errorClass, message: message)]
    }

    /// Several validation failures at once (400 `ValidationError`), duplicates removed, order kept.
    public static func validation(_ messages: [String]) -> NotifyError {
        var seen = Set<String>()
        var error = NotifyError(.badRequest, "ValidationError", "")
        error.entries = messages.filter { seen.insert($0).inserted }.map { Entry(error: "ValidationError", message: $0) }
        return error
    }

    public static func badRequest(_ message: String) -> NotifyError { NotifyError(.badRequest, "BadRequestError", message) }
    public static func auth(_ status: HTTPResponse.Status = .forbidden, _ message: String) -> NotifyError { NotifyError(status, "AuthError", message) }
    /// Herald's 403 for an authenticated request that asks for something its viewer may not see (`AuthError` stays
    /// reserved for problems with the API key).
    public static func forbidden(_ message: String) -> NotifyError { NotifyError(.forbidden, "ForbiddenError", message) }
    public static let noResult = NotifyError(.notFound, "NoResultFound", "No result found")
    public static let invalidJSON = badRequest("Invalid JSON supplied in POST data")

    /// The first message, for command-line use.
    public var message: String { entries.first?.message ?? "" }

    public var json: JSONValue {
        ["status_code": .int(Int(status.code)), "errors": .array(entries.map { ["error": .string($0.error), "message": .string($0.message)] })]
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: json.encoded())))
    }
}
