/// The medium a notification travels through; Notify calls it the notification or template type.
public enum Channel: String, Sendable, Codable, CaseIterable {
    case email
    case sms
    case letter
}
