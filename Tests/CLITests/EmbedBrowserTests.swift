import CCHCTestSupport
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The embeds in a real browser: the example site built, served on one port, and its embeds put in
/// `<iframe>`s 300 and 600 px wide (440 px high, the size the snippet offers) by a page served from
/// another port (another origin), as a portal would, with the `<img>` snippets of the full pages. Headless Chromium measures each embed from a page of the same origin (another
/// origin may not read an iframe's document) and takes the cross-origin screenshots, which are
/// left in `$CCHC_EMBED_SCREENSHOTS` (else a temporary folder) for a person to look at.
struct EmbedBrowserTests {
    /// Headless Chromium, if installed.
    static let chromium: URL? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }.map(URL.init(fileURLWithPath:))
    static let python: URL? = ["/usr/bin/python3", "/usr/local/bin/python3"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }.map(URL.init(fileURLWithPath:))

    /// A static file server on 127.0.0.1 and a port the system picks.
    final class Server {
        let process = Process()
        let port: Int

        init(_ folder: URL) throws {
            // The server binds port 0 and prints the port it got.
            let script = """
                import functools, http.server, sys
                handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
                handler.func.log_message = lambda *a: None
                server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
                print(server.server_address[1], flush=True)
                server.serve_forever()
                """
            let out = Pipe()
            process.executableURL = EmbedBrowserTests.python
            process.arguments = ["-c", script, folder.path]
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            let line = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
            port = try #require(Int(line.trimmingCharacters(in: .whitespacesAndNewlines)), "no port from the server: \(line)")
        }

        // SIGKILL: the server, started by Foundation, does not always end on SIGTERM, and while it
        // lives it holds the test runner's output open.
        deinit {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Runs Chromium headless with `arguments` and returns what it prints.
    static func browse(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = chromium
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        process.arguments =
            ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)", "--virtual-time-budget=8000"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: chromium != nil && python != nil, "chromium or python3 is not installed"))
    func everyEmbedFits300And600PixelsAndLinksOutOfTheFrame() throws {
        let site = try TemporarySite.example()
        let out = site.root.appendingPathComponent("_site")
        let build = try CCHCBinary.run(["build", site.root.path, "--out", out.path])
        try #require(build.exitCode == 0, "\(build)")
        let files = try FileManager.default.subpathsOfDirectory(atPath: out.appendingPathComponent("nhung").path)
        let embeds = files.filter { $0.hasSuffix("index.html") }.map { "nhung/" + $0 }.sorted()
        // One overview, and at least one of each kind.
        #expect(embeds.contains("nhung/index.html"))
        for kind in ["ke-hoach", "co-quan", "chi-so"] { #expect(embeds.contains { $0.hasPrefix("nhung/\(kind)/") }, "\(kind)") }
        for path in embeds {
            let html = try String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)
            #expect(html.contains("<html lang=\"vi\">") && html.contains("<style>"), "\(path)")
            #expect(!html.contains("<script") && !html.contains("<link rel=\"stylesheet\""), "\(path)")
            let links = html.components(separatedBy: "<a ").dropFirst()
            #expect(!links.isEmpty, "\(path) links to nothing")
            for link in links { #expect(link.prefix(while: { $0 != ">" }).contains("target=\"_parent\""), "\(path): \(link.prefix(80))") }
        }

        // Every chart of an embed is also an SVG file of its own, a well-formed XML document.
        let svgs = files.filter { $0.hasSuffix(".svg") }.map { "nhung/" + $0 }.sorted()
        #expect(svgs.contains("nhung/hoan-thanh.svg") && svgs.contains { $0.hasSuffix("/diem.svg") }, "\(svgs)")
        #expect(svgs.count == embeds.count, "one chart per embed: \(svgs.count) for \(embeds.count)")
        for path in svgs {
            let data = try Data(contentsOf: out.appendingPathComponent(path))
            let parser = XMLParser(data: data)
            #expect(parser.parse(), "\(path): \(parser.parserError.map { "\($0)" } ?? "")")
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.contains("<svg width=\"") && text.contains("<title") && !text.contains("<script"), "\(path)")
        }
        // The full pages that offer the embeds' code.
        let fullPages = ["index.html", "ke-hoach/kh-ubnd-386-2024/index.html", "co-quan/so-noi-vu/index.html", "chi-so/par-index/index.html"]

        // Not in the sitemap: the full pages are the ones to find.
        let sitemap = try String(contentsOf: out.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        #expect(!sitemap.contains("/nhung/"))

        // Measured from a page of the site's own origin, which may read the frames' documents.
        let list = embeds.map { "\"\($0)\"" }.joined(separator: ",")
        let measure = """
            <!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>m</title></head><body><pre id="out"></pre><script>
            const pages = [\(list)]; const lines = []; let pending = pages.length * 2;
            for (const w of [300, 600]) for (const p of pages) {
              const f = document.createElement("iframe"); f.width = w; f.height = 440; f.src = p;
              f.onload = () => { const d = f.contentDocument.documentElement;
                lines.push(w + " " + p + " " + d.scrollWidth + " " + d.clientWidth + " " + d.scrollHeight + " " + d.clientHeight);
                if (--pending === 0) document.getElementById("out").textContent = "[" + lines.join("|") + "]"; };
              document.body.appendChild(f);
            }
            </script></body></html>
            """
        try Data(measure.utf8).write(to: out.appendingPathComponent("measure.html"))
        let server = try Server(out)
        let dom = try Self.browse(["--dump-dom", "http://127.0.0.1:\(server.port)/measure.html"])
        let text = try #require(dom.firstMatch(of: #/\[([^\]]*)\]/#), "no measurements in \(dom.prefix(300))").output.1
        let rows = text.split(separator: "|").map { $0.split(separator: " ") }
        #expect(rows.count == embeds.count * 2)
        for row in rows {
            // Nothing wider or taller than the frame: no scrolling, nothing cut off.
            #expect(Int(row[2])! <= Int(row[3])!, "\(row[1]) at \(row[0]) px: \(row[2]) wide in \(row[3])")
            #expect(Int(row[4])! <= Int(row[5])!, "\(row[1]) at \(row[0]) px: \(row[4]) high in \(row[5])")
        }

        // The portal's view: another origin, screenshots at both widths.
        let portal = site.root.appendingPathComponent("_portal")
        try FileManager.default.createDirectory(at: portal, withIntermediateDirectories: true)
        let shots = ProcessInfo.processInfo.environment["CCHC_EMBED_SCREENSHOTS"].map(URL.init(fileURLWithPath:)) ?? site.root
        let kinds = ["nhung/index.html"] + ["ke-hoach", "co-quan", "chi-so"].compactMap { kind in embeds.first { $0.hasPrefix("nhung/\(kind)/") } }
        // The `<img>` code every full page offers, pointed at the local server instead of base_url.
        let images = try fullPages.map { path -> String in
            let html = try String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)
            let codes = html.matches(of: #/<pre><code>([^<]*)</code></pre>/#).map { unescape(String($0.output.1)) }
            let image = try #require(codes.first { $0.contains("<img ") }, "\(path) offers no <img> code")
            #expect(image.hasPrefix("<a href=\"https://backan.gov.vn/cchc/") && image.contains(" alt=\""), "\(image)")
            return image.replacingOccurrences(of: "https://backan.gov.vn/cchc/", with: "http://127.0.0.1:\(server.port)/")
        }
        for width in [300, 600] {
            let frames = kinds.map {
                "<iframe src=\"http://127.0.0.1:\(server.port)/\($0)\" width=\"\(width)\" height=\"440\" title=\"\($0)\" style=\"border:1px solid #c00\"></iframe>"
            }
            let page = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>cổng</title></head><body>\(frames.joined())</body></html>"
            try Data(page.utf8).write(to: portal.appendingPathComponent("w\(width).html"))
        }
        // The images from the other origin: each loads and has the size of an SVG with a shape.
        let imagePage = """
            <!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>ảnh</title></head><body>\(images.joined(separator: "\n"))
            <pre id="out"></pre><script>
            window.onload = () => { document.getElementById("out").textContent = "[" + Array.from(document.images,
              i => i.complete + " " + i.naturalWidth + " " + i.naturalHeight + " " + i.width + " " + i.height).join("|") + "]"; };
            </script></body></html>
            """
        try Data(imagePage.utf8).write(to: portal.appendingPathComponent("images.html"))
        let other = try Server(portal)
        #expect(other.port != server.port)
        let loaded = try Self.browse(["--dump-dom", "http://127.0.0.1:\(other.port)/images.html"])
        let sizes = try #require(loaded.firstMatch(of: #/\[(true[^\]]*)\]/#), "no image sizes in \(loaded.suffix(300))").output.1
        let imageRows = sizes.split(separator: "|").map { $0.split(separator: " ") }
        #expect(imageRows.count == images.count)
        for (row, code) in zip(imageRows, images) {
            // Loaded, drawn at the 300 px the code asks, with the SVG's own proportions.
            #expect(row[0] == "true" && Int(row[1])! > 100 && Int(row[2])! > 50, "\(code): \(row)")
            #expect(row[3] == "300" && Int(row[4])! > 50, "\(code): \(row)")
        }
        _ = try Self.browse([
            "--window-size=660,1200", "--screenshot=\(shots.appendingPathComponent("embed-images.png").path)",
            "http://127.0.0.1:\(other.port)/images.html",
        ])
        for width in [300, 600] {
            let shot = shots.appendingPathComponent("embeds-\(width).png")
            _ = try Self.browse([
                "--window-size=\(width * 2 + 40),\(440 * 2 + 40)", "--screenshot=\(shot.path)", "http://127.0.0.1:\(other.port)/w\(width).html",
            ])
            let size = (try? FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int) ?? 0
            #expect(size > 10_000, "no screenshot at \(width) px")
        }
    }
}

/// The text of HTML with the five escapes cchc writes turned back into characters.
private func unescape(_ html: String) -> String {
    html.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
        .replacingOccurrences(of: "&amp;", with: "&")
}
