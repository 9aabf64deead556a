import Foundation

/// A file sent with a message: a base64 part of `multipart/mixed` with `Content-Disposition: attachment`.
///
/// ```swift
/// MailAttachment(filename: "Zoë’s receipt.pdf", contentType: "application/pdf", data: pdf)
/// // Content-Disposition: attachment; filename*=utf-8''Zo%C3%AB%E2%80%99s%20receipt.pdf
/// ```
public struct MailAttachment: Sendable, Hashable {
    /// The name offered when the file is saved; any Unicode text (written with RFC 2231 when not plain ASCII).
    public var filename: String
    /// `type/subtype`, e.g. `application/pdf`; anything that is not a valid media type is sent as
    /// `application/octet-stream`.
    public var contentType: String
    public var data: [UInt8]

    public init(filename: String, contentType: String = "application/octet-stream", data: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
    }

    /// RFC 2045 `token` characters.
    private static let tokenCharacters = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`{|}~".unicodeScalars
    )

    /// The media type if it is `token/token`, else `application/octet-stream`.
    var mediaType: String {
        let parts = contentType.split(separator: "/", omittingEmptySubsequences: false)
        let valid = parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy(Self.tokenCharacters.contains) }
        return valid ? contentType.lowercased() : "application/octet-stream"
    }

    /// `filename="…"` for printable ASCII names, else RFC 2231 `filename*=utf-8''…` percent-encoded.
    var filenameParameter: String {
        let plain = filename.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) && $0 != "\"" && $0 != "\\" }
        if plain, filename.utf8.count <= 60 {
            return "filename=\"\(filename)\""
        }
        let encoded = filename.utf8.map { byte in
            Self.tokenCharacters.contains(Unicode.Scalar(byte)) && byte != UInt8(ascii: "%") && byte != UInt8(ascii: "'")
                && byte != UInt8(ascii: "*")
                ? String(Unicode.Scalar(byte)) : "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
        }
        return "filename*=utf-8''" + encoded.joined()
    }

    /// The data in base64, lines of 76 characters each ending with CRLF (RFC 2045 §6.8).
    var base64Body: String {
        let encoded = Array(Data(data).base64EncodedString().utf8)
        return stride(from: 0, to: encoded.count, by: 76).map { start in
            String(decoding: encoded[start..<min(start + 76, encoded.count)], as: UTF8.self) + "\r\n"
        }.joined()
    }
}
