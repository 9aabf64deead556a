import NIOCore

/// One request on the wire: bytes to write (none to just read the next reply, e.g. the greeting) and the
/// promise of the reply that answers them, which fails after `timeout`.
struct SMTPExchange {
    var bytes: ByteBuffer?
    var reply: EventLoopPromise<SMTPReply>
    var timeout: TimeAmount
    /// Named in the error when the reply does not come in time.
    var label: String
}

/// Matches replies to the exchanges that wait for them, first in first out, and fails every waiting exchange
/// when a reply is late, the connection breaks or TLS fails; after that the connection is closed and every
/// later exchange fails at once.
final class SMTPClientHandler: ChannelDuplexHandler {
    typealias InboundIn = SMTPReply
    typealias OutboundIn = SMTPExchange
    typealias OutboundOut = ByteBuffer

    private struct Waiter {
        var reply: EventLoopPromise<SMTPReply>
        var timeout: Scheduled<Void>
    }

    private var waiters = CircularBuffer<Waiter>()
    /// Replies that came before anyone asked (the greeting can beat the first read).
    private var unclaimed = CircularBuffer<SMTPReply>()
    private var failure: SMTPError?

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let exchange = unwrapOutboundIn(data)
        if let failure {
            exchange.reply.fail(failure)
            promise?.fail(failure)
            return
        }
        let timeout = context.eventLoop.assumeIsolated().scheduleTask(in: exchange.timeout) {
            self.fail(.timedOut(exchange.label), context: context)
        }
        waiters.append(Waiter(reply: exchange.reply, timeout: timeout))
        if let bytes = exchange.bytes {
            context.write(wrapOutboundOut(bytes), promise: promise)
        } else {
            promise?.succeed()
        }
        if let reply = unclaimed.popFirst() {
            deliver(reply)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let reply = unwrapInboundIn(data)
        if waiters.isEmpty {
            guard unclaimed.count < 8 else {
                return fail(.protocolViolation("the server sends replies nobody asked for"), context: context)
            }
            unclaimed.append(reply)
        } else {
            deliver(reply)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error as? SMTPError ?? .connectionFailed("\(error)"), context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(.connectionFailed("the server closed the connection"), context: context)
        context.fireChannelInactive()
    }

    private func deliver(_ reply: SMTPReply) {
        guard let waiter = waiters.popFirst() else { return }
        waiter.timeout.cancel()
        waiter.reply.succeed(reply)
    }

    /// Fails every waiting and every later exchange with `error` (the first error wins) and closes.
    private func fail(_ error: SMTPError, context: ChannelHandlerContext) {
        if failure == nil {
            failure = error
        }
        let failure = self.failure ?? error
        while let waiter = waiters.popFirst() {
            waiter.timeout.cancel()
            waiter.reply.fail(failure)
        }
        context.close(promise: nil)
    }
}
