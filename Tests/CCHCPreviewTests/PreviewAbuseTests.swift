import CCHCCore
import Foundation
import Testing

@testable import CCHCPreview

/// Writes `text` to `file` the way editors save: a hidden file beside it renamed over it, so the
/// watcher never sees half a file.
private func saveAtomically(_ text: String, to file: URL) throws {
    let temporary = file.deletingLastPathComponent().appendingPathComponent(".cchc-save-\(UUID().uuidString)")
    try Data(text.utf8).write(to: temporary)
    guard rename(temporary.path, file.path) == 0 else { throw Timeout(description: "rename failed: errno \(errno)") }
}

/// Waits (polling every 20 ms) until `condition` holds; false after `seconds`.
private func eventually(within seconds: Double, _ condition: () -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try await Task.sleep(for: .milliseconds(20))
    }
    return condition()
}

/// Whether `bytes` hold the UTF-8 of `needle`, found with the C library's `memchr` and `memcmp`:
/// String's own search walks characters, which for thousands of Vietnamese pages takes seconds.
private func bytes(_ bytes: [UInt8], contain needle: String) -> Bool {
    let wanted = Array(needle.utf8)
    guard let first = wanted.first else { return true }
    return bytes.withUnsafeBytes { hay in
        wanted.withUnsafeBytes { want in
            guard let base = hay.baseAddress, hay.count >= want.count else { return false }
            var offset = 0
            let last = hay.count - want.count
            while offset <= last {
                guard let found = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
                let at = base.distance(to: UnsafeRawPointer(found))
                if memcmp(base + at, want.baseAddress!, want.count) == 0 { return true }
                offset = at + 1
            }
            return false
        }
    }
}

private func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_048_576) }

/// The preview server against clients that are slow, many, huge or racing a rebuild: it answers the
/// others meanwhile, refuses clearly what is over a limit, and drops who holds it up.
/// Every test runs its clients on loopback and is bounded by its own deadlines (20 s at most).
@Suite("cchc serve under abuse", .serialized)
struct PreviewAbuseTests {
    /// Short timeouts, so a test sees a client dropped within a second or two.
    static let quick = PreviewLimits(requestTimeout: .seconds(1), writeTimeout: .seconds(1))

    @Test(
        "the limits shrink to fit the process's file limit, leaving files for the rebuild and connections for pages",
        arguments: [(65536, 4096, 2048), (4096, 3968, 2048), (1024, 896, 864), (100, 1, 1)])
    func limitsFitTheFileLimit(_ files: Int, _ connections: Int, _ streams: Int) {
        let fitted = PreviewLimits().fitted(openFiles: files)
        #expect(fitted.connections == connections)
        #expect(fitted.eventStreams == streams)
        #expect(fitted.requestTimeout == PreviewLimits().requestTimeout)
    }

    @Test("the event hub refuses a stream beyond its limit and frees a place when a stream ends")
    func hubLimit() async throws {
        let hub = EventHub()
        let first = try #require(hub.subscribe(limit: 2))
        let second = try #require(hub.subscribe(limit: 2))
        #expect(hub.subscribe(limit: 2) == nil)
        #expect(hub.count == 2)
        first.end()
        first.end()
        #expect(hub.count == 1)
        let third = try #require(hub.subscribe(limit: 2))
        hub.send(event: "reload", data: "reload")
        for subscription in [second, third] {
            var frames = subscription.frames.makeAsyncIterator()
            #expect(await frames.next() == "event: reload\ndata: reload\n\n")
        }
        hub.close()
        #expect(hub.count == 0)
    }

    @Test("a connection that sends nothing, or its headers or body a byte at a time, is dropped while others are answered")
    func slowSenders() async throws {
        let h = try await PreviewHarness.start(limits: Self.quick)
        do {
            let port = h.port
            let started = Date()
            // Nothing at all.
            let silent = Task {
                try await RawHTTP.onThread { () -> Bool in
                    let socket = try Socket(port: port, timeout: 10)
                    defer { socket.close() }
                    return socket.readUntilClosed().closed
                }
            }
            // The head one byte every 100 ms: 8 s if the server waited for it all.
            let head = Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: \(String(repeating: "a", count: 40))\r\n\r\n".utf8)
            let headDrip = Task {
                try await RawHTTP.onThread { () -> (Int, [UInt8]) in
                    let socket = try Socket(port: port, timeout: 10)
                    defer { socket.close() }
                    let sent = socket.trickle(head, pause: 0.1)
                    return (sent, socket.readUntilClosed().bytes)
                }
            }
            // A whole head, then a body one byte every 100 ms.
            let body = Array(repeating: UInt8(ascii: "x"), count: 80)
            let bodyDrip = Task {
                try await RawHTTP.onThread { () -> (Int, [UInt8]) in
                    let socket = try Socket(port: port, timeout: 10)
                    defer { socket.close() }
                    try socket.send(Array("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(body.count)\r\n\r\n".utf8))
                    let sent = socket.trickle(body, pause: 0.1)
                    return (sent, socket.readUntilClosed().bytes)
                }
            }

            // Meanwhile everyone else is answered.
            for _ in 0..<10 {
                #expect(try await h.get("/").status == 200)
                #expect(try await h.get(updatesPage).status == 200)
            }

            #expect(try await silent.value, "a silent connection is closed")
            let (headSent, headReply) = try await headDrip.value
            #expect(headSent < head.count, "the server stopped reading a head sent a byte at a time (\(headSent) of \(head.count) bytes)")
            #expect(!String(decoding: headReply, as: UTF8.self).contains(" 200 "))
            let (bodySent, bodyReply) = try await bodyDrip.value
            #expect(bodySent < body.count, "the server stopped reading a body sent a byte at a time (\(bodySent) of \(body.count) bytes)")
            // The POST is answered 405 as soon as its head is read, unless the request timer fired
            // first: on a loaded machine the answer can take longer than the 1 s timeout. Either way
            // the server never waits for the body or serves it as a page.
            let bodyText = String(decoding: bodyReply, as: UTF8.self)
            #expect(bodyText.isEmpty || bodyText.hasPrefix("HTTP/1.1 405"), "the reply was: \(bodyText.prefix(80))")
            // Well before the 8 s the slow head alone would have taken.
            #expect(Date().timeIntervalSince(started) < 7)
            #expect(try await h.get("/").status == 200)
        } catch {
            try await h.stop()
            throw error
        }
        try await h.stop()
    }

    @Test("an idle keep-alive connection is closed after the request timeout; one that keeps asking is not")
    func idleKeepAlive() async throws {
        // 3 s, so that the 0.3 s between requests stays well inside it on a loaded machine.
        let h = try await PreviewHarness.start(limits: PreviewLimits(requestTimeout: .seconds(3)))
        do {
            let port = h.port
            let (answers, closed) = try await RawHTTP.onThread { () -> (Int, Bool) in
                let socket = try Socket(port: port, timeout: 10)
                defer { socket.close() }
                var answers = 0
                // Four requests 0.3 s apart on one connection: each within the timeout of the last answer.
                for _ in 0..<4 {
                    try socket.send(Array("HEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))
                    var received: [UInt8] = []
                    while received.firstRange(of: Array("\r\n\r\n".utf8)) == nil {
                        guard let chunk = try socket.readSome(), !chunk.isEmpty else { return (answers, true) }
                        received += chunk
                    }
                    if String(decoding: received, as: UTF8.self).hasPrefix("HTTP/1.1 200") { answers += 1 }
                    Thread.sleep(forTimeInterval: 0.3)
                }
                return (answers, socket.readUntilClosed().closed)
            }
            #expect(answers == 4)
            #expect(closed, "then, idle, it is closed")
        } catch {
            try await h.stop()
            throw error
        }
        try await h.stop()
    }

    @Test("a client that stops reading a large download is dropped after the write timeout")
    func slowReader() async throws {
        // 24 MB: far more than the kernel holds for a connection whose reader asked for a 16 KiB
        // receive buffer (the server's send buffer grows to 4 MB by default).
        let size = 24 << 20
        let h = try await PreviewHarness.start(limits: Self.quick) { site in
            try Data(repeating: 0x61, count: size).write(to: site.appendingPathComponent("content/files/snv/lon.bin"))
        }
        do {
            let port = h.port
            let received = try await RawHTTP.onThread { () -> Int in
                let socket = try Socket(port: port, timeout: 15, receiveBuffer: 16 * 1024)
                defer { socket.close() }
                try socket.send(Array("GET /files/snv/lon.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))
                Thread.sleep(forTimeInterval: 4)
                let (bytes, closed) = socket.readUntilClosed()
                return closed ? bytes.count : -1
            }
            #expect(received >= 0, "the connection was closed")
            #expect(received < size, "the server gave up after \(received) bytes, not the whole \(size)")
            // The same file for a reader that reads.
            let whole = try await h.get("/files/snv/lon.bin")
            #expect(whole.status == 200 && whole.body.count == size)
        } catch {
            try await h.stop()
            throw error
        }
        try await h.stop()
    }

    @Test("thousands of event streams: a clear 503 beyond the limit, pages still served, memory bounded, all let go of on close")
    func manyEventStreams() async throws {
        // 2,000 clients and as many server ends must fit in the process's file limit (the server raised it).
        let files = OpenFileLimit.raise()
        let clients = min(2000, (files - 400) / 2)
        let limit = clients * 3 / 4
        try #require(clients >= 200, "the file limit (\(files)) is too low for this test")
        let h = try await PreviewHarness.start(limits: PreviewLimits(eventStreams: limit), keepAlive: .seconds(60))
        var crowd: SocketCrowd?
        do {
            let port = h.port
            #expect(try await h.get("/").status == 200)
            let before = ProcessMemory.residentBytes() ?? 0

            let opened = try await RawHTTP.onThread { () -> (SocketCrowd, [[UInt8]]) in
                let crowd = try SocketCrowd(
                    port: port, count: clients,
                    request: "GET /__cchc/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n",
                    timeout: 20)
                let heads = crowd.read(until: Date().addingTimeInterval(15)) { received in
                    let text = String(decoding: received, as: UTF8.self)
                    return text.contains(": connected\n\n") || (text.hasPrefix("HTTP/1.1 503") && text.contains("again\n"))
                }
                return (crowd, heads)
            }
            crowd = opened.0
            let texts = opened.1.map { String(decoding: $0, as: UTF8.self) }
            let open = Set(texts.indices.filter { texts[$0].hasPrefix("HTTP/1.1 200") && texts[$0].contains(": connected") })
            let held = open.count
            let refused = texts.filter { $0.hasPrefix("HTTP/1.1 503") }
            #expect(held == limit, "\(held) streams held, the limit is \(limit)")
            #expect(refused.count == clients - limit)
            #expect(refused.allSatisfy { $0.lowercased().contains("retry-after: 10") && $0.contains("too many open event streams") })
            #expect(h.server.eventStreamCount == limit)
            let during = ProcessMemory.residentBytes() ?? 0

            // Pages are served while the streams are open, and a reload reaches every one of them.
            for _ in 0..<5 { #expect(try await h.get("/").status == 200) }
            let file = h.site.appendingPathComponent(progressFile)
            let text = try String(contentsOf: file, encoding: .utf8)
            try saveAtomically(text.replacingOccurrences(of: "Gửi chậm 03 ngày.", with: "Gửi chậm SUA-DOI-MOI ngày."), to: file)
            let reloaded = try await RawHTTP.onThread { () -> Int in
                let after = opened.0.read(only: open, until: Date().addingTimeInterval(15)) { String(decoding: $0, as: UTF8.self).contains("event: reload") }
                return after.filter { String(decoding: $0, as: UTF8.self).contains("event: reload") }.count
            }
            #expect(reloaded == limit)
            #expect(try await h.get(updatesPage).text.contains("SUA-DOI-MOI"))

            // Closed by their clients, the streams are let go of at once, not at the next keep-alive (60 s).
            opened.0.close()
            crowd = nil
            #expect(try await eventually(within: 10) { h.server.eventStreamCount == 0 }, "\(h.server.eventStreamCount) streams still open")
            let again = try await EventStreamClient.connect(port, timeout: 10)
            again.close()
            let after = ProcessMemory.residentBytes() ?? 0
            print(
                "event streams: \(clients) clients, limit \(limit): RSS \(megabytes(before)) before, \(megabytes(during)) with \(held) open "
                    + "(\((during - before) / max(1, held)) bytes a stream), \(megabytes(after)) after they closed")
            // A stream costs a few kilobytes; 64 KiB each would mean something is kept per stream that should not be.
            #expect(during - before < limit * 64 * 1024, "RSS grew by \(megabytes(during - before)) for \(limit) streams")
        } catch {
            crowd?.close()
            try await h.stop()
            throw error
        }
        try await h.stop()
    }

    /// Requests whose head is over a limit, named shortly (the test's log shows the name, not the megabyte).
    enum OversizedHead: String, CaseIterable, Sendable {
        case megabyteURL = "a 1 MB URL"
        case urlOverLimit = "a URL just over 64 KiB"
        case tenThousandHeaders = "10,000 headers"
        case headersOverLimit = "300 headers"
        case megabyteHeaderValue = "a 1 MB header value"
        case unendingHeader = "a 200 KB header line without an end"

        var request: String {
            let start = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            switch self {
            case .megabyteURL: return "GET /\(String(repeating: "a", count: 1 << 20)) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            case .urlOverLimit: return "GET /\(String(repeating: "a", count: 64 * 1024)) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            case .tenThousandHeaders: return start + (0..<10_000).map { "X-H\($0): v\r\n" }.joined() + "\r\n"
            case .headersOverLimit: return start + (0..<300).map { "X-H\($0): v\r\n" }.joined() + "\r\n"
            case .megabyteHeaderValue: return start + "X-Big: \(String(repeating: "b", count: 1 << 20))\r\n\r\n"
            case .unendingHeader: return start + "X-Big: \(String(repeating: "c", count: 200_000))"
            }
        }
    }

    @Test(
        "a huge URL, too many headers or a huge header value get 400, and the server goes on serving",
        arguments: OversizedHead.allCases)
    func oversizedHeads(_ head: OversizedHead) async throws {
        let what = head.rawValue
        let h = try await PreviewHarness.start()
        do {
            let (reply, raw) = try await RawHTTP.exchange(h.port, Array(head.request.utf8))
            let status = try #require(reply?.status, "\(what): no answer (\(raw.count) bytes: \(String(decoding: raw.prefix(80), as: UTF8.self)))")
            #expect((400...499).contains(status), "\(what): \(status)")
            #expect(try await h.get("/").status == 200, "still serving after \(what)")
        } catch {
            try await h.stop()
            throw error
        }
        try await h.stop()
    }

    @Test("large heads under the limits are served: 200 headers, a 16 KiB cookie, a 8 KiB query")
    func largeButAllowedHeads() async throws {
        let h = try await PreviewHarness.start()
        do {
            var headers: [String: String] = ["Cookie": "c=" + String(repeating: "k", count: 16 * 1024)]
            for i in 0..<200 { headers["X-H\(i)"] = String(repeating: "v", count: 40) }
            #expect(try await h.get("/?q=" + String(repeating: "q", count: 8 * 1024), headers: headers).status == 200)
        } catch {
            try await h.stop()
            throw error
        }
        try await h.stop()
    }

    @Test("pages asked for while the site is rebuilt again and again are each a whole old or new page")
    func requestsDuringRebuilds() async throws {
        let h = try await PreviewHarness.start()
        do {
            let file = h.site.appendingPathComponent(progressFile)
            let original = try String(contentsOf: file, encoding: .utf8)
            let markers = ["PHIEN-BAN-MOT", "PHIEN-BAN-HAI"]
            let versions = markers.map { original.replacingOccurrences(of: "Gửi chậm 03 ngày.", with: "Gửi chậm \($0) ngày.") }
            try #require(versions[0] != original)
            let paths = ["/", updatesPage, "/ke-hoach/", "/co-quan/so-noi-vu/", "/assets/style.css", "/du-lieu/nhiem-vu.csv", "/feed.xml"]
            let stop = Date().addingTimeInterval(6)

            let editor = Task { () -> Int in
                var saves = 0
                while Date() < stop {
                    try saveAtomically(versions[saves % 2], to: file)
                    saves += 1
                    try await Task.sleep(for: .milliseconds(200))
                }
                return saves
            }
            let replies = try await withThrowingTaskGroup(of: [(String, RawHTTP.Reply)].self) { group in
                for client in 0..<8 {
                    group.addTask {
                        var got: [(String, RawHTTP.Reply)] = []
                        var next = client
                        while Date() < stop {
                            let path = paths[next % paths.count]
                            got.append((path, try await h.get(path)))
                            next += 1
                        }
                        return got
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            let saves = try await editor.value
            // Let the last rebuild finish, so the log is complete.
            try await Task.sleep(for: .milliseconds(500))

            #expect(replies.count >= 50, "\(replies.count) answers")
            var bodies: [String: [UInt8]] = [:]
            var seen = Set<String>()
            for (path, reply) in replies {
                #expect(reply.status == 200, "\(path): \(reply.status)")
                #expect(Int(reply["Content-Length"] ?? "") == reply.body.count, "\(path): a torn answer")
                // One tag, one body: no answer mixes two states.
                let key = path + " " + (reply["ETag"] ?? "")
                if let earlier = bodies[key] {
                    #expect(earlier == reply.body, "\(path): two bodies for one ETag")
                } else {
                    bodies[key] = reply.body
                }
                guard path.hasSuffix("/") else { continue }
                #expect(reply.body.suffix(8).elementsEqual("</html>\n".utf8), "\(path): the page does not end")
                #expect(bytes(reply.body, contain: "<script data-cchc-preview>"))
                #expect(!bytes(reply.body, contain: "cchc-preview-errors"), "\(path): a rebuild failed")
                if path == updatesPage {
                    let found = (markers + ["Gửi chậm 03 ngày."]).filter { bytes(reply.body, contain: $0) }
                    #expect(found.count == 1, "one version of the page, not \(found)")
                    seen.formUnion(found)
                }
            }
            let rebuilds = h.log.all.dropFirst()
            print("rebuilds under load: \(saves) saves, \(rebuilds.count) rebuilds, \(replies.count) answers, versions seen: \(seen.sorted())")
            #expect(rebuilds.count >= 2, "the site was rebuilt while it was being read")
            #expect(rebuilds.allSatisfy { $0.succeeded })
            #expect(seen.count >= 2, "answers came from more than one state")
        } catch {
            try await h.stop()
            throw error
        }
        try await h.stop()
    }
}
