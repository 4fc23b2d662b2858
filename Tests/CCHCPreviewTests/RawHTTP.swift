import Foundation

#if canImport(Glibc)
    import Glibc
    private let streamSocket = Int32(SOCK_STREAM.rawValue)
#elseif canImport(Darwin)
    import Darwin
    private let streamSocket = SOCK_STREAM
#endif

private func closeDescriptor(_ fd: Int32) { _ = close(fd) }
private func sendBytes(_ fd: Int32, _ pointer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
        return send(fd, pointer, count, Int32(MSG_NOSIGNAL))
    #else
        return send(fd, pointer, count, 0)
    #endif
}

/// A tiny HTTP/1.1 client over a blocking socket to 127.0.0.1 only: it sends the request target
/// byte for byte (no client-side normalisation of `..`, `%2e` or `//`), which is what the traversal
/// tests need. Every call has a deadline; blocking work runs on its own thread, off the
/// cooperative pool the server's handlers use.
enum RawHTTP {
    struct Reply: Sendable {
        var status: Int
        /// Header names lowercased.
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        subscript(_ name: String) -> String? { headers[name.lowercased()] }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// One request on a fresh connection (`Connection: close`); the body is everything up to EOF,
    /// so a HEAD answer that sent body bytes would show them.
    static func request(
        _ port: Int, _ target: String, method: String = "GET", headers: [String: String] = [:],
        timeout: Double = 10
    ) async throws -> Reply {
        try await onThread {
            let socket = try Socket(port: port, timeout: timeout)
            defer { socket.close() }
            var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
            for (name, value) in headers { head += "\(name): \(value)\r\n" }
            head += "\r\n"
            try socket.send(Array(head.utf8))
            let raw = try socket.readToEnd()
            return try parse(raw)
        }
    }

    static func parse(_ raw: [UInt8]) throws -> Reply {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = raw.firstRange(of: separator) else { throw Failure(description: "no header end in \(raw.count) bytes") }
        let head = String(decoding: raw[..<end.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure(description: "bad status line in \(head)") }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Reply(status: status, headers: headers, body: Array(raw[end.upperBound...]))
    }

    /// Runs blocking code on a new thread and awaits it.
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try body() }) }
            thread.start()
        }
    }
}

/// A connected TCP socket to 127.0.0.1 with an overall deadline.
final class Socket: @unchecked Sendable {
    private let fd: Int32
    private let deadline: Date
    /// The socket's file descriptor, for `poll` over many sockets.
    var descriptor: Int32 { fd }

    /// Connects; `receiveBuffer` sets a small kernel receive buffer first (SO_RCVBUF), so a
    /// client that does not read stops the server's writes soon, whatever the system's maximum.
    init(port: Int, timeout: Double, receiveBuffer: Int32? = nil) throws {
        deadline = Date().addingTimeInterval(timeout)
        fd = socket(AF_INET, streamSocket, 0)
        guard fd >= 0 else { throw RawHTTP.Failure(description: "socket: errno \(errno)") }
        if var size = receiveBuffer {
            _ = setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let code = errno
            closeDescriptor(fd)
            throw RawHTTP.Failure(description: "connect to 127.0.0.1:\(port): errno \(code)")
        }
    }

    func send(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { sendBytes(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { throw RawHTTP.Failure(description: "send: errno \(errno)") }
            sent += n
        }
    }

    /// Waits for readable data until the deadline (or `until`, if earlier); nil on timeout, [] on EOF.
    func readSome(until: Date? = nil) throws -> [UInt8]? {
        let limit = min(until ?? deadline, deadline)
        let remaining = limit.timeIntervalSinceNow
        guard remaining > 0 else { return nil }
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(max(1, remaining * 1000)))
        if ready == 0 { return nil }
        guard ready > 0 else { throw RawHTTP.Failure(description: "poll: errno \(errno)") }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard n >= 0 else { throw RawHTTP.Failure(description: "recv: errno \(errno)") }
        return Array(buffer[..<n])
    }

    func readToEnd() throws -> [UInt8] {
        var all: [UInt8] = []
        while true {
            guard let chunk = try readSome() else { throw RawHTTP.Failure(description: "timed out after \(all.count) bytes") }
            if chunk.isEmpty { return all }
            all += chunk
        }
    }

    func close() { closeDescriptor(fd) }

    /// Sends `bytes` in pieces of `piece` bytes with `pause` seconds between them; stops at the
    /// first error (the server closed the connection) and returns how many bytes went out.
    func trickle(_ bytes: [UInt8], piece: Int = 1, pause: Double) -> Int {
        var sent = 0
        while sent < bytes.count {
            let end = min(bytes.count, sent + piece)
            let n = bytes[sent..<end].withUnsafeBytes { sendBytes(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { return sent }
            sent += n
            if sent < bytes.count { Thread.sleep(forTimeInterval: pause) }
        }
        return sent
    }

    /// Reads until the server closes the connection or the deadline passes; what arrived, and
    /// whether the connection ended (EOF or reset) rather than the deadline.
    func readUntilClosed() -> (bytes: [UInt8], closed: Bool) {
        var all: [UInt8] = []
        while true {
            do {
                guard let chunk = try readSome() else { return (all, false) }
                if chunk.isEmpty { return (all, true) }
                all += chunk
            } catch {
                return (all, true)
            }
        }
    }
}

extension RawHTTP {
    /// Sends `request` from another thread while this one reads, so a server that answers before it
    /// has read everything (a head too large) is heard even though the send then fails.
    static func exchange(_ port: Int, _ request: [UInt8], timeout: Double = 15) async throws -> (reply: Reply?, raw: [UInt8]) {
        try await onThread {
            let socket = try Socket(port: port, timeout: timeout)
            defer { socket.close() }
            let sender = Thread { _ = socket.trickle(request, piece: 65536, pause: 0) }
            sender.start()
            let (raw, _) = socket.readUntilClosed()
            return (try? parse(raw), raw)
        }
    }
}

/// Many connections at once, served by one thread with `poll`: thousands of event streams without
/// thousands of threads.
final class SocketCrowd: @unchecked Sendable {
    private(set) var sockets: [Socket] = []
    private var received: [[UInt8]] = []

    /// Opens `count` connections to `port` and sends `request` on each.
    init(port: Int, count: Int, request: String, timeout: Double) throws {
        let bytes = Array(request.utf8)
        for _ in 0..<count {
            let socket = try Socket(port: port, timeout: timeout)
            sockets.append(socket)
            try socket.send(bytes)
        }
        received = Array(repeating: [], count: count)
    }

    /// Reads from every connection (or those of `only`) until each has received something `done`
    /// accepts, or the deadline passes; returns what each one has received.
    func read(only: Set<Int>? = nil, until deadline: Date, done: ([UInt8]) -> Bool) -> [[UInt8]] {
        var pending = Set((only.map(Array.init) ?? Array(sockets.indices)).filter { !done(received[$0]) })
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !pending.isEmpty, deadline.timeIntervalSinceNow > 0 {
            let order = Array(pending)
            var descriptors = order.map { pollfd(fd: sockets[$0].descriptor, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&descriptors, nfds_t(descriptors.count), Int32(max(1, min(200, deadline.timeIntervalSinceNow * 1000))))
            guard ready > 0 else { continue }
            for (k, index) in order.enumerated() where descriptors[k].revents != 0 {
                let n = buffer.withUnsafeMutableBytes { recv(sockets[index].descriptor, $0.baseAddress, $0.count, 0) }
                if n > 0 { received[index] += buffer[..<n] }
                if n <= 0 || done(received[index]) { pending.remove(index) }
            }
        }
        return received
    }

    /// Closes every connection.
    func close() {
        for socket in sockets { socket.close() }
        sockets = []
    }
}

/// The memory the test process holds now.
enum ProcessMemory {
    /// The resident set size in bytes (`VmRSS` of `/proc/self/status`); nil where there is none.
    static func residentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return nil }
        return kilobytes * 1024
    }
}

/// A reader of `/__cchc/events`: waits for text to appear after what it has already matched.
final class EventStreamClient: @unchecked Sendable {
    private let socket: Socket
    private var received: [UInt8] = []
    private var cursor = 0
    private(set) var closed = false

    private init(socket: Socket) { self.socket = socket }

    /// Connects and waits for the server's `: connected` comment, so later events are not missed.
    static func connect(_ port: Int, timeout: Double = 60) async throws -> EventStreamClient {
        let client = try await RawHTTP.onThread {
            let socket = try Socket(port: port, timeout: timeout)
            try socket.send(Array("GET /__cchc/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n".utf8))
            return EventStreamClient(socket: socket)
        }
        guard try await client.next(": connected", within: 10) else {
            throw RawHTTP.Failure(description: "the event stream did not say it was connected")
        }
        return client
    }

    /// The response head (status line and headers) as received.
    var head: String {
        let text = String(decoding: received, as: UTF8.self)
        return text.components(separatedBy: "\r\n\r\n").first ?? ""
    }

    /// Whether `needle` arrives (after the previous match) within `seconds`; moves past it.
    func next(_ needle: String, within seconds: Double) async throws -> Bool {
        try await RawHTTP.onThread { try self.waitFor(Array(needle.utf8), until: Date().addingTimeInterval(seconds)) }
    }

    /// Whether the server ends the stream within `seconds`.
    func waitForEnd(within seconds: Double) async throws -> Bool {
        try await RawHTTP.onThread {
            let until = Date().addingTimeInterval(seconds)
            while !self.closed {
                guard let chunk = try self.socket.readSome(until: until) else { return false }
                if chunk.isEmpty { self.closed = true } else { self.received += chunk }
            }
            return true
        }
    }

    private func waitFor(_ needle: [UInt8], until: Date) throws -> Bool {
        while true {
            if let range = received[cursor...].firstRange(of: needle) {
                cursor = range.upperBound
                return true
            }
            if closed { return false }
            guard let chunk = try socket.readSome(until: until) else { return false }
            if chunk.isEmpty { closed = true } else { received += chunk }
        }
    }

    /// Everything received after the last match.
    var unread: String { String(decoding: received[cursor...], as: UTF8.self) }

    func close() { socket.close() }
}
