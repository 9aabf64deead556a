/// Why an SES feedback message could not be turned into `DeliveryEvent`s.
public struct SESEventParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem, for callers that treat them differently (for example dead-letter
    /// versus drop).
    public enum Reason: Sendable, Hashable {
        /// The bytes are not JSON; the associated text is the JSON parser's explanation.
        case notJSON(String)
        /// A field has the wrong JSON type, e.g. an SNS `Message` that is an object, not a string.
        case unexpectedShape(path: String, detail: String)
        /// Valid JSON, but another kind of message, e.g. an SNS SubscriptionConfirmation.
        case notAnSESEvent(String)
        /// A field Herald needs is absent, null or empty (a dotted path such as `mail.messageId`).
        case missingField(String)
        /// `eventType` or `notificationType` names a type Herald does not know.
        case unknownEventType(String)
        /// A field is present but its value cannot be used, e.g. a timestamp that is not ISO 8601.
        case invalidValue(field: String, value: String)
    }

    public var reason: Reason

    public init(_ reason: Reason) {
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .notJSON(let detail):
            "SES feedback is not valid JSON: \(detail)"
        case .unexpectedShape(let path, let detail):
            "SES feedback has an unexpected shape at '\(path)': \(detail)"
        case .notAnSESEvent(let detail):
            "Not an SES event: \(detail)"
        case .missingField(let field):
            "SES feedback is missing the required field '\(field)'"
        case .unknownEventType(let type):
            "Unknown SES event type '\(type)'; expected one of Send, Reject, Bounce, Complaint, Delivery, "
                + "Open, Click, Rendering Failure, DeliveryDelay, Subscription"
        case .invalidValue(let field, let value):
            "SES feedback field '\(field)' has an invalid value '\(value)'"
        }
    }
}
