import Foundation
import HeraldCore

/// Outside production, real messages go only to allow-listed recipients: a staging or development Herald with
/// real SES or SNS credentials cannot mail members by mistake. Providers that reach no one (the simulator, the
/// `log` provider) and SES's mailbox simulator addresses are always allowed. A message the playpen stops fails
/// permanently with the reason, so it is visible, never silently dropped.
public struct Playpen: Sendable, Equatable {
    /// The environment's name (`HERALD_ENVIRONMENT`), shown in the reason.
    public var environment: String
    /// Email addresses, domains (`example.org`, also matching its subdomains) and E.164 phone numbers.
    public var allowed: [String]

    public init(environment: String, allowed: [String]) {
        self.environment = environment
        self.allowed = allowed.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
    }

    /// The playpen for `environment`: none in production.
    public static func forEnvironment(_ environment: String, allowed: [String]) -> Playpen? {
        environment == "production" ? nil : Playpen(environment: environment, allowed: allowed)
    }

    /// True when `recipient` may get a real message.
    public func allows(_ recipient: String) -> Bool {
        let address = recipient.lowercased()
        guard let at = address.lastIndex(of: "@") else { return allowed.contains(address) }
        let domain = address[address.index(after: at)...]
        if domain == "simulator.amazonses.com" || allowed.contains(address) { return true }
        return allowed.contains { entry in !entry.contains("@") && (domain == entry || domain.hasSuffix("." + entry)) }
    }

    /// Why a message to `recipient` was not sent.
    public func reason(for recipient: String) -> String {
        "not sent: \(recipient) is not on the playpen's allow list (HERALD_ENVIRONMENT=\(environment) sends only to "
            + (allowed.isEmpty ? "the simulator" : "the simulator and \(allowed.joined(separator: ", "))")
            + "; set HERALD_PLAYPEN_ALLOW, or HERALD_ENVIRONMENT=production)"
    }
}
