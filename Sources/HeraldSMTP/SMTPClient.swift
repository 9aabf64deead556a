import HeraldMail
import NIOCore
import NIOPosix
import NIOSSL

/// Sends mail to one SMTP server over a small pool of reused connections.
///
/// Each message is one transaction on a connection nobody else is using; afterwards the connection goes back to
/// the pool for the next message (no new TCP, TLS and AUTH round trips). At most
/// ``SMTPConfiguration/maximumConnections`` are open; more senders wait their turn.
///
/// ```swift
/// let client = try SMTPClient(configuration: SMTPConfiguration(url: "smtp://user:pass@mail.example:587?starttls=required"))
/// let result = try await client.send(message)            // a MailMessage
/// result.outcome(for: "zoe@xn--bcher-kva.example")       // 250 2.0.0 OK, or that recipient's 550
/// await client.shutdown()
/// ```
public actor SMTPClient {
    public nonisolated let configuration: SMTPConfiguration
    private let group: any EventLoopGroup
    private let tls: NIOSSLContext?

    private var idle: [(connection: SMTPConnection, since: NIODeadline)] = []
    /// Connections open or being opened, idle or in use.
    private var openCount = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []
    /// How many connections this client has opened so far.
    public private(set) var connectionsOpened = 0

    /// A client for `configuration`; fails when the TLS settings (e.g. the CA file) cannot be loaded.
    public init(configuration: SMTPConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) throws {
        self.configuration = configuration
        self.group = group
        if configuration.security == .none {
            tls = nil
        } else {
            var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
            if let file = configuration.trustedCAFile {
                tlsConfiguration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(file))
            }
            tls = try NIOSSLContext(configuration: tlsConfiguration)
        }
    }

    /// Sends `message` to everyone in its To and Cc headers, from its From address, as ``MailMessage/rendered()``
    /// writes it, with domains as Punycode in the envelope as in the headers. Fails with
    /// ``SMTPError/smtpUTF8Unavailable(address:)`` before sending anything when an address has a non-ASCII local
    /// part and the server does not offer SMTPUTF8.
    public func send(_ message: MailMessage) async throws(SMTPError) -> SMTPDeliveryResult {
        let envelope = SMTPEnvelope(sender: message.from.encodedAddress, recipients: (message.to + message.cc).map(\.encodedAddress))
        let utf8Address = message.addressesNeedingSMTPUTF8.first?.address
        return try await transact(envelope, data: Array(message.rendered().utf8), smtpUTF8Address: utf8Address)
    }

    /// Sends `data` (an RFC 5322 message; transparency is added here) to the envelope's recipients.
    public func send(envelope: SMTPEnvelope, data: [UInt8]) async throws(SMTPError) -> SMTPDeliveryResult {
        try await transact(envelope, data: data, smtpUTF8Address: nil)
    }

    private func transact(_ envelope: SMTPEnvelope, data: [UInt8], smtpUTF8Address: String?) async throws(SMTPError) -> SMTPDeliveryResult {
        let payload = DotStuffing.encode(data)
        let transaction = Transaction(
            envelope: envelope, payload: payload, smtpUTF8Address: smtpUTF8Address ?? envelope.addressNeedingSMTPUTF8,
            eightBit: data.contains { $0 >= 0x80 }
        )
        let first = try await lease()
        if let result = try await attempt(transaction, on: first.connection, retryIfDropped: first.reused) {
            return result
        }
        // The server had dropped the idle connection; nothing was sent yet, so once more on a fresh one.
        let fresh = try await lease(fresh: true)
        guard let result = try await attempt(transaction, on: fresh.connection, retryIfDropped: false) else {
            throw .connectionFailed("the server closed the connection")
        }
        return result
    }

    private struct Transaction {
        var envelope: SMTPEnvelope
        var payload: ByteBuffer
        var smtpUTF8Address: String?
        var eightBit: Bool
    }

    /// One transaction on a leased connection, which goes back to the pool (or is closed) afterwards. `nil` when
    /// `retryIfDropped` and the connection turned out closed at `MAIL FROM`.
    private func attempt(_ transaction: Transaction, on connection: SMTPConnection, retryIfDropped: Bool) async throws(SMTPError) -> SMTPDeliveryResult? {
        do {
            try await connection.mailFrom(transaction.envelope, eightBit: transaction.eightBit, smtpUTF8Address: transaction.smtpUTF8Address)
        } catch {
            release(connection, usable: error.leavesConnectionUsable)
            if retryIfDropped && error.isConnectionLoss {
                return nil
            }
            throw error
        }
        do {
            let result = try await connection.finishTransaction(transaction.envelope, data: transaction.payload)
            release(connection, usable: true)
            return result
        } catch {
            release(connection, usable: error.leavesConnectionUsable)
            throw error
        }
    }

    /// Says QUIT on every idle connection and closes it. Connections in use close when their send ends.
    public func shutdown() async {
        let connections = idle.map(\.connection)
        openCount -= idle.count
        idle = []
        for connection in connections {
            await connection.close()
        }
    }

    /// An idle connection that is still open and not too old, or a new one when fewer than the maximum are open,
    /// or the next one to come free. `fresh` closes the idle ones instead (one was found dropped by the server).
    private func lease(fresh: Bool = false) async throws(SMTPError) -> (connection: SMTPConnection, reused: Bool) {
        while true {
            while let (connection, since) = idle.popLast() {
                if !fresh && connection.isActive && since + configuration.idleTimeout > .now() {
                    return (connection, true)
                }
                openCount -= 1
                Task { await connection.close() }
            }
            if openCount < configuration.maximumConnections {
                openCount += 1
                do {
                    let connection = try await SMTPConnection.open(configuration, tls: tls, group: group)
                    connectionsOpened += 1
                    return (connection, false)
                } catch {
                    openCount -= 1
                    wakeOne()
                    throw error
                }
            }
            await withCheckedContinuation { waiters.append($0) }
        }
    }

    private func release(_ connection: SMTPConnection, usable: Bool) {
        if usable && connection.isActive {
            idle.append((connection, .now()))
        } else {
            openCount -= 1
            Task { await connection.close() }
        }
        wakeOne()
    }

    private func wakeOne() {
        if !waiters.isEmpty {
            waiters.removeFirst().resume()
        }
    }
}
