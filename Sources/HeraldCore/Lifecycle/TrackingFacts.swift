/// Things observed about a message that do not change its status: opens, clicks, complaints
/// and delivery delays. Facts accumulate and are never cleared.
///
/// Stored as ``rawValue``, a bit set whose bit positions are fixed forever:
/// opened = 1, clicked = 2, complained = 4, delayed = 8.
public struct TrackingFacts: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// The recipient opened the message (SES Open; also implied by a click).
    public static let opened = TrackingFacts(rawValue: 1 << 0)
    /// The recipient followed a tracked link (SES Click).
    public static let clicked = TrackingFacts(rawValue: 1 << 1)
    /// The recipient reported the message as spam (SES Complaint).
    public static let complained = TrackingFacts(rawValue: 1 << 2)
    /// Delivery was delayed at least once (SES DeliveryDelay).
    public static let delayed = TrackingFacts(rawValue: 1 << 3)
}
