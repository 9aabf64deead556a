import Foundation
import HeraldCore

/// An email ready to be written as RFC 5322 bytes.
///
/// ```swift
/// let message = MailMessage(
///     from: MailAddress("notify@herald.local", displayName: "Herald"),
///     to: [MailAddress("zoe@bücher.example", displayName: "Zoë Ångström")],
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
    /// Copied recipients; the `Cc` header is left out when empty.
    public var cc: [MailAddress]
    public var replyTo: MailAddress?
    public var subject: String
    public var textBody: String
    /// When set: multipart/alternative with text first.
    public var htmlBody: String?
    /// When any: the body goes first in a multipart/mixed, each file after it as a base64 part.
    public var attachments: [MailAttachment]
    /// Unsubscribe links for bulk mail (`List-Unsubscribe`, `List-Unsubscribe-Post`).
    public var listUnsubscribe: ListUnsubscribe?
    /// Without angle brackets, e.g. "<uuid>@herald.local" minus brackets.
    public var messageID: String
    public var date: Date
    /// Written after the standard headers, in order, e.g. `X-Herald-Notification-Id`.
    public var extraHeaders: [MailHeader]

    public init(
        from: MailAddress,
        to: [MailAddress],
        cc: [MailAddress] = [],
        replyTo: MailAddress? = nil,
        subject: String,
        textBody: String,
        htmlBody: String? = nil,
        attachments: [MailAttachment] = [],
        listUnsubscribe: ListUnsubscribe? = nil,
        messageID: String,
        date: Date = Date(),
        extraHeaders: [MailHeader] = []
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.replyTo = replyTo
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.attachments = attachments
        self.listUnsubscribe = listUnsubscribe
        self.messageID = messageID
        self.date = date
        self.extraHeaders = extraHeaders
    }

    /// The message as RFC 5322 text: CRLF line endings, header lines folded at whitespace within 78
    /// characters (none longer than 998), non-ASCII display names and subjects as RFC 2047 encoded-words
    /// (`=?UTF-8?B?…?=`, each at most 75 characters), domains as IDNA A-labels (Punycode), the Date in RFC 5322
    /// format, MIME-Version 1.0, bodies quoted-printable UTF-8 with lines of at most 76 characters, each ending
    /// with a line break, attachments in base64, and a fresh multipart boundary on every call. The output is
    /// ASCII throughout unless an address has a non-ASCII local part (see ``addressesNeedingSMTPUTF8``).
    public func rendered() -> String {
        body.rendered(after: headerFields)
    }

    /// Every address in the headers whose local part is not 7-bit ASCII: such a message can only go to a server
    /// that offers SMTPUTF8 (RFC 6531), and is written with those local parts in UTF-8 (RFC 6532).
    public var addressesNeedingSMTPUTF8: [MailAddress] {
        ([from] + to + cc + (replyTo.map { [$0] } ?? [])).filter { !$0.hasASCIILocalPart }
    }

    private var headerFields: [HeaderField] {
        var fields = [
            HeaderField("Date", UTCTimestamp.rfc5322(date)),
            HeaderField("From", from.headerValue),
        ]
        if let replyTo {
            fields.append(HeaderField("Reply-To", replyTo.headerValue))
        }
        if !to.isEmpty {
            fields.append(HeaderField("To", to.map(\.headerValue).joined(separator: ", ")))
        }
        if !cc.isEmpty {
            fields.append(HeaderField("Cc", cc.map(\.headerValue).joined(separator: ", ")))
        }
        fields.append(HeaderField("Message-ID", "<\(messageID)>"))
        fields.append(.unstructured("Subject", subject))
        fields.append(HeaderField("MIME-Version", "1.0"))
        fields += listUnsubscribe?.headerFields ?? []
        return fields + extraHeaders.map { .unstructured($0.name, $0.value) }
    }

    private var body: MIMEPart {
        let text = MIMEPart.text(subtype: "plain", content: textBody)
        let content: MIMEPart = htmlBody.map { html in
            .multipart(subtype: "alternative", boundary: MIMEPart.newBoundary(), parts: [text, .text(subtype: "html", content: html)])
        } ?? text
        guard !attachments.isEmpty else { return content }
        return .multipart(subtype: "mixed", boundary: MIMEPart.newBoundary(), parts: [content] + attachments.map(MIMEPart.attachment))
    }
}
