import Foundation

/// A MIME entity (RFC 2045/2046): a UTF-8 text part, an attachment, or a multipart container of parts.
indirect enum MIMEPart: Sendable {
    /// `text/<subtype>; charset=utf-8`, quoted-printable, ending with a line break.
    case text(subtype: String, content: String)
    /// A base64 file with `Content-Disposition: attachment`.
    case attachment(MailAttachment)
    /// `multipart/<subtype>` with the given boundary.
    case multipart(subtype: String, boundary: String, parts: [MIMEPart])

    /// A fresh boundary. `=_` never occurs in quoted-printable or base64 output, so the
    /// boundary cannot collide with an encoded body; the UUID keeps nested boundaries apart.
    static func newBoundary() -> String {
        "=_herald_" + UUID().uuidString.lowercased()
    }

    var headerFields: [HeaderField] {
        switch self {
        case .text(let subtype, _):
            [
                HeaderField("Content-Type", "text/\(subtype); charset=utf-8"),
                HeaderField("Content-Transfer-Encoding", "quoted-printable"),
            ]
        case .attachment(let attachment):
            [
                HeaderField("Content-Type", attachment.mediaType),
                HeaderField("Content-Transfer-Encoding", "base64"),
                HeaderField("Content-Disposition", "attachment; " + attachment.filenameParameter),
            ]
        case .multipart(let subtype, let boundary, _):
            [HeaderField("Content-Type", "multipart/\(subtype); boundary=\"\(boundary)\"")]
        }
    }

    var body: String {
        switch self {
        case .text(_, let content):
            let encoded = QuotedPrintable.encode(content)
            return encoded.isEmpty || encoded.hasSuffix("\r\n") ? encoded : encoded + "\r\n"
        case .attachment(let attachment):
            return attachment.base64Body
        case .multipart(_, let boundary, let parts):
            return parts.map { "--\(boundary)\r\n" + $0.rendered() + "\r\n" }.joined() + "--\(boundary)--\r\n"
        }
    }

    /// The entity as written: `leadingFields` (a message's own headers), this part's headers,
    /// a blank line, then the body.
    func rendered(after leadingFields: [HeaderField] = []) -> String {
        (leadingFields + headerFields).map { $0.rendered + "\r\n" }.joined() + "\r\n" + body
    }
}
