extension MailboxSimulator {
    /// One SES event-publishing record, with the same field names and nesting as SES's.
    /// Exactly one of the type-specific objects is set; `nil` ones are left out of the JSON.
    struct Record: Encodable {
        var eventType: String
        var mail: Mail
        var send: Send?
        var delivery: Delivery?
        var bounce: Bounce?
        var complaint: Complaint?
    }

    /// SES's `mail` object.
    struct Mail: Encodable {
        var timestamp: String
        var source: String
        var sourceArn: String
        var sendingAccountId: String
        var messageId: String
        var destination: [String]
        var headersTruncated: Bool
        var headers: [Header]
        var commonHeaders: CommonHeaders
        var tags: [String: [String]]
    }

    /// One entry of `mail.headers`.
    struct Header: Encodable {
        var name: String
        var value: String
    }

    /// SES's `mail.commonHeaders`.
    struct CommonHeaders: Encodable {
        var from: [String]
        var date: String
        var to: [String]
        var messageId: String
        var subject: String
    }

    /// SES's `send` object, which is always empty.
    struct Send: Encodable {}

    /// SES's `delivery` object.
    struct Delivery: Encodable {
        var timestamp: String
        var processingTimeMillis: Int
        var recipients: [String]
        var smtpResponse: String
        var reportingMTA: String
        var remoteMtaIp: String
    }

    /// SES's `bounce` object.
    struct Bounce: Encodable {
        var bounceType: String
        var bounceSubType: String
        var bouncedRecipients: [BouncedRecipient]
        var timestamp: String
        var feedbackId: String
        var reportingMTA: String
        var remoteMtaIp: String?
    }

    /// One entry of `bounce.bouncedRecipients`.
    struct BouncedRecipient: Encodable {
        var emailAddress: String
        var action: String
        var status: String
        var diagnosticCode: String
    }

    /// SES's `complaint` object.
    struct Complaint: Encodable {
        var feedbackId: String
        var complainedRecipients: [ComplainedRecipient]
        var timestamp: String
        var userAgent: String
        var complaintFeedbackType: String
        var arrivalDate: String
    }

    /// One entry of `complaint.complainedRecipients`.
    struct ComplainedRecipient: Encodable {
        var emailAddress: String
    }
}
