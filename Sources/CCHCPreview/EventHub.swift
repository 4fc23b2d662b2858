import Foundation

/// Fans Server-Sent Events out to every open `/__cchc/events` stream.
///
/// `@unchecked Sendable` is safe because the set of streams is only touched while `lock` is held.
final class EventHub: @unchecked Sendable {
    private let lock = NSLock()
    private var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextID = 0
    private var closed = false

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
        lock.lock()
        if closed {
            lock.unlock()
            continuation.finish()
            return subscription
        }
        guard subscribers.count < limit else {
            lock.unlock()
            return nil
        }
        let id = nextID
        nextID += 1
        subscribers[id] = continuation
        lock.unlock()
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        return subscription
    }

    /// The number of open streams.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return subscribers.count
    }

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
        lock.lock()
        closed = true
        let all = subscribers
        subscribers = [:]
        lock.unlock()
        for continuation in all.values { continuation.finish() }
    }

    private func broadcast(_ frame: String) {
        lock.lock()
        let all = Array(subscribers.values)
        lock.unlock()
        for continuation in all { continuation.yield(frame) }
    }

    private func remove(_ id: Int) {
        lock.lock()
        subscribers[id] = nil
        lock.unlock()
    }
}
