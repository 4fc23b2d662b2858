import CCHCCore
import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCPreview

@Suite("cchc serve: paths, validators, injection")
struct PreviewUnitTests {
    @Test("request paths inside the site")
    func acceptedPaths() {
        #expect(RequestPath.resolve("/") == .init(path: "", isFolder: true))
        #expect(RequestPath.resolve("/index.html") == .init(path: "index.html", isFolder: false))
        #expect(RequestPath.resolve("/ke-hoach/") == .init(path: "ke-hoach", isFolder: true))
        #expect(RequestPath.resolve("/ke-hoach") == .init(path: "ke-hoach", isFolder: false))
        #expect(RequestPath.resolve("/files/b%C3%A1o%20c%C3%A1o.pdf") == .init(path: "files/báo cáo.pdf", isFolder: false))
        #expect(RequestPath.resolve("/a..b/c...") == .init(path: "a..b/c...", isFolder: false))
    }

    @Test(
        "request paths that could leave the site, or are malformed",
        arguments: [
            "", "site.yml", "/..", "/../site.yml", "/%2e%2e/site.yml", "/%2E%2e/site.yml", "/..%2fsite.yml", "/..%2F",
            "//etc/passwd", "/a//b", "/files/..%5c..%5csite.yml", "/a\\b", "/a%00b", "/a%0ab", "/.", "/./x", "/x/.",
            "/x/..", "/%", "/%2", "/%g0", "/%ff", "/%c0%ae%c0%ae/", "/a%7f",
        ])
    func refusedPaths(_ raw: String) {
        #expect(RequestPath.resolve(raw) == nil)
    }

    @Test("If-None-Match matching")
    func etags() {
        let tag = ETag.make(0x1234, variant: 0)
        #expect(tag == "\"0000000000001234\"")
        #expect(ETag.matches(tag, tag))
        #expect(ETag.matches("W/\(tag)", tag))
        #expect(ETag.matches("\"a\" , \(tag)", tag))
        #expect(ETag.matches("*", tag))
        #expect(!ETag.matches("\"a\"", tag))
        #expect(ETag.make(0x1234, variant: 5) != tag)
        #expect(ETag.hash(Array("a".utf8)) != ETag.hash(Array("b".utf8)))
    }

    @Test("the snippet goes before the last </body>, in any case, or at the end")
    func injection() {
        let snippet = Array("<s>".utf8)
        func run(_ page: String) -> String { String(decoding: Injection.inject(snippet, into: Array(page.utf8)), as: UTF8.self) }
        #expect(run("<body>x</body></html>") == "<body>x<s></body></html>")
        #expect(run("<BODY>x</BODY>") == "<BODY>x<s></BODY>")
        #expect(run("a</body>b</body>") == "a</body>b<s></body>")
        #expect(run("no body tag") == "no body tag<s>")
        #expect(run("") == "<s>")
        #expect(run("</body") == "<s></body")
    }

    @Test("the overlay escapes diagnostics")
    func overlay() {
        let html = String(decoding: Injection.snippet(diagnostics: ["a.yml:1:2: error: found `<script>alert(\"x\")</script>` & 'y'"]), as: UTF8.self)
        #expect(html.contains("found `&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;` &amp; &#39;y&#39;"))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("1 problem"))
        #expect(!String(decoding: Injection.snippet(diagnostics: []), as: UTF8.self).contains("cchc-preview-errors"))
    }

    @Test("content types")
    func contentTypes() {
        let text = Array("ok".utf8)
        #expect(ContentTypes.type(for: "a/index.html", bytes: text) == "text/html; charset=utf-8")
        #expect(
            ContentTypes.type(for: "feed.xml", bytes: Array("<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">".utf8)).hasPrefix(
                "application/atom+xml"))
        #expect(ContentTypes.type(for: "sitemap.xml", bytes: Array("<?xml version=\"1.0\"?><urlset>".utf8)).hasPrefix("application/xml"))
        #expect(ContentTypes.type(for: "x.txt", bytes: text) == "text/plain; charset=utf-8")
        #expect(ContentTypes.type(for: "x.txt", bytes: [0xC0, 0x41]) == "text/plain")
        #expect(ContentTypes.type(for: "X.PDF", bytes: []) == "application/pdf")
        #expect(ContentTypes.type(for: "noext", bytes: []) == "application/octet-stream")
    }

    @Test("the preview listens on loopback unless told otherwise")
    func loopbackByDefault() {
        let configuration = PreviewConfiguration(root: .init(fileURLWithPath: "/tmp"))
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8000)
        #expect(PreviewServer.rootURL(host: "::1", port: 9).absoluteString == "http://[::1]:9/")
        #expect(PreviewServer.rootURL(host: "0.0.0.0", port: 9).absoluteString == "http://127.0.0.1:9/")
    }

    @Test("every file served from a state, rendered on request, is the full build's file with the preview's additions")
    func servedFilesAreTheBuiltFiles() throws {
        let site = try TemporarySite.example()
        let base = "http://127.0.0.1:8123/"
        let full = try #require(SiteBuild.render(root: site.root, baseURL: base).files)
        let output = try #require(SiteBuild.prepare(root: site.root, baseURL: base, cache: ParseCache()).output)
        let built = try BuiltSite(output, cache: CopyCache())
        #expect(built.files == full.count)
        #expect(built.pages == full.filter { $0.path.hasSuffix(".html") }.count)
        for diagnostics in [[], ["site.yml:1:1: error: <hỏng>"]] {
            let served = ServedSite(built: built, diagnostics: diagnostics)
            let snippet = Injection.snippet(diagnostics: diagnostics)
            // Backwards, so nothing is made in the order a full build makes it.
            for file in full.reversed() {
                let bytes: [UInt8]
                switch file.contents {
                case .bytes(let b): bytes = b
                case .copy(let url): bytes = Array(try Data(contentsOf: url))
                }
                let got = try #require(served.fileNow(file.path), "\(file.path)")
                let html = ContentTypes.isHTML(file.path)
                #expect(Array(got.body.readableBytesView) == (html ? Injection.inject(snippet, into: bytes) : bytes), "\(file.path)")
                #expect(got.etag == ETag.make(ETag.hash(bytes), variant: html ? Injection.variantTag(snippet) : 0), "\(file.path)")
                #expect(got.contentType == ContentTypes.type(for: file.path, bytes: bytes), "\(file.path)")
            }
            #expect(served.renderedCount == full.count)
            #expect(served.fileNow("khong-co.html") == nil)
            #expect(served.isFolder("ke-hoach") && served.isFolder("") && !served.isFolder("assets"))
        }
    }

    #if canImport(Glibc)
        @Test("change notifications name what was touched, and the scan updated from them is a full scan")
        func changeNotifications() throws {
            let site = try TemporarySite(Fixtures.minimal)
            let root = site.root.path
            let notifier = try #require(ChangeNotifier(root: root))
            var scan = SourceScan.take(root: root)
            #expect(notifier.drain() == .nothing, "nothing happened yet")

            /// Applies a change; the notifications must name it (or not), and the updated scan must be a full one.
            func check(_ what: String, notified: Bool = true, _ change: () throws -> Void, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
                try change()
                let touched = notifier.drain()
                if case .paths(let paths) = touched {
                    scan = scan.updating(paths, root: root)
                } else {
                    #expect(!notified && touched == .nothing, "\(what): \(touched)", sourceLocation: sourceLocation)
                }
                #expect(scan == SourceScan.take(root: root), "\(what)", sourceLocation: sourceLocation)
                #expect(notifier.drain() == .nothing, "\(what): told once", sourceLocation: sourceLocation)
            }

            let report = "content/progress/2024-Q3/so-noi-vu.yml"
            try check("rewritten in place") {
                let handle = try FileHandle(forWritingTo: site.url(report))
                try handle.seekToEnd()
                try handle.write(contentsOf: Data("# sửa\n".utf8))
                try handle.close()
            }
            try check("scratch files and files beside the sources", notified: false) {
                try site.write("content/progress/2024-Q3/.so-noi-vu.yml.swp", "x")
                try site.write("content/progress/2024-Q3/so-noi-vu.yml~", "x")
                try site.write("public/index.html", "x")
                try site.write("ghi-chu.txt", "x")
            }
            try check("a new folder") { try FileManager.default.createDirectory(at: site.url("content/progress/2025-Q1"), withIntermediateDirectories: true) }
            try check("a file in it") { try site.write("content/progress/2025-Q1/so-noi-vu.yml", "x") }
            try check("folders and files at once") { try site.write("content/files/a/b/c.txt", "x") }
            try check("saved by rename") {
                try site.write("content/plans/kh-1.md.tmp", "x")
                try FileManager.default.removeItem(at: site.url("content/plans/kh-1.md"))
                try FileManager.default.moveItem(at: site.url("content/plans/kh-1.md.tmp"), to: site.url("content/plans/kh-1.md"))
            }
            try check("a file removed") { try site.remove("content/progress/2025-Q1/so-noi-vu.yml") }
            try check("a folder removed") { try site.remove("content/files/a") }
            try check("a folder renamed") {
                try FileManager.default.moveItem(at: site.url("content/progress/2025-Q1"), to: site.url("content/progress/2025-Q2"))
            }
            try check("a file in the renamed folder") { try site.write("content/progress/2025-Q2/x.yml", "x") }
            try check("a folder replaced by a file") {
                try site.remove("content/progress/2025-Q2")
                try site.write("content/progress/2025-Q2", "x")
            }
            try check("site.yml") { try site.write("site.yml", Fixtures.siteYML + "notice: x\n") }
            try check("templates/ made after the start") { try site.write("templates/layout.mustache", "x") }
            try check("a folder in it") { try site.write("templates/partials/x.mustache", "x") }
            try check("content/ moved away") { try FileManager.default.moveItem(at: site.url("content"), to: site.url("content-cu")) }
            try check("and back") { try FileManager.default.moveItem(at: site.url("content-cu"), to: site.url("content")) }
            try check("and touched inside") { try site.write(report, "x") }
        }
    #endif
}
