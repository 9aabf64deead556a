import NIOCore

/// Splits the server's byte stream into replies: lines `250-…` continue a reply, `250 …` (or a bare `250`)
/// ends it (RFC 5321 §4.2.1). Lines end with CRLF; a lone LF is accepted too.
struct SMTPReplyDecoder: NIOSingleStepByteToMessageDecoder {
    typealias InboundOut = SMTPReply

    /// RFC 5321 allows 512 octets per reply line; servers that write more are still read up to this.
    static let maximumLineLength = 8192

    private var code: Int?
    private var lines: [String] = []

    mutating func decode(buffer: inout ByteBuffer) throws -> SMTPReply? {
        while let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
            var bytes = buffer.readBytes(length: newline - buffer.readerIndex + 1)!.dropLast()
            if bytes.last == UInt8(ascii: "\r") {
                bytes = bytes.dropLast()
            }
            if let reply = try receive(line: bytes) {
                return reply
            }
        }
        guard buffer.readableBytes <= Self.maximumLineLength else {
            throw SMTPError.protocolViolation("a reply line longer than \(Self.maximumLineLength) bytes")
        }
        return nil
    }

    mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> SMTPReply? {
        try decode(buffer: &buffer)
    }

    /// Adds one line; returns the reply when the line ends it.
    private mutating func receive(line: ArraySlice<UInt8>) throws -> SMTPReply? {
        let text = String(decoding: line, as: UTF8.self)
        guard line.count >= 3, line.prefix(3).allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let code = Int(String(decoding: line.prefix(3), as: UTF8.self)), (200...599).contains(code)
        else { throw SMTPError.protocolViolation("not an SMTP reply line: \(text.prefix(80))") }
        if let current = self.code, current != code {
            throw SMTPError.protocolViolation("reply lines with different codes: \(current) then \(code)")
        }
        let separator = line.dropFirst(3).first
        guard separator == nil || separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
            throw SMTPError.protocolViolation("not an SMTP reply line: \(text.prefix(80))")
        }
        lines.append(String(decoding: line.dropFirst(4), as: UTF8.self))
        guard separator != UInt8(ascii: "-") else {
            self.code = code
            return nil
        }
        let reply = SMTPReply(code: code, lines: lines)
        self.code = nil
        lines = []
        return reply
    }
}
