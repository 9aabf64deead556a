/// What a server offers in its EHLO reply (RFC 5321 §4.1.1.1): one keyword per line after the greeting line,
/// e.g. `STARTTLS`, `AUTH PLAIN LOGIN`, `SMTPUTF8`, `SIZE 35882577`.
public struct SMTPCapabilities: Sendable, Hashable {
    /// Keywords, uppercased, with their parameters.
    public var keywords: [String: [String]]

    /// Nothing: a server that only answered HELO.
    public init() {
        keywords = [:]
    }

    /// The capabilities in an EHLO reply; the first line is the server's greeting and is skipped.
    public init(ehlo reply: SMTPReply) {
        var keywords: [String: [String]] = [:]
        for line in reply.lines.dropFirst() {
            let words = line.split(separator: " ").map(String.init)
            guard let keyword = words.first?.uppercased() else { continue }
            keywords[keyword] = Array(words.dropFirst())
        }
        self.keywords = keywords
    }

    public var startTLS: Bool { keywords["STARTTLS"] != nil }
    public var smtpUTF8: Bool { keywords["SMTPUTF8"] != nil }
    public var eightBitMIME: Bool { keywords["8BITMIME"] != nil }
    /// The SASL mechanisms after `AUTH`, uppercased.
    public var authMechanisms: Set<String> { Set((keywords["AUTH"] ?? []).map { $0.uppercased() }) }
}
