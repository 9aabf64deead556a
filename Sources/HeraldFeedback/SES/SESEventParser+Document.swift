import HeraldCore

extension SESEventParser {
    /// The fields Herald reads from an SES record or from the SNS envelope around one. Every
    /// field is optional so that a missing one becomes a precise ``SESEventParseError``.
    struct Document {
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

        init(_ json: JSONValue) throws(SESEventParseError) {
            let fields = try Fields(json, path: [])
            envelopeType = try fields.string("Type")
            envelopeMessage = try fields.string("Message")
            eventType = try fields.string("eventType")
            notificationType = try fields.string("notificationType")
            mail = try fields.object("mail").map(Mail.init)
            send = try fields.object("send").map(Detail.init)
            reject = try fields.object("reject").map(Detail.init)
            bounce = try fields.object("bounce").map(Detail.init)
            complaint = try fields.object("complaint").map(Detail.init)
            delivery = try fields.object("delivery").map(Detail.init)
            open = try fields.object("open").map(Detail.init)
            click = try fields.object("click").map(Detail.init)
            failure = try fields.object("failure").map(Detail.init)
            deliveryDelay = try fields.object("deliveryDelay").map(Detail.init)
            subscription = try fields.object("subscription").map(Detail.init)
        }
    }

    /// The `mail` object common to every SES record.
    struct Mail {
        var timestamp: String?
        var messageId: String?
        var destination: [String]?
        var tags: [String: [String]]?

        init(_ fields: Fields) throws(SESEventParseError) {
            timestamp = try fields.string("timestamp")
            messageId = try fields.string("messageId")
            destination = try fields.strings("destination")
            if let tagFields = try fields.object("tags") {
                var tags: [String: [String]] = [:]
                for key in tagFields.keys {
                    tags[key] = try tagFields.strings(key)
                }
                self.tags = tags
            }
        }
    }

    /// The union of the fields Herald reads from the type-specific object (`bounce`,
    /// `delivery`, `failure`, …).
    struct Detail {
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

        init(_ fields: Fields) throws(SESEventParseError) {
            timestamp = try fields.string("timestamp")
            bounceType = try fields.string("bounceType")
            bounceSubType = try fields.string("bounceSubType")
            bouncedRecipients = try fields.objects("bouncedRecipients")?.map(Recipient.init)
            complainedRecipients = try fields.objects("complainedRecipients")?.map(Recipient.init)
            complaintFeedbackType = try fields.string("complaintFeedbackType")
            recipients = try fields.strings("recipients")
            delayType = try fields.string("delayType")
            delayedRecipients = try fields.objects("delayedRecipients")?.map(Recipient.init)
            reason = try fields.string("reason")
            errorMessage = try fields.string("errorMessage")
            link = try fields.string("link")
        }
    }

    /// One entry of `bouncedRecipients`, `complainedRecipients` or `delayedRecipients`.
    struct Recipient {
        var emailAddress: String?
        var diagnosticCode: String?

        init(emailAddress: String?, diagnosticCode: String? = nil) {
            self.emailAddress = emailAddress
            self.diagnosticCode = diagnosticCode
        }

        init(_ fields: Fields) throws(SESEventParseError) {
            emailAddress = try fields.string("emailAddress")
            diagnosticCode = try fields.string("diagnosticCode")
        }
    }

    /// One JSON object's members, read by type; a member of the wrong type is an error naming its dotted path.
    /// Absent and `null` members read as `nil`.
    struct Fields {
        private let members: [(String, JSONValue)]
        private let path: [String]

        init(_ value: JSONValue, path: [String]) throws(SESEventParseError) {
            guard case .object(let members) = value else { throw Self.shapeError(path, expected: "an object", found: value) }
            self.members = members
            self.path = path
        }

        var keys: [String] { members.map(\.0) }

        func string(_ key: String) throws(SESEventParseError) -> String? {
            guard let value = member(key) else { return nil }
            guard case .string(let text) = value else { throw Self.shapeError(path + [key], expected: "a string", found: value) }
            return text
        }

        func object(_ key: String) throws(SESEventParseError) -> Fields? {
            guard let value = member(key) else { return nil }
            return try Fields(value, path: path + [key])
        }

        func strings(_ key: String) throws(SESEventParseError) -> [String]? {
            try items(key)?.enumerated().map { (index, item) throws(SESEventParseError) in
                guard case .string(let text) = item else {
                    throw Self.shapeError(path + [key, String(index)], expected: "a string", found: item)
                }
                return text
            }
        }

        func objects(_ key: String) throws(SESEventParseError) -> [Fields]? {
            try items(key)?.enumerated().map { (index, item) throws(SESEventParseError) in
                try Fields(item, path: path + [key, String(index)])
            }
        }

        private func items(_ key: String) throws(SESEventParseError) -> [JSONValue]? {
            guard let value = member(key) else { return nil }
            guard case .array(let items) = value else { throw Self.shapeError(path + [key], expected: "an array", found: value) }
            return items
        }

        private func member(_ key: String) -> JSONValue? {
            guard let value = members.last(where: { $0.0 == key })?.1, !value.isNull else { return nil }
            return value
        }

        private static func shapeError(_ path: [String], expected: String, found: JSONValue) -> SESEventParseError {
            SESEventParseError(.unexpectedShape(
                path: path.isEmpty ? "(top level)" : path.joined(separator: "."),
                detail: "Expected \(expected) but found \(found.isNull ? "null" : "a \(found.typeName)")"
            ))
        }
    }
}
