import CCHCSynthetic
import CCHCTestSupport
import Testing

@testable import CCHCCore

/// Pages render into bytes: escaping into a buffer, HTML bytes in the layout, the menu kept per depth.
@Suite struct ByteRenderingTests {
    /// Escaping, into a buffer or as text, replaces exactly the five special characters, on text
    /// mixing them with Vietnamese letters and long runs without either.
    @Test func escapingIntoBytesMatchesEscapingText() {
        var random = SplitMix(seed: 0xE5CA9E)
        let pieces = ["&", "<", ">", "\"", "'", "Sở Nội vụ", "a", " ", "Đắk Lắk", String(repeating: "x", count: 70), "\n"]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            var fromText: [UInt8] = [0x2A]
            FastHTML.escape(text, into: &fromText)
            var fromBytes: [UInt8] = [0x2A]
            FastHTML.escape(Array(text.utf8), into: &fromBytes)
            let references: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]
            let reference = text.map { references[$0] ?? String($0) }.joined()
            #expect(FastHTML.escape(text) == reference, "\(text)")
            let expected = [0x2A] + Array(reference.utf8)
            #expect(fromText == expected, "\(text)")
            #expect(fromBytes == expected, "\(text)")
        }
    }

    @Test func htmlBytesAreCopiedOrEscapedAndReadAsText() throws {
        let html = HTMLBytes(bytes: Array("<p>Sở & ngành</p>".utf8))
        let templates = [
            "main": try Template(parsing: "{{{body}}}|{{body}}|{{#body}}có{{/body}}{{^body}}không{{/body}}")
        ]
        let renderer = TemplateRenderer(templates: templates)
        let bytes = try #require(renderer.renderBytes(["body": .html(html)], template: "main"))
        #expect(String(decoding: bytes, as: UTF8.self) == "<p>Sở & ngành</p>|&lt;p&gt;Sở &amp; ngành&lt;/p&gt;|có")
        #expect(renderer.render(["body": .html(html)], template: "main") == String(decoding: bytes, as: UTF8.self))
        #expect(renderer.renderBytes([:], template: "none") == nil)
    }

    /// The menu kept for the usual depths is the one made for the page itself, at every depth and section.
    @Test func menuIsTheSameKeptOrMade() throws {
        let example = try TemporarySite.example()
        let site = try #require(SiteLoader.load(root: example.root).site)
        let words = Words(.vi)
        let common = CommonContext(site: site.site, words: words, asOf: site.asOf, base: "https://x.vn/")
        let pages = [
            "index.html", "ke-hoach/index.html", "ke-hoach/kh-1/index.html", "nhiem-vu/kh-1/nv-1/index.html",
            "co-quan/so-noi-vu/index.html", "chi-so/par-index/index.html", "cap-nhat/2024-q3/index.html",
            "du-lieu/index.html", "a/b/c/d/e/index.html", "404.html", "khac/x.html",
        ]
        for page in pages {
            let kept = common.nav(page)
            let root = SitePaths.root(of: page)
            let keys = ["dashboard", "plans", "agencies", "indices", "updates", "data"]
            let targets = [SitePaths.dashboard, SitePaths.plans, SitePaths.agencies, SitePaths.indices, SitePaths.updates, SitePaths.data]
            #expect(kept.map { $0.text("label") } == keys.map { words.table[$0] }, "\(page)")
            #expect(kept.map { $0.text("href") } == targets.map { root + SitePaths.encode($0) }, "\(page)")
            let current = kept.compactMap { $0["current"] == .flag(true) ? $0.text("href") : nil }
            let section = page.hasPrefix("nhiem-vu/") ? "ke-hoach/" : page.split(separator: "/").first.map { $0 + "/" } ?? ""
            let expected =
                page == "index.html"
                ? [root + "index.html"]
                : targets.filter { $0 != SitePaths.dashboard && $0.hasPrefix(section) }.map { root + SitePaths.encode($0) }
            #expect(current == expected, "\(page)")
        }
    }
}
