import ArgumentParser
import Foundation
import HeraldCore
import HeraldServer
import HeraldStore

struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Queue a notification from the command line.",
        subcommands: [Email.self]
    )

    struct Email: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Queue one email. A running `herald serve` or `herald worker` delivers it.",
            discussion: "Example: herald send email --service ID --template ID --to bounce@simulator.amazonses.com --var name=Ada"
        )

        @Option(help: "The service's id.") var service: String
        @Option(help: "The template's id.") var template: String
        @Option(help: "Recipient address.") var to: String
        @Option(name: .customLong("var"), help: "A template value as key=value; repeat for more.") var values: [String] = []
        @Option(help: "Your own reference, stored with the notification.") var reference: String?
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            guard let serviceId = UUID(uuidString: service), let templateId = UUID(uuidString: template) else {
                throw ValidationError("--service and --template take ids (UUIDs)")
            }
            var personalisation: [String: String] = [:]
            for pair in values {
                guard let equals = pair.firstIndex(of: "=") else { throw ValidationError("--var takes key=value, got '\(pair)'") }
                personalisation[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            guard let address = try? EmailAddress(validating: to) else { throw ValidationError("'\(to)' is not a valid email address") }
            let store = try await database.openStore(logger: makeLogger("herald"))
            defer { Task { try? await store.shutdown() } }
            guard let serviceRecord = try await store.service(id: serviceId) else {
                throw ValidationError("no service \(service): create one with `herald service create --name NAME`")
            }
            let request = SendRequest(
                channel: .email, templateId: templateId, recipient: address.value, personalisation: personalisation,
                personalisationJSON: personalisation.isEmpty ? nil : String(decoding: JSONValue.object(personalisation.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }).encoded(), as: UTF8.self),
                reference: reference
            )
            let accepted: AcceptedNotification
            do {
                accepted = try await NotificationAcceptor(store: store).accept(request, service: serviceRecord, key: nil, origin: .cli)
            } catch let error as NotifyError {
                throw ValidationError(error.message)
            }
            let id = accepted.notification.id.storageString
            output.emit(
                ["id": .string(id), "status": .string(accepted.notification.status.rawValue)],
                text: "Queued email \(id) to \(address.value). Follow it with: herald status \(id)"
            )
        }
    }
}
