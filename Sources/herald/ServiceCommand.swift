import ArgumentParser
import Foundation
import HeraldCore
import HeraldServer
import HeraldStore

struct ServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "service",
        abstract: "Manage services (tenants).",
        subcommands: [Create.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a service with a live and a test API key.",
            discussion: "Give the printed keys to a GOV.UK Notify client (NotificationsAPIClient(key, base_url=...)). They are shown once."
        )

        @Option(help: "The service's name.") var name: String
        @Option(help: "Address emails are sent from.") var emailFrom = "noreply@herald.local"
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let store = try await database.openStore(logger: makeLogger("herald"))
            let service = Service(name: name, emailFrom: emailFrom)
            let live = APIKey(serviceId: service.id, name: "live", type: .normal)
            let test = APIKey(serviceId: service.id, name: "test", type: .test)
            try await store.createService(service, keys: [live, test])
            try await store.shutdown()
            output.emit(
                [
                    "service_id": .string(service.id.storageString), "name": .string(name),
                    "live_key": .string(live.keyString), "test_key": .string(test.keyString),
                ],
                text: """
                    Created service "\(name)" (\(service.id.storageString)).
                      live key: \(live.keyString)
                      test key: \(test.keyString)
                    Next: herald template create --service \(service.id.storageString) --type email --name Welcome --subject 'Hello ((name))' --body 'Hi ((name))'
                    """
            )
        }
    }
}
