import HeraldCore

/// Where in-app notifications go when a send asks for them (`"in_app": true` on `POST /herald/v1/emails`).
///
/// The seam for the members' in-app inbox: until one is passed to `buildRouter`, such sends answer `"in_app": false`
/// and make no in-app notification.
public protocol InAppInbox: Sendable {
    /// Adds an in-app notification alongside each of `emails`, which are already stored.
    func add(alongside emails: [NotificationRecord]) async throws
}
