extension SESEventParser {
    /// The fields Herald reads from an SES record or from the SNS envelope around one. Every
    /// field is optional so that a missing one becomes a precise ``SESEventParseError``.
    struct Document: Decodable {
        var envelopeType: String?
        var envelopeMessage: String?
        var eventType: String?
        var notificationType: String?
        var mail: Mail?
        var send: Detail?
        var reject: Detail?
        var bounce: Detail?
        var complaint: Detail?
        var delivery: Detail?
        var open: Detail?
        var click: Detail?
        var failure: Detail?
        var deliveryDelay: Detail?
        var subscription: Detail?

        enum CodingKeys: String, CodingKey {
            case envelopeType = "Type"
            case envelopeMessage = "Message"
            case eventType, notificationType, mail, send, reject, bounce, complaint, delivery
            case open, click, failure, deliveryDelay, subscription
        }
    }

    /// The `mail` object common to every SES record.
    struct Mail: Decodable {
        var timestamp: String?
        var messageId: String?
        var destination: [String]?
        var tags: [String: [String]]?
    }

    /// The union of the fields Herald reads from the type-specific object (`bounce`,
    /// `delivery`, `failure`, …).
    struct Detail: Decodable {
        var timestamp: String?
        var bounceType: String?
        var bounceSubType: String?
        var bouncedRecipients: [Recipient]?
        var complainedRecipients: [Recipient]?
        var complaintFeedbackType: String?
        var recipients: [String]?
        var delayType: String?
        var delayedRecipients: [Recipient]?
        var reason: String?
        var errorMessage: String?
        var link: String?
    }

    /// One entry of `bouncedRecipients`, `complainedRecipients` or `delayedRecipients`.
    struct Recipient: Decodable {
        var emailAddress: String?
        var diagnosticCode: String?
    }
}
