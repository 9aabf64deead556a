import ArgumentParser
import Foundation
import HeraldCore
import HeraldServer
import HeraldStore

struct TemplateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Manage templates.",
        subcommands: [Create.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a template. Use ((name)) for values filled at send time.",
            discussion: "Example: herald template create --service ID --type email --name Welcome --subject 'Hi ((name))' --body 'Welcome, ((name)).'"
        )

        @Option(help: "The service's id (from `herald service create`).") var service: String
        @Option(help: "email or sms.") var type: String
        @Option(help: "A name people recognise.") var name: String
        @Option(help: "Subject line (email).") var subject: String?
        @Option(help: "Message body, with ((placeholders)).") var body: String
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard UUID(uuidString: service) != nil else { throw ValidationError("--service must be a service id (a UUID)") }
            guard let channel = Channel(rawValue: type), channel != .letter else { throw ValidationError("--type must be 'email' or 'sms'") }
            if channel == .email, (subject ?? "").isEmpty { throw ValidationError("email templates need --subject") }
            if channel == .sms, subject != nil { throw ValidationError("sms templates have no subject: drop --subject") }
        }

        func run() async throws {
            let store = try await database.openStore(logger: makeLogger("herald"))
            guard let serviceId = UUID(uuidString: service), try await store.service(id: serviceId) != nil else {
                try await store.shutdown()
                throw ValidationError("no service \(service): create one with `herald service create --name NAME`")
            }
            let template = Template(serviceId: serviceId, channel: Channel(rawValue: type) ?? .email, name: name, subject: subject, body: body)
            try await store.createTemplate(template)
            try await store.shutdown()
            output.emit(
                ["id": .string(template.id.storageString), "version": .int(template.version), "type": .string(type), "name": .string(name)],
                text: "Created \(type) template \"\(name)\" \(template.id.storageString) (version \(template.version))."
            )
        }
    }
}
