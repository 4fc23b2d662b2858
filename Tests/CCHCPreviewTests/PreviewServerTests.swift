import CCHCCore
import Foundation
import Testing

@testable import CCHCPreview

/// The repository root, whose `site.yml` and `content/` are the fixture (copied, never touched).
private let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

struct Timeout: Error, CustomStringConvertible {
    var description: String
}

/// Runs `body`, failing after `seconds`.
func within<T: Sendable>(_ seconds: Double, _ what: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            throw Timeout(description: "timed out after \(seconds) s: \(what)")
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}

/// The rebuild reports a server has sent so far.
final class ReportLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [RebuildReport] = []

    func append(_ report: RebuildReport) {
        lock.lock()
        reports.append(report)
        lock.unlock()
    }

    var all: [RebuildReport] {
        lock.lock()
        defer { lock.unlock() }
        return reports
    }

    /// Waits (polling every 10 ms) until there are at least `count` reports.
    func wait(for count: Int, within seconds: Double) async throws -> [RebuildReport] {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            let now = all
            if now.count >= count { return now }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw Timeout(description: "fewer than \(count) rebuilds after \(seconds) s")
    }
}

/// A temporary copy of the example site served in-process on 127.0.0.1, port 0.
final class PreviewHarness: @unchecked Sendable {
    let site: URL
    let server: PreviewServer
    let url: URL
    let port: Int
    let log: ReportLog
    private let running: Task<Void, any Error>

    private init(site: URL, server: PreviewServer, url: URL, log: ReportLog, running: Task<Void, any Error>) {
        self.site = site
        self.server = server
        self.url = url
        self.port = url.port!
        self.log = log
        self.running = running
    }

    static func makeSite() throws -> URL {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-preview-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("site.yml"), to: site.appendingPathComponent("site.yml"))
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("content"), to: site.appendingPathComponent("content"))
        return site
    }

    /// Serves a new copy of the example site; `prepare` may change the copy before the first build.
    static func start(
        limits: PreviewLimits = PreviewLimits(), keepAlive: Duration = .seconds(15),
        prepare: (URL) throws -> Void = { _ in }
    ) async throws -> PreviewHarness {
        let site = try makeSite()
        try prepare(site)
        let (urls, urlSink) = AsyncStream<URL>.makeStream()
        let log = ReportLog()
        let configuration = PreviewConfiguration(
            root: site, host: "127.0.0.1", port: 0, pollInterval: .milliseconds(50),
            keepAliveInterval: keepAlive, limits: limits)
        let server = PreviewServer(configuration) { event in
            switch event {
            case .listening(let url): urlSink.yield(url)
            case .rebuilt(let report): log.append(report)
            }
        }
        let running = Task { try await server.run() }
        let url: URL
        do {
            url = try await within(120, "the server starting") {
                for await url in urls { return url }
                throw Timeout(description: "the server stopped before listening")
            }
        } catch {
            running.cancel()
            throw error
        }
        return PreviewHarness(site: site, server: server, url: url, log: log, running: running)
    }

    func get(_ target: String, method: String = "GET", headers: [String: String] = [:]) async throws -> RawHTTP.Reply {
        try await RawHTTP.request(port, target, method: method, headers: headers)
    }

    /// Rewrites a file of the site copy.
    func edit(_ path: String, _ change: (String) -> String) throws {
        let file = site.appendingPathComponent(path)
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = change(text)
        precondition(changed != text, "the edit of \(path) changed nothing")
        try changed.write(to: file, atomically: false, encoding: .utf8)
    }

    func stop() async throws {
        await server.shutdown()
        try await within(30, "the server shutting down") { try await self.running.value }
        try? FileManager.default.removeItem(at: site)
    }
}

let progressFile = "content/progress/2024-Q4/so-noi-vu.yml"
let updatesPage = "/cap-nhat/"

@Suite("cchc serve", .serialized)
struct PreviewServerTests {
    @Test("pages and assets with their content types, folders, 404, HEAD, ETag, 405")
    func staticServing() async throws {
        let h = try await PreviewHarness.start()
        do {
            #expect(h.url.absoluteString == "http://127.0.0.1:\(h.port)/")
            #expect(h.port > 0)

            let home = try await h.get("/")
            #expect(home.status == 200)
            #expect(home["Content-Type"] == "text/html; charset=utf-8")
            #expect(home.text.contains("</html>"))
            #expect(home.text.contains("new EventSource(\"/__cchc/events\")"))
            #expect(home.text.range(of: "<script data-cchc-preview>")!.lowerBound < home.text.range(of: "</body>")!.lowerBound)
            #expect(Int(home["Content-Length"] ?? "") == home.body.count)

            let index = try await h.get("/index.html")
            #expect(index.status == 200 && index.body == home.body)

            let types: [(String, String)] = [
                ("/assets/style.css", "text/css; charset=utf-8"),
                ("/feed.xml", "application/atom+xml"),
                ("/sitemap.xml", "application/xml"),
                ("/du-lieu/nhiem-vu.csv", "text/csv; charset=utf-8"),
                ("/du-lieu/nhiem-vu.json", "application/json"),
                ("/files/snv/kh-120-snv-2024.pdf", "application/pdf"),
                ("/ke-hoach/", "text/html; charset=utf-8"),
                ("/nhung/hoan-thanh.svg", "image/svg+xml"),
                ("/ky-bao-cao/2024-q4/bao-cao/", "text/html; charset=utf-8"),
            ]
            for (path, type) in types {
                let reply = try await h.get(path)
                #expect(reply.status == 200, "\(path)")
                #expect(reply["Content-Type"]?.hasPrefix(type) == true, "\(path): \(reply["Content-Type"] ?? "none")")
                #expect(!reply.body.isEmpty, "\(path)")
                #expect(reply["ETag"] != nil, "\(path)")
            }
            let pdf = try await h.get("/files/snv/kh-120-snv-2024.pdf")
            #expect(pdf.body == Array(try Data(contentsOf: h.site.appendingPathComponent("content/files/snv/kh-120-snv-2024.pdf"))))
            let css = try await h.get("/assets/style.css")
            #expect(!css.text.contains("__cchc"), "only HTML gets the script")
            let svg = try await h.get("/nhung/hoan-thanh.svg")
            #expect(svg.text.hasPrefix("<?xml") && !svg.text.contains("__cchc"), "an embed's image is served as it is built")

            // Folder URLs: index.html; without the slash, a redirect to it.
            let folder = try await h.get("/ke-hoach/")
            let folderIndex = try await h.get("/ke-hoach/index.html")
            #expect(folder.body == folderIndex.body)
            let bare = try await h.get("/ke-hoach?x=1")
            #expect(bare.status == 301)
            #expect(bare["Location"] == "/ke-hoach/?x=1")

            // 404: the site's own page, with status 404.
            let rendered = SiteBuild.render(root: h.site, baseURL: h.url.absoluteString).files!
            guard case .bytes(let notFoundBytes) = rendered.first(where: { $0.path == "404.html" })!.contents else {
                Issue.record("404.html is not rendered bytes")
                return
            }
            let missing = try await h.get("/khong-co-trang-nay")
            #expect(missing.status == 404)
            #expect(missing["Content-Type"] == "text/html; charset=utf-8")
            #expect(missing.body == Injection.inject(Injection.snippet(diagnostics: []), into: notFoundBytes))
            #expect(try await h.get("/ke-hoach/khong-co/").status == 404)
            // Built for this server's root: the 404 page's absolute links point at this server.
            #expect(missing.text.contains("href=\"http://127.0.0.1:\(h.port)/assets/style.css\""))
            #expect(!missing.text.contains("/cchc/"))
            #expect(try await h.get("/assets/style.css").status == 200)

            // HEAD: same headers, no body.
            for path in ["/", "/assets/style.css", "/files/snv/kh-120-snv-2024.pdf", "/khong-co"] {
                let get = try await h.get(path)
                let head = try await h.get(path, method: "HEAD")
                #expect(head.status == get.status, "\(path)")
                #expect(head.body.isEmpty, "\(path): HEAD sent \(head.body.count) body bytes")
                for name in ["content-type", "content-length", "etag", "cache-control"] {
                    #expect(head[name] == get[name], "\(path): \(name)")
                }
            }

            // ETag: If-None-Match gives 304 without a body; another tag gives the page.
            let etag = try #require(home["ETag"])
            let cached = try await h.get("/", headers: ["If-None-Match": etag])
            #expect(cached.status == 304)
            #expect(cached.body.isEmpty)
            #expect(cached["ETag"] == etag)
            #expect(try await h.get("/", headers: ["If-None-Match": "W/\(etag)"]).status == 304)
            #expect(try await h.get("/", headers: ["If-None-Match": "\"other\", \(etag)"]).status == 304)
            #expect(try await h.get("/", headers: ["If-None-Match": "\"other\""]).status == 200)
            #expect(try await h.get("/assets/style.css", headers: ["If-None-Match": css["ETag"]!]).status == 304)

            // Only GET and HEAD.
            let post = try await h.get("/", method: "POST")
            #expect(post.status == 405)
            #expect(post["Allow"] == "GET, HEAD")
        } catch {
            try await h.stop()
            throw error
        }
        try await h.stop()
    }

    @Test("requests that try to leave the site get 404 and never a file from outside")
    func traversal() async throws {
        let h = try await PreviewHarness.start()
        // A file beside the site copy that a traversal would reach.
        let outside = h.site.deletingLastPathComponent().appendingPathComponent("secret-\(UUID().uuidString).txt")
        try "TOP-SECRET".write(to: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: outside) }
        let siteYML = try String(contentsOf: h.site.appendingPathComponent("site.yml"), encoding: .utf8)
        do {
            let targets = [
                "/../site.yml", "/%2e%2e/site.yml", "/%2E%2E/site.yml", "/..%2fsite.yml", "/..%2Fsite.yml",
                "//etc/passwd", "/files/..%5c..%5csite.yml", "/files\\..\\site.yml", "/files/%00.pdf",
                "/./index.html", "/%2e/index.html", "/ke-hoach/../index.html", "/files/../../\(outside.lastPathComponent)",
                "/%2e%2e/\(outside.lastPathComponent)", "/%", "/%zz", "/content/progress/2024-Q4/so-noi-vu.yml",
                "/site.yml", "/%c0%ae%c0%ae/site.yml", "etc/passwd",
            ]
            for target in targets {
                let reply = try await h.get(target)
                // A target without the leading slash is not a valid origin-form: the HTTP parser answers 400.
                let refused = target.hasPrefix("/") ? [404] : [400, 404]
                #expect(refused.contains(reply.status), "\(target) gave \(reply.status)")
                #expect(!reply.text.contains("TOP-SECRET"), "\(target)")
                #expect(!reply.text.contains("root:"), "\(target)")
                #expect(!reply.text.contains(siteYML.prefix(60)), "\(target)")
            }
        } catch {
            try await h.stop()
            throw error
        }
        try await h.stop()
    }

    @Test("a changed progress file is served after one rebuild, and open pages get a reload event")
    func liveReload() async throws {
        let h = try await PreviewHarness.start()
        do {
            let events = try await EventStreamClient.connect(h.port)
            defer { events.close() }
            #expect(events.head.contains("200 OK"))
            #expect(events.head.lowercased().contains("content-type: text/event-stream"))
            let before = try await h.get(updatesPage)
            #expect(before.status == 200 && !before.text.contains("SUA-DOI-MOI"))

            try h.edit(progressFile) { $0.replacingOccurrences(of: "Gửi chậm 03 ngày.", with: "Gửi chậm SUA-DOI-MOI ngày.") }
            #expect(try await events.next("event: reload\ndata: reload\n\n", within: 30))
            let after = try await h.get(updatesPage)
            #expect(after.status == 200)
            #expect(after.text.contains("SUA-DOI-MOI"))
            #expect(after["ETag"] != before["ETag"])
            #expect(try await h.get(updatesPage, headers: ["If-None-Match": before["ETag"]!]).status == 200)

            // A burst of saves is one rebuild.
            let rebuilds = h.log.all.count
            #expect(rebuilds == 2, "the first build and one rebuild")
            for i in 1...5 {
                try h.edit(progressFile) { $0.replacingOccurrences(of: "SUA-DOI-MOI\(i == 1 ? "" : "-\(i - 1)")", with: "SUA-DOI-MOI-\(i)") }
            }
            let burst = try await h.log.wait(for: rebuilds + 1, within: 30).last!
            #expect(burst.succeeded)
            #expect(burst.changed == [progressFile])
            #expect(try await events.next("event: reload", within: 10))
            #expect(try await h.get(updatesPage).text.contains("SUA-DOI-MOI-5"))
            // No second rebuild follows.
            #expect(try await events.next("event:", within: 0.6) == false)
            #expect(h.log.all.count == rebuilds + 1)
        } catch {
            try await h.stop()
            throw error
        }
        try await h.stop()
    }

    @Test("files are rendered on request, once per state; a page first asked for after a change shows the change")
    func lazyRendering() async throws {
        let h = try await PreviewHarness.start()
        do {
            // The counts of the first build are those of a full build.
            let full = SiteBuild.render(root: h.site, baseURL: h.url.absoluteString).files!
            let first = try #require(h.log.all.first)
            #expect(first.pages == full.filter { $0.path.hasSuffix(".html") }.count)
            #expect(first.files == full.count)
            #expect(h.server.state.served.renderedCount == 0, "a build renders no file up front")

            let home = try await h.get("/")
            #expect(home.status == 200)
            #expect(h.server.state.served.renderedCount == 1)
            #expect(try await h.get("/").body == home.body)
            #expect(try await h.get("/index.html", method: "HEAD").status == 200)
            #expect(h.server.state.served.renderedCount == 1, "a page is rendered once per state")

            // Requests at once for a page not rendered yet: one rendering, the same bytes for all.
            let agency = "/co-quan/so-noi-vu/"
            let replies = try await withThrowingTaskGroup(of: RawHTTP.Reply.self) { group in
                for _ in 0..<6 { group.addTask { try await h.get(agency) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(replies.allSatisfy { $0.status == 200 && $0.body == replies[0].body && $0["ETag"] == replies[0]["ETag"] })
            #expect(h.server.state.served.renderedCount == 2)

            // A change; the task's page was never asked for before it.
            let task = "/nhiem-vu/kh-snv-120-2024/bao-cao-thang/"
            let events = try await EventStreamClient.connect(h.port)
            defer { events.close() }
            try h.edit(progressFile) { $0.replacingOccurrences(of: "Gửi chậm 03 ngày.", with: "Gửi chậm SUA-DOI-MOI ngày.") }
            #expect(try await events.next("event: reload", within: 30))
            #expect(h.server.state.served.renderedCount == 0, "a rebuild starts a new state with nothing rendered")
            let page = try await h.get(task)
            #expect(page.status == 200)
            #expect(page.text.contains("SUA-DOI-MOI"))
            #expect(!page.text.contains("Gửi chậm 03 ngày."))
            #expect(page.text.contains("<script data-cchc-preview>"))
            // And the pages asked for before the change show it too.
            #expect(try await h.get(updatesPage).text.contains("SUA-DOI-MOI"))
        } catch {
            try await h.stop()
            throw error
        }
        try await h.stop()
    }

    @Test("a broken file keeps the last good site, with the diagnostics escaped in an overlay, until it is fixed")
    func failureOverlay() async throws {
        let h = try await PreviewHarness.start()
        do {
            let events = try await EventStreamClient.connect(h.port)
            defer { events.close() }
            let good = try await h.get(updatesPage)
            #expect(!good.text.contains("cchc-preview-errors"))

            try h.edit(progressFile) { text in
                var text = text
                text.replaceSubrange(text.range(of: "status: done")!, with: "status: \"<b>bogus</b>\"")
                return text
            }
            #expect(try await events.next("event: failed", within: 30))
            let broken = try await h.get(updatesPage)
            #expect(broken.status == 200)
            #expect(broken.text.contains("id=\"cchc-preview-errors\""))
            #expect(broken.text.contains("\(progressFile):7:"))
            #expect(broken.text.contains("&lt;b&gt;bogus&lt;/b&gt;"))
            #expect(!broken.text.contains("<b>bogus</b>"))
            // The last good page is still there, under the overlay, and so is every other file.
            #expect(broken.text.contains(good.text.components(separatedBy: "<script data-cchc-preview>")[0]))
            #expect(broken["ETag"] != good["ETag"])
            #expect(try await h.get(updatesPage, headers: ["If-None-Match": good["ETag"]!]).status == 200)
            #expect(try await h.get("/assets/style.css").status == 200)
            let missing = try await h.get("/khong-co")
            #expect(missing.status == 404 && missing.text.contains("cchc-preview-errors"))

            // Still broken after another save: still the overlay.
            try h.edit(progressFile) { $0.replacingOccurrences(of: "<b>bogus</b>", with: "<i>bogus</i>") }
            #expect(try await events.next("event: failed", within: 30))
            #expect(try await h.get(updatesPage).text.contains("&lt;i&gt;bogus&lt;/i&gt;"))

            try h.edit(progressFile) { $0.replacingOccurrences(of: "status: \"<i>bogus</i>\"", with: "status: done") }
            #expect(try await events.next("event: reload", within: 30))
            let fixed = try await h.get(updatesPage)
            #expect(!fixed.text.contains("cchc-preview-errors"))
            #expect(fixed.body == good.body)
            #expect(fixed["ETag"] == good["ETag"])
        } catch {
            try await h.stop()
            throw error
        }
        try await h.stop()
    }

    @Test("a site that does not build at all answers 503 with the overlay, then serves once fixed")
    func brokenFromTheStart() async throws {
        let site = try PreviewHarness.makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let yml = site.appendingPathComponent("site.yml")
        let original = try String(contentsOf: yml, encoding: .utf8)
        try (original + "\n  : [unclosed\n").write(to: yml, atomically: false, encoding: .utf8)
        let (urls, sink) = AsyncStream<URL>.makeStream()
        let server = PreviewServer(PreviewConfiguration(root: site, port: 0, pollInterval: .milliseconds(50))) { event in
            if case .listening(let url) = event { sink.yield(url) }
        }
        let running = Task { try await server.run() }
        do {
            let url = try await within(120, "listening") {
                for await url in urls { return url }
                throw Timeout(description: "stopped")
            }
            let port = url.port!
            let page = try await RawHTTP.request(port, "/")
            #expect(page.status == 503)
            #expect(page.text.contains("cchc-preview-errors") && page.text.contains("site.yml"))
            let events = try await EventStreamClient.connect(port)
            defer { events.close() }
            try original.write(to: yml, atomically: false, encoding: .utf8)
            #expect(try await events.next("event: reload", within: 30))
            #expect(try await RawHTTP.request(port, "/").status == 200)
        } catch {
            await server.shutdown()
            _ = try? await within(30, "shutdown") { try await running.value }
            throw error
        }
        await server.shutdown()
        try await within(30, "shutdown") { try await running.value }
    }

    @Test("shutdown ends open event streams and returns from run()")
    func shutdown() async throws {
        let h = try await PreviewHarness.start()
        let events = try await EventStreamClient.connect(h.port)
        defer { events.close() }
        try await h.stop()
        #expect(try await events.waitForEnd(within: 10))
        // The port is closed.
        await #expect(throws: (any Error).self) { try await RawHTTP.request(h.port, "/", timeout: 2) }
    }

    @Test("a port in use makes run() throw")
    func portInUse() async throws {
        let h = try await PreviewHarness.start()
        let second = PreviewServer(PreviewConfiguration(root: h.site, port: h.port))
        await #expect(throws: (any Error).self) { try await within(30, "bind failure") { try await second.run() } }
        try await h.stop()
    }

    @Test("cchc build output never contains the preview script")
    func buildOutputHasNoPreviewScript() throws {
        let site = try PreviewHarness.makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let out = site.appendingPathComponent("public")
        let result = try SiteBuild.run(root: site, out: out)
        #expect(result.summary != nil)
        let needle = Array("/__cchc/".utf8)
        var checked = 0
        for case let file as URL in FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil)! {
            guard !file.hasDirectoryPath, let data = FileManager.default.contents(atPath: file.path) else { continue }
            checked += 1
            #expect(Array(data).firstRange(of: needle) == nil, "\(file.path)")
        }
        #expect(checked > 50)
    }
}
