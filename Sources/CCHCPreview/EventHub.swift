import Foundation
import Synchronization

/// Fans Server-Sent Events out to every open `/__cchc/events` stream.
final class EventHub: Sendable {
    private struct Streams {
        var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
        var nextID = 0
        var closed = false
    }

    private let streams = Mutex(Streams())

    /// One open stream: its frames, and a way to end it from outside (its connection closed).
    struct Subscription: Sendable {
        let frames: AsyncStream<String>
        private let continuation: AsyncStream<String>.Continuation

        init(frames: AsyncStream<String>, continuation: AsyncStream<String>.Continuation) {
            self.frames = frames
            self.continuation = continuation
        }

        /// Ends the stream and frees its place in the hub; safe to call more than once.
        func end() { continuation.finish() }
    }

    /// A new stream of ready-to-write SSE frames, or nil when `limit` streams are open already. It
    /// ends when the hub closes, when ``Subscription/end()`` is called or when its reader goes away.
    func subscribe(limit: Int = .max) -> Subscription? {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(16))
        let subscription = Subscription(frames: stream, continuation: continuation)
        enum Outcome { case closed, full, added(Int) }
        let outcome: Outcome = streams.withLock { streams in
            if streams.closed { return .closed }
            guard streams.subscribers.count < limit else { return .full }
            let id = streams.nextID
            streams.nextID += 1
            streams.subscribers[id] = continuation
            return .added(id)
        }
        switch outcome {
        case .closed:
            continuation.finish()
            return subscription
        case .full:
            return nil
        case .added(let id):
            continuation.onTermination = { [weak self] _ in self?.remove(id) }
            return subscription
        }
    }

    /// The number of open streams.
    var count: Int { streams.withLock { $0.subscribers.count } }

    /// Sends one event (`event:` name and a one-line `data:`) to every stream.
    func send(event: String, data: String) {
        let line = data.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        broadcast("event: \(event)\ndata: \(line)\n\n")
    }

    /// A comment line, which keeps idle connections (and proxies) from timing out.
    func keepAlive() {
        broadcast(": keep-alive\n\n")
    }

    /// Ends every stream, and every later one at once: used on shutdown, so no request stays open.
    func close() {
        let all = streams.withLock { streams in
            streams.closed = true
            defer { streams.subscribers = [:] }
            return Array(streams.subscribers.values)
        }
        for continuation in all { continuation.finish() }
    }

    private func broadcast(_ frame: String) {
        let all = streams.withLock { Array($0.subscribers.values) }
        for continuation in all { continuation.yield(frame) }
    }

    private func remove(_ id: Int) {
        streams.withLock { $0.subscribers[id] = nil }
    }
}
