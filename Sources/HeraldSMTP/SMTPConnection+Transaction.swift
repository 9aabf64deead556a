import NIOCore

extension SMTPConnection {
    /// `MAIL FROM`, with `SMTPUTF8` when `smtpUTF8Address` names an address (envelope or header) with a
    /// non-ASCII local part. Fails when the server does not offer SMTPUTF8 then, or refuses the sender.
    func mailFrom(_ envelope: SMTPEnvelope, eightBit: Bool, smtpUTF8Address: String?) async throws(SMTPError) {
        if let smtpUTF8Address, !capabilities.smtpUTF8 {
            throw .smtpUTF8Unavailable(address: smtpUTF8Address)
        }
        var line = "MAIL FROM:<\(envelope.sender)>"
        if eightBit && capabilities.eightBitMIME {
            line += " BODY=8BITMIME"
        }
        if smtpUTF8Address != nil {
            line += " SMTPUTF8"
        }
        let reply = try await command(line, label: "MAIL FROM")
        guard reply.isPositiveCompletion else { throw .rejected(command: "MAIL FROM", reply: reply) }
    }

    /// `RCPT TO` for each recipient, then the data to those accepted, then the reply after the data. When no
    /// recipient is accepted the transaction is reset and no data is sent.
    func finishTransaction(_ envelope: SMTPEnvelope, data: ByteBuffer) async throws(SMTPError) -> SMTPDeliveryResult {
        var replies: [(String, SMTPReply)] = []
        for recipient in envelope.recipients {
            replies.append((recipient, try await command("RCPT TO:<\(recipient)>", label: "RCPT TO")))
        }
        guard replies.contains(where: { $0.1.isPositiveCompletion }) else {
            try await reset()
            return SMTPDeliveryResult(recipients: replies, dataReply: nil)
        }
        let go = try await command("DATA")
        guard go.code == 354 else {
            try await reset()
            throw .rejected(command: "DATA", reply: go)
        }
        let dataReply = try await exchange(data, label: "end of data", timeout: configuration.dataTimeout)
        return SMTPDeliveryResult(recipients: replies, dataReply: dataReply)
    }

    /// `RSET`: abandons the transaction so the connection can carry the next one.
    func reset() async throws(SMTPError) {
        let reply = try await command("RSET")
        guard reply.isPositiveCompletion else { throw .rejected(command: "RSET", reply: reply) }
    }
}
