import Foundation

/// When Herald warns about a service's bounce and complaint rates, and how it measures them.
public struct ReputationPolicy: Sendable, Equatable {
    /// Warn when a service's bounce rate reaches this (SES reviews accounts around 5%).
    public var bounceRateWarning: Double
    /// Warn when a service's complaint rate reaches this (SES reviews accounts around 0.1%).
    public var complaintRateWarning: Double
    /// The window the rates are measured over, ending now.
    public var window: TimeInterval
    /// Below this many emails sent in the window, rates are reported but not warned about: a few bounces out of a
    /// handful say little.
    public var minimumVolume: Int
    /// How often the rates are measured.
    public var interval: Duration

    public init(
        bounceRateWarning: Double = 0.05, complaintRateWarning: Double = 0.001, window: TimeInterval = 24 * 3600,
        minimumVolume: Int = 100, interval: Duration = .seconds(300)
    ) {
        self.bounceRateWarning = bounceRateWarning
        self.complaintRateWarning = complaintRateWarning
        self.window = window
        self.minimumVolume = minimumVolume
        self.interval = interval
    }
}
