import HeraldCore

extension MailboxSimulator {
    /// One SES event-publishing record, with the same field names and nesting as SES's.
    /// Exactly one of the type-specific objects is set; `nil` ones are left out of the JSON. Keys are written in
    /// sorted order, so the same inputs always give the same bytes.
    struct Record: JSONRepresentable {
        var eventType: String
        var mail: JSONValue
        var send: Send?
        var delivery: Delivery?
        var bounce: Bounce?
        var complaint: Complaint?

        var json: JSONValue {
            .object([
                ("bounce", bounce?.json), ("complaint", complaint?.json), ("delivery", delivery?.json), ("eventType", .string(eventType)),
                ("mail", mail), ("send", send?.json),
            ].compactMap { key, value in value.map { (key, $0) } })
        }
    }

    /// SES's `mail` object.
    struct Mail: JSONRepresentable {
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

        var json: JSONValue {
            [
                "commonHeaders": commonHeaders.json, "destination": .strings(destination), "headers": .array(headers.map(\.json)),
                "headersTruncated": .bool(headersTruncated), "messageId": .string(messageId), "sendingAccountId": .string(sendingAccountId),
                "source": .string(source), "sourceArn": .string(sourceArn),
                "tags": .object(tags.sorted { $0.key < $1.key }.map { ($0.key, .strings($0.value)) }), "timestamp": .string(timestamp),
            ]
        }
    }

    /// One entry of `mail.headers`.
    struct Header: JSONRepresentable {
        var name: String
        var value: String

        var json: JSONValue { ["name": .string(name), "value": .string(value)] }
    }

    /// SES's `mail.commonHeaders`.
    struct CommonHeaders: JSONRepresentable {
        var from: [String]
        var date: String
        var to: [String]
        var messageId: String
        var subject: String

        var json: JSONValue {
            ["date": .string(date), "from": .strings(from), "messageId": .string(messageId), "subject": .string(subject), "to": .strings(to)]
        }
    }

    /// SES's `send` object, which is always empty.
    struct Send: JSONRepresentable {
        var json: JSONValue { .object([]) }
    }

    /// SES's `delivery` object.
    struct Delivery: JSONRepresentable {
        var timestamp: String
        var processingTimeMillis: Int
        var recipients: [String]
        var smtpResponse: String
        var reportingMTA: String
        var remoteMtaIp: String

        var json: JSONValue {
            [
                "processingTimeMillis": .int(processingTimeMillis), "recipients": .strings(recipients), "remoteMtaIp": .string(remoteMtaIp),
                "reportingMTA": .string(reportingMTA), "smtpResponse": .string(smtpResponse), "timestamp": .string(timestamp),
            ]
        }
    }

    /// SES's `bounce` object.
    struct Bounce: JSONRepresentable {
        var bounceType: String
        var bounceSubType: String
        var bouncedRecipients: [BouncedRecipient]
        var timestamp: String
        var feedbackId: String
        var reportingMTA: String
        var remoteMtaIp: String?

        var json: JSONValue {
            .object([
                ("bounceSubType", .string(bounceSubType)), ("bounceType", .string(bounceType)), ("bouncedRecipients", .array(bouncedRecipients.map(\.json))),
                ("feedbackId", .string(feedbackId)), ("remoteMtaIp", remoteMtaIp.map(JSONValue.string)), ("reportingMTA", .string(reportingMTA)),
                ("timestamp", .string(timestamp)),
            ].compactMap { key, value in value.map { (key, $0) } })
        }
    }

    /// One entry of `bounce.bouncedRecipients`.
    struct BouncedRecipient: JSONRepresentable {
        var emailAddress: String
        var action: String
        var status: String
        var diagnosticCode: String

        var json: JSONValue {
            ["action": .string(action), "diagnosticCode": .string(diagnosticCode), "emailAddress": .string(emailAddress), "status": .string(status)]
        }
    }

    /// SES's `complaint` object.
    struct Complaint: JSONRepresentable {
        var feedbackId: String
        var complainedRecipients: [ComplainedRecipient]
        var timestamp: String
        var userAgent: String
        var complaintFeedbackType: String
        var arrivalDate: String

        var json: JSONValue {
            [
                "arrivalDate": .string(arrivalDate), "complainedRecipients": .array(complainedRecipients.map(\.json)),
                "complaintFeedbackType": .string(complaintFeedbackType), "feedbackId": .string(feedbackId), "timestamp": .string(timestamp),
                "userAgent": .string(userAgent),
            ]
        }
    }

    /// One entry of `complaint.complainedRecipients`.
    struct ComplainedRecipient: JSONRepresentable {
        var emailAddress: String

        var json: JSONValue { ["emailAddress": .string(emailAddress)] }
    }
}

/// A value with a fixed JSON form.
protocol JSONRepresentable {
    var json: JSONValue { get }
}
