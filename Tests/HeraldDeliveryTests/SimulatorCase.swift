import HeraldCore
import HeraldDelivery
import Testing

/// A recipient address and what sending to it through the simulator must lead to.
struct SimulatorCase: Sendable, CustomTestStringConvertible {
    let address: String
    let outcome: MailboxSimulator.Outcome
    /// The names of the events parsed from the simulator's records, in order.
    let events: [String]
    /// Where a `created` notification ends up.
    let status: NotificationStatus
    let facts: TrackingFacts

    var testDescription: String { address }

    static let all: [SimulatorCase] = [
        SimulatorCase(
            address: "success@simulator.amazonses.com", outcome: .delivered,
            events: ["accepted", "delivered"], status: .delivered, facts: []
        ),
        SimulatorCase(
            address: "Success+Order-42@Simulator.AmazonSES.com", outcome: .delivered,
            events: ["accepted", "delivered"], status: .delivered, facts: []
        ),
        SimulatorCase(
            address: "bounce@simulator.amazonses.com", outcome: .hardBounce,
            events: ["accepted", "bounced"], status: .permanentFailure, facts: []
        ),
        SimulatorCase(
            address: "bounce+x@simulator.amazonses.com", outcome: .hardBounce,
            events: ["accepted", "bounced"], status: .permanentFailure, facts: []
        ),
        SimulatorCase(
            address: "ooto@simulator.amazonses.com", outcome: .outOfOffice,
            events: ["accepted", "delivered"], status: .delivered, facts: []
        ),
        SimulatorCase(
            address: "complaint@simulator.amazonses.com", outcome: .complaint,
            events: ["accepted", "delivered", "complained"], status: .delivered, facts: .complained
        ),
        SimulatorCase(
            address: "suppressionlist@simulator.amazonses.com", outcome: .suppressed,
            events: ["accepted", "bounced"], status: .permanentFailure, facts: []
        ),
        SimulatorCase(
            address: "perm-fail@simulator.notify", outcome: .hardBounce,
            events: ["accepted", "bounced"], status: .permanentFailure, facts: []
        ),
        SimulatorCase(
            address: "TEMP-FAIL@simulator.notify", outcome: .softBounce,
            events: ["accepted", "bounced"], status: .temporaryFailure, facts: []
        ),
        SimulatorCase(
            address: "alice@example.net", outcome: .delivered,
            events: ["accepted", "delivered"], status: .delivered, facts: []
        ),
        SimulatorCase(
            address: "bounce@example.net", outcome: .delivered,
            events: ["accepted", "delivered"], status: .delivered, facts: []
        ),
    ]
}
