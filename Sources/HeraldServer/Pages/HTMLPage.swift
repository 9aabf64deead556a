import HTTPTypes
import Hummingbird
import NIOCore

/// The small HTML pages Herald shows people who follow a link from an email: one accessible layout. Callers escape
/// what they put in (`String.htmlEscaped`).
enum HTMLPage {
    static func response(_ status: HTTPResponse.Status, title: String, body: String) -> Response {
        let page = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">\
            <title>\(title)</title></head><body><main><h1>\(title)</h1>\(body)</main></body></html>
            """
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page)))
    }
}
