import HeraldCore
import HTTPTypes
import Hummingbird
import NIOCore

/// A JSON response with a status code.
public struct JSONResponse: ResponseGenerator {
    public var status: HTTPResponse.Status
    public var body: JSONValue

    public init(_ status: HTTPResponse.Status = .ok, _ body: JSONValue) {
        self.status = status
        self.body = body
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: body.encoded())))
    }
}
