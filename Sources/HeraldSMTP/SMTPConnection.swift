import NIOCore
import NIOPosix
import NIOSSL

/// One connection to the server, greeted, EHLO'd, encrypted and authenticated as configured; it carries
/// one message transaction at a time (``SMTPClient`` makes sure of that).
final class SMTPConnection: Sendable {
    let channel: any Channel
    let configuration: SMTPConfiguration
    /// What the server offers after STARTTLS and AUTH, as the last EHLO said.
    let capabilities: SMTPCapabilities
    /// Whether the connection is encrypted (implicit TLS or STARTTLS).
    let isEncrypted: Bool

    private init(channel: any Channel, configuration: SMTPConfiguration, capabilities: SMTPCapabilities, isEncrypted: Bool) {
        self.channel = channel
        self.configuration = configuration
        self.capabilities = capabilities
        self.isEncrypted = isEncrypted
    }

    var isActive: Bool { channel.isActive }

    /// Connects and runs the session's opening: greeting, EHLO (HELO when EHLO is refused), STARTTLS and a
    /// second EHLO when configured, then AUTH when credentials are set.
    static func open(
        _ configuration: SMTPConfiguration, tls: NIOSSLContext?, group: any EventLoopGroup
    ) async throws(SMTPError) -> SMTPConnection {
        let serverHostname = Self.isIPAddress(configuration.host) ? nil : configuration.host
        let implicitTLS = configuration.security == .implicitTLS ? tls : nil
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: group)
                .connectTimeout(configuration.connectTimeout)
                .channelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let implicitTLS {
                            try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: implicitTLS, serverHostname: serverHostname))
                        }
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                        try channel.pipeline.syncOperations.addHandler(SMTPClientHandler())
                    }
                }
                .connect(host: configuration.host, port: configuration.port)
                .get()
        } catch let error as ChannelError where error == .connectTimeout(configuration.connectTimeout) {
            throw .timedOut("connecting to \(configuration.host):\(configuration.port)")
        } catch {
            throw .connectionFailed("cannot connect to \(configuration.host):\(configuration.port): \(error)")
        }
        var session = Opening(channel: channel, configuration: configuration)
        do {
            let capabilities = try await session.run(tls: tls, serverHostname: serverHostname)
            return SMTPConnection(
                channel: channel, configuration: configuration, capabilities: capabilities,
                isEncrypted: configuration.security == .implicitTLS || session.upgradedToTLS
            )
        } catch {
            try? await channel.close()
            throw error
        }
    }

    /// Writes `bytes` (or nothing) and waits for the next reply.
    func exchange(_ bytes: ByteBuffer?, label: String, timeout: TimeAmount? = nil) async throws(SMTPError) -> SMTPReply {
        try await Self.exchange(on: channel, bytes, label: label, timeout: timeout ?? configuration.commandTimeout)
    }

    /// Sends one command line (CRLF added) and waits for its reply.
    func command(_ line: String, label: String? = nil) async throws(SMTPError) -> SMTPReply {
        try await exchange(ByteBuffer(string: line + "\r\n"), label: label ?? line)
    }

    static func exchange(on channel: any Channel, _ bytes: ByteBuffer?, label: String, timeout: TimeAmount) async throws(SMTPError) -> SMTPReply {
        let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
        let written = channel.eventLoop.makePromise(of: Void.self)
        // A write on a closed channel never reaches the handler, so its failure must fail the reply too (a reply
        // promise the handler already completed ignores the second completion).
        written.futureResult.whenFailure { promise.fail($0) }
        channel.writeAndFlush(SMTPExchange(bytes: bytes, reply: promise, timeout: timeout, label: label), promise: written)
        do {
            return try await promise.futureResult.get()
        } catch let error as SMTPError {
            throw error
        } catch {
            throw .connectionFailed("\(error)")
        }
    }

    /// Says QUIT (briefly) and closes.
    func close() async {
        if channel.isActive {
            _ = try? await Self.exchange(on: channel, ByteBuffer(string: "QUIT\r\n"), label: "QUIT", timeout: .seconds(2))
        }
        try? await channel.close()
    }

    private static func isIPAddress(_ host: String) -> Bool {
        (try? SocketAddress(ipAddress: host, port: 0)) != nil
    }
}
