import NIOCore
import NIOHTTPTypes

/// Closes a connection whose client is too slow or gone, so it cannot hold the server's resources.
///
/// It sits in each connection's pipeline after the HTTP decoder, so it sees whole request heads,
/// body parts and ends, and the response parts on their way out:
///
/// - While no request read to its end is waiting for its answer (the connection just opened, or
///   its last answer was sent), a timer runs: a complete request must arrive within the request
///   timeout. A client that sends nothing, or a byte of its headers or body now and then, is
///   dropped when it fires. The HTTP decoder passes nothing on until a request head is complete,
///   so the bytes of an unfinished head never count as progress.
/// - While the connection cannot write (the client does not read what it is sent), another timer
///   runs: the write timeout.
/// - When the client closes its side while its event stream is open, the connection is closed:
///   with half-closure allowed, the server would otherwise learn it only at the next write.
///
/// Every method runs on the connection's event loop, as NIO calls a handler only there.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let requestTimeout: TimeAmount
    private let writeTimeout: TimeAmount
    private let eventsPath: String
    /// Requests read to their end, and answers written to theirs.
    private var requestsRead = 0
    private var answersEnded = 0
    /// The request being answered is an event stream.
    private var answeringEventStream = false
    private var requestTimer: Scheduled<Void>?
    private var writeTimer: Scheduled<Void>?

    init(requestTimeout: Duration, writeTimeout: Duration, eventsPath: String) {
        self.requestTimeout = TimeAmount(requestTimeout)
        self.writeTimeout = TimeAmount(writeTimeout)
        self.eventsPath = eventsPath
    }

    // MARK: - Lifecycle

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { waitForRequest(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelTimers()
    }

    func channelActive(context: ChannelHandlerContext) {
        waitForRequest(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancelTimers()
        context.fireChannelInactive()
    }

    // MARK: - Requests in, answers out

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            let path = head.path.map { $0.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0] }
            answeringEventStream = path == eventsPath[...]
        case .body:
            break
        case .end:
            requestsRead += 1
            // A whole request waits for its answer: the server is the one to act now. (The answer
            // may have been sent before the request's body ended, as a 405 is: then the timer
            // keeps running for the next request.)
            if requestsRead > answersEnded {
                requestTimer?.cancel()
                requestTimer = nil
            }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            answersEnded += 1
            answeringEventStream = false
            // A parse error is answered without a request read, hence `>=`.
            if answersEnded >= requestsRead { waitForRequest(context) }
        }
        context.write(data, promise: promise)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            writeTimer?.cancel()
            writeTimer = nil
        } else if writeTimer == nil {
            writeTimer = context.eventLoop.assumeIsolatedUnsafeUnchecked().scheduleTask(in: writeTimeout) {
                context.close(promise: nil)
            }
        }
        context.fireChannelWritabilityChanged()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed, answeringEventStream {
            context.close(promise: nil)
        }
        context.fireUserInboundEventTriggered(event)
    }

    // MARK: - Timers

    /// Starts the request timer unless it runs already.
    private func waitForRequest(_ context: ChannelHandlerContext) {
        guard requestTimer == nil, context.channel.isActive else { return }
        requestTimer = context.eventLoop.assumeIsolatedUnsafeUnchecked().scheduleTask(in: requestTimeout) {
            context.close(promise: nil)
        }
    }

    private func cancelTimers() {
        requestTimer?.cancel()
        requestTimer = nil
        writeTimer?.cancel()
        writeTimer = nil
    }
}
