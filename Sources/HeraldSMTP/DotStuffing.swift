import NIOCore

/// SMTP transparency (RFC 5321 §4.5.2): message data with a `.` doubled at the start of every line, line
/// endings made CRLF (a lone LF or CR becomes CRLF), a final line break added when missing, and the
/// `.` CRLF that ends the data.
enum DotStuffing {
    static func encode(_ message: [UInt8]) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(message.count + message.count / 64 + 5)
        var atLineStart = true
        var index = 0
        while index < message.count {
            let byte = message[index]
            switch byte {
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                buffer.writeStaticString("\r\n")
                let isCRLF = byte == UInt8(ascii: "\r") && index + 1 < message.count && message[index + 1] == UInt8(ascii: "\n")
                index += isCRLF ? 2 : 1
                atLineStart = true
                continue
            case UInt8(ascii: ".") where atLineStart:
                buffer.writeStaticString("..")
            default:
                buffer.writeInteger(byte)
            }
            atLineStart = false
            index += 1
        }
        if !atLineStart {
            buffer.writeStaticString("\r\n")
        }
        buffer.writeStaticString(".\r\n")
        return buffer
    }
}
