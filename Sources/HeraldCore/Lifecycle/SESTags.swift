/// Names of the SES message tags (`EmailTags`) Herald sets when sending, so feedback can be
/// matched to a notification without a lookup by SES message id.
///
/// SES copies them into every event-publishing record as `mail.tags[name] = [value]`.
/// Identity notifications (`notificationType`) carry no tags.
public enum SESTags {
    /// The notification's UUID.
    public static let notificationId = "herald-notification-id"
    /// The sending service's UUID.
    public static let serviceId = "herald-service-id"
}
