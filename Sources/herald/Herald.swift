import ArgumentParser
import NIOCore
import NIOPosix

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
            SNSBenchCommand.self,
        ]
    )

    /// Runs the command with Swift concurrency's jobs on NIO's event loops instead of a separate thread pool, so a
    /// request's handler does not hop threads between the socket and the handler (measured: BENCHMARKS.md). The
    /// executor must be installed before any task starts.
    static func main() async {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        await main(nil)
    }
}
