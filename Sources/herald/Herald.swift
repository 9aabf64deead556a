import ArgumentParser

/// The `herald` command: runs the service and manages it.
@main
struct Herald: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "herald",
        abstract: "A self-hosted notification service: email and text messages through a GOV.UK Notify-compatible API.",
        discussion: """
            Start with `herald serve` (state in ./herald.sqlite, mail to the offline SES simulator), then \
            `herald service create --name "My service"` to get API keys.
            """,
        subcommands: [
            ServeCommand.self, WorkerCommand.self, MigrateCommand.self, ServiceCommand.self, TemplateCommand.self,
            SendCommand.self, StatusCommand.self, SuppressionCommand.self, TokenCommand.self, SetupCommand.self, BenchCommand.self,
            SNSBenchCommand.self, FanOutBenchCommand.self, InboxBenchCommand.self,
        ]
    )
}
