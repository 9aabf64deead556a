import ArgumentParser
import Foundation
import HeraldCore
import HeraldStore

struct SuppressionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suppression",
        abstract: "A service's suppression list: addresses it no longer sends to.",
        discussion: "Permanent bounces and complaints add addresses by themselves; emails to a suppressed address fail permanently with the reason.",
        subcommands: [List.self, Add.self, Remove.self]
    )

    /// The options every suppression subcommand takes.
    struct Target: ParsableArguments {
        @Option(help: "The service's id.") var service: String
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        var serviceId: UUID {
            get throws {
                guard let id = UUID(uuidString: service) else { throw ValidationError("--service must be a service id (a UUID)") }
                return id
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the suppressed addresses, newest first.")
        @OptionGroup var target: Target

        func run() async throws {
            let store = try await target.database.openStore(logger: makeLogger("herald"))
            let suppressions = try await store.suppressions(serviceId: target.serviceId)
            try await store.shutdown()
            target.output.emit(
                ["suppressions": .array(suppressions.map { s in
                    ["address": .string(s.address), "reason": .string(s.reason.rawValue), "source": .optional(s.source),
                     "created_at": .string(UTCTimestamp.string(s.createdAt, fractionDigits: 6))]
                })],
                text: suppressions.isEmpty ? "No suppressed addresses."
                    : suppressions.map { "\($0.address)  \($0.reason.rawValue)  \(UTCTimestamp.string($0.createdAt))  \($0.source ?? "")" }
                        .joined(separator: "\n")
            )
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Suppress an address by hand.")
        @OptionGroup var target: Target
        @Argument(help: "The email address.") var address: String
        @Option(help: "Who or what asked for it, kept as the source.") var note: String?

        func run() async throws {
            guard (try? EmailAddress(validating: address)) != nil else { throw ValidationError("'\(address)' is not a valid email address") }
            let store = try await target.database.openStore(logger: makeLogger("herald"))
            let added = try await store.suppress(Suppression(serviceId: try target.serviceId, address: address, reason: .manual, source: note))
            try await store.shutdown()
            target.output.emit(
                ["address": .string(address.lowercased()), "added": .bool(added)],
                text: added ? "Suppressed \(address.lowercased())." : "\(address.lowercased()) was already suppressed."
            )
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Send to an address again.")
        @OptionGroup var target: Target
        @Argument(help: "The email address.") var address: String

        func run() async throws {
            let store = try await target.database.openStore(logger: makeLogger("herald"))
            let removed = try await store.unsuppress(serviceId: try target.serviceId, address: address)
            try await store.shutdown()
            target.output.emit(
                ["address": .string(address.lowercased()), "removed": .bool(removed)],
                text: removed ? "\(address.lowercased()) is no longer suppressed." : "\(address.lowercased()) was not suppressed."
            )
        }
    }
}
