import ArgumentParser
import HeraldServer

struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Print an Authorization header value for an API key, as Notify's clients make it (valid for 30 seconds).",
        discussion: #"Example: curl -H "Authorization: $(herald token --key "$KEY")" http://127.0.0.1:8080/v2/notifications"#
    )

    @Option(help: "An API key string: {name}-{service id}-{secret}.") var key: String

    func run() throws {
        guard let header = ClientToken.bearer(forKey: key) else {
            throw ValidationError("that is not an API key: expected {name}-{service id}-{secret}, as `herald service create` prints")
        }
        print(header)
    }
}
