import Foundation

/// An email ready to be written as RFC 5322 bytes.
///
/// ```swift
/// let message = MailMessage(
///     from: MailAddress("notify@herald.local", displayName: "Herald"),
///     to: [MailAddress("zoe@example.com")],
///     subject: "Your appointment",
///     textBody: "See you on Monday.",
///     messageID: "\(UUID())@herald.local",
///     extraHeaders: [MailHeader("X-Herald-Notification-Id", id)]
/// )
/// try message.rendered().write(to: url, atomically: true, encoding: .utf8)   // an .eml file
/// ```
public struct MailMessage: Sendable, Hashable {
    public var from: MailAddress
    /// Recipients; the `To` header is left out when empty.
    public var to: [MailAddress]
    public var replyTo: MailAddress?
    public var subject: String
    public var textBody: String
    /// When set: multipart/alternative with text first.
    public var htmlBody: String?
    /// Without angle brackets, e.g. "<uuid>@herald.local" minus brackets.
    public var messageID: String
    public var date: Date
    /// Written after the standard headers, in order, e.g. `X-Herald-Notification-Id`.
    public var extraHeaders: [MailHeader]

    public init(
        from: MailAddress,
        to: [MailAddress],
        replyTo: MailAddress? = nil,
        subject: String,
        textBody: String,
        htmlBody: String? = nil,
        messageID: String,
        date: Date = Date(),
        extraHeaders: [MailHeader] = []
    ) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.messageID = messageID
        self.date = date
        self.extraHeaders = extraHeaders
    }

    /// The message as RFC 5322 text: CRLF line endings, header lines folded at whitespace within 78
    /// characters, non-ASCII display names and subjects as RFC 2047 encoded-words (`=?UTF-8?B?…?=`, each
    /// at most 75 characters), the Date in RFC 5322 format, MIME-Version 1.0, bodies quoted-printable UTF-8
    /// with lines of at most 76 characters, each ending with a line break, and a fresh multipart boundary
    /// on every call. The output is ASCII throughout.
    public func rendered() -> String {
        body.rendered(after: headerFields)
    }

    private var headerFields: [HeaderField] {
        var fields = [
            HeaderField("Date", RFC5322Date.string(from: date)),
            HeaderField("From", from.headerValue),
        ]
        if let replyTo {
            fields.append(HeaderField("Reply-To", replyTo.headerValue))
        }
        if !to.isEmpty {
            fields.append(HeaderField("To", to.map(\.headerValue).joined(separator: ", ")))
        }
        fields.append(HeaderField("Message-ID", "<\(messageID)>"))
        fields.append(.unstructured("Subject", subject))
        fields.append(HeaderField("MIME-Version", "1.0"))
        return fields + extraHeaders.map { .unstructured($0.name, $0.value) }
    }

    private var body: MIMEPart {
        let text = MIMEPart.text(subtype: "plain", content: textBody)
        guard let htmlBody else { return text }
        return .multipart(
            subtype: "alternative",
            boundary: MIMEPart.newBoundary(),
            parts: [text, .text(subtype: "html", content: htmlBody)]
        )
    }
}
