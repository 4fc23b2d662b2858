import CCHCTestSupport
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `cchc build` run as a process on copies of the example site and on tiny fixture sites.
struct BuildTests {
    // MARK: - Pages and their facts

    @Test func everyPageKindIsWritten() throws {
        let built = try Example.get()
        #expect(built.run.stdout.hasPrefix("built "), "\(built.run)")
        #expect(built.run.stdout.contains("as of 31/12/2024"))
        for path in [
            "index.html", "ke-hoach/index.html", "ke-hoach/kh-ubnd-386-2024/index.html",
            "co-quan/index.html", "co-quan/so-noi-vu/index.html", "chi-so/index.html", "chi-so/par-index/index.html",
            "nhiem-vu/kh-snv-120-2024/quan-triet-trong-so/index.html", "cap-nhat/index.html", "du-lieu/index.html",
            "404.html", "sitemap.xml", "feed.xml", "assets/style.css",
            "du-lieu/nhiem-vu.csv", "du-lieu/nhiem-vu.json", "du-lieu/chi-so.csv", "du-lieu/chi-so.json",
            "du-lieu/co-quan.csv", "du-lieu/co-quan.json",
        ] {
            #expect(built.has(path), "\(path)")
        }
        // One page per plan, task, agency and index of the content.
        let files = built.files.keys
        #expect(files.filter { $0.hasPrefix("ke-hoach/") && $0 != "ke-hoach/index.html" }.count == 3)
        #expect(files.filter { $0.hasPrefix("chi-so/") && $0 != "chi-so/index.html" }.count == 5)
        #expect(!files.contains { $0.hasPrefix("public/") || $0.contains(".tmp-") })
    }

    @Test func theTinySitesPagesCarryTheDerivedFacts() throws {
        let built = try BuiltSite(try TemporarySite(Fixtures.minimal))
        #expect(built.run.exitCode == 0, "\(built.run)")
        // 7 pairs: the one-off task done, July done, August overdue, September to December not yet due.
        let dashboard = built.page("index.html")
        #expect(dashboard.contains("<strong>28,6%</strong>"), "\(dashboard)")
        #expect(dashboard.contains("2/7"))
        #expect(dashboard.contains("30/09/2024"))
        let task = built.page("nhiem-vu/kh-1/mot-lan/index.html")
        #expect(task.contains("<h1>Nhiệm vụ một lần</h1>"))
        #expect(task.contains("<span class=\"state state-done\">Hoàn thành</span>"))
        #expect(task.contains("30/06/2024"), "the due date as dd/mm/yyyy")
        #expect(task.contains("28/06/2024"), "the completion date as dd/mm/yyyy")
        #expect(!task.contains("2024-06-30"), "no ISO dates in the page's text")
        let monthly = built.page("nhiem-vu/kh-1/hang-thang/index.html")
        #expect(monthly.contains("state-overdue\">Quá hạn"))
        #expect(monthly.contains("state-no-report\">Chưa báo cáo"))
        let index = built.page("chi-so/par-index/index.html")
        #expect(index.contains("85,95"), "scores written the Vietnamese way")
        #expect(index.contains("28/63"))
        #expect(!index.contains("85.95"))
        let agency = built.page("co-quan/so-noi-vu/index.html")
        #expect(agency.contains("Sở Nội vụ"))
        #expect(agency.contains("Nhiệm vụ một lần"))
        let updates = built.page("cap-nhat/index.html")
        #expect(updates.contains("25/09/2024"))
    }

    /// A task that names the same index, area or criterion more than once is listed once under
    /// each heading of the index page, and the tasks keep their plan order.
    @Test func indexPageListsEachTaskOncePerHeading() throws {
        let plan = Fixtures.planMD
            .replacingOccurrences(
                of: "index: [par-index/chi-dao]",
                with: "index: [par-index, par-index/chi-dao, par-index, \"par-index#1.1\", par-index/chi-dao, \"par-index#1.1\"]"
            )
            .replacingOccurrences(of: "    every: month", with: "    index: [par-index/chi-dao, par-index, par-index/chi-dao]\n    every: month")
        let built = try BuiltSite(try TemporarySite(Fixtures.minimal(["content/plans/kh-1.md": plan])))
        let page = built.page("chi-so/par-index/index.html")
        func rows(_ task: String) -> Int { page.components(separatedBy: "nhiem-vu/kh-1/\(task)/index.html").count - 1 }
        #expect(rows("mot-lan") == 3, "the whole index, the area and the criterion: one row each")
        #expect(rows("hang-thang") == 2, "the whole index and the area")
        let first = try #require(page.range(of: "nhiem-vu/kh-1/mot-lan/index.html"))
        let second = try #require(page.range(of: "nhiem-vu/kh-1/hang-thang/index.html"))
        #expect(first.lowerBound < second.lowerBound, "plan order")
    }

    @Test func downloadsHoldTheSameCounts() throws {
        let built = try BuiltSite(try TemporarySite(Fixtures.minimal))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(built.page("du-lieu/nhiem-vu.json").utf8)) as? [String: Any])
        let tasks = try #require(json["tasks"] as? [[String: Any]])
        #expect(tasks.compactMap { $0["total"] as? Int }.reduce(0, +) == 7)
        #expect(tasks.compactMap { $0["done"] as? Int }.reduce(0, +) == 2)
        #expect(json["as_of"] as? String == "2024-09-30")
        for name in ["nhiem-vu.csv", "chi-so.csv", "co-quan.csv"] {
            let bytes = try #require(built.files["du-lieu/\(name)"])
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "\(name) starts with a UTF-8 byte-order mark")
            #expect(String(decoding: bytes, as: UTF8.self).contains("\r\n"), "\(name) has CRLF line ends")
        }
        let csv = String(decoding: built.files["du-lieu/nhiem-vu.csv"]!.dropFirst(3), as: UTF8.self)
        #expect(csv.split(separator: "\r\n").count == 1 + 7, "a header and one row per pair")
        #expect(csv.contains("Sở Nội vụ"))
    }

    // MARK: - Escaping

    @Test func scriptInTitlesAndNotesIsEscapedEverywhere() throws {
        let plan = Fixtures.planMD.replacingOccurrences(of: "title: Nhiệm vụ một lần", with: "title: \"<script>alert('tiêu đề')</script> & <b>đậm</b>\"")
        let report = Fixtures.reportYML.replacingOccurrences(
            of: "    completed: 2024-06-28\n",
            with: "    completed: 2024-06-28\n    note: \"*xong* <script>alert(1)</script> <img src=x onerror=alert(2)>\"\n")
        let built = try BuiltSite(try TemporarySite(Fixtures.minimal(["content/plans/kh-1.md": plan, "content/progress/2024-Q3/so-noi-vu.yml": report])))
        #expect(built.run.exitCode == 0, "\(built.run)")
        // Pages and feeds are HTML/XML; the CSV and JSON downloads hold the title as data.
        for (path, bytes) in built.files where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            let text = String(decoding: bytes, as: UTF8.self).lowercased()
            #expect(!text.contains("<script"), "raw <script> in \(path)")
            #expect(!text.contains("<img src=x"), "raw <img> in \(path)")
            #expect(!text.contains("<b>đậm"), "raw <b> from a title in \(path)")
        }
        let task = built.page("nhiem-vu/kh-1/mot-lan/index.html")
        #expect(task.contains("&lt;script&gt;"), "the title is shown as text")
        #expect(task.contains("<em>xong</em>"), "the note is still inline Markdown")
    }

    @Test(arguments: ["b", "div", "script"])
    func aNoteThatStartsWithATagKeepsItsInlineText(_ tag: String) throws {
        // `note` is inline Markdown: a leading tag is raw inline HTML (dropped when unsafe_html is
        // false), not the start of an HTML block that swallows the whole line.
        let report = Fixtures.reportYML.replacingOccurrences(
            of: "    completed: 2024-06-28\n",
            with: "    completed: 2024-06-28\n    note: \"<\(tag)>Đã</\(tag)> ban hành *kế hoạch*\"\n")
        let built = try BuiltSite(try TemporarySite(Fixtures.minimal(["content/progress/2024-Q3/so-noi-vu.yml": report])))
        #expect(built.run.exitCode == 0, "\(built.run)")
        let task = built.page("nhiem-vu/kh-1/mot-lan/index.html")
        #expect(task.contains("ban hành <em>kế hoạch</em>"), "\(task)")
        #expect(!task.contains("<\(tag)>"))
    }

    // MARK: - Links

    @Test func linksAreRelativeAndLeadToFiles() throws {
        let built = try Example.get()
        #expect(built.page("ke-hoach/kh-ubnd-386-2024/index.html").contains("href=\"../../assets/style.css\""))
        #expect(built.page("index.html").contains("href=\"assets/style.css\""))
        var checked = 0
        for (path, bytes) in built.files where path.hasSuffix(".html") && path != "404.html" {
            let folder = (path as NSString).deletingLastPathComponent
            for link in links(in: String(decoding: bytes, as: UTF8.self)) {
                if link.hasPrefix("#") || link.hasPrefix("https://") || link.hasPrefix("http://") || link.hasPrefix("mailto:") { continue }
                #expect(!link.hasPrefix("/"), "\(path) links \(link) from the host root")
                var target = decodedLink(link)
                if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
                let resolved = URL(fileURLWithPath: built.out.appendingPathComponent(folder).appendingPathComponent(target).path).standardizedFileURL
                #expect(resolved.path.hasPrefix(built.out.standardizedFileURL.path + "/"), "\(path) links \(link) outside the site")
                #expect(FileManager.default.fileExists(atPath: resolved.path), "\(path) links \(link), which is not in the output")
                checked += 1
            }
        }
        #expect(checked > 1000)
    }

    @Test func notFoundPageLinksWithAbsoluteURLs() throws {
        // 404.html is served at any depth, so it links with absolute URLs under base_url.
        let page = try Example.get().page("404.html")
        #expect(page.contains("href=\"https://backan.gov.vn/cchc/assets/style.css\""))
        #expect(page.contains("Không tìm thấy trang"))
    }

    // MARK: - Feed and sitemap

    /// Parses XML with Foundation's parser, collecting element texts and `href` attributes.
    final class XMLCollector: NSObject, XMLParserDelegate {
        var texts: [String: [String]] = [:]
        var hrefs: [String] = []
        var root: String?
        private var current: String?
        private var buffer = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if root == nil { root = name }
            if let href = attributes["href"] { hrefs.append(href) }
            current = name
            buffer = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            texts[name, default: []].append(buffer.trimmingCharacters(in: .whitespacesAndNewlines))
            buffer = ""
        }
    }

    private func parse(_ text: String) throws -> XMLCollector {
        let parser = XMLParser(data: Data(text.utf8))
        let collector = XMLCollector()
        parser.delegate = collector
        let ok = parser.parse()
        try #require(ok, "XML does not parse: \(parser.parserError.map { "\($0)" } ?? "?")")
        return collector
    }

    @Test func sitemapAndFeedAreXMLWithAbsoluteURLs() throws {
        let built = try Example.get()
        let sitemap = try parse(built.page("sitemap.xml"))
        #expect(sitemap.root == "urlset")
        let locs = sitemap.texts["loc"] ?? []
        #expect(locs.count >= 80)
        #expect(locs.allSatisfy { $0.hasPrefix("https://backan.gov.vn/cchc/") }, "\(locs.filter { !$0.hasPrefix("https://backan.gov.vn/cchc/") })")
        #expect(locs.contains("https://backan.gov.vn/cchc/"))
        #expect(locs.contains("https://backan.gov.vn/cchc/ke-hoach/kh-ubnd-386-2024/"))
        #expect(!locs.contains { $0.hasSuffix("404.html") }, "the not-found page is not in the sitemap")
        #expect(Set(locs).count == locs.count)

        let feed = try parse(built.page("feed.xml"))
        #expect(feed.root == "feed")
        #expect(!(feed.texts["entry"] ?? []).isEmpty)
        #expect(feed.hrefs.allSatisfy { $0.hasPrefix("https://backan.gov.vn/cchc/") }, "\(feed.hrefs)")
        #expect((feed.texts["updated"] ?? []).allSatisfy { $0.hasSuffix("T00:00:00Z") })
    }

    @Test func baseURLOptionChangesTheAbsoluteURLs() throws {
        let built = try BuiltSite(try TemporarySite(Fixtures.minimal), ["--base-url", "https://cchc.example.org/thu"])
        #expect(built.run.exitCode == 0, "\(built.run)")
        let locs = try parse(built.page("sitemap.xml")).texts["loc"] ?? []
        #expect(!locs.isEmpty)
        #expect(locs.allSatisfy { $0.hasPrefix("https://cchc.example.org/thu/") }, "\(locs)")
        #expect(try parse(built.page("feed.xml")).hrefs.allSatisfy { $0.hasPrefix("https://cchc.example.org/thu/") })
        #expect(built.page("index.html").contains("<link rel=\"canonical\" href=\"https://cchc.example.org/thu/\">"))
    }

    // MARK: - Output discipline

    @Test func twoBuildsOfTheSameContentAreByteIdentical() throws {
        let site = try TemporarySite.example()
        let first = try BuiltSite(site, out: site.url("out-1"))
        let second = try BuiltSite(site, out: site.url("out-2"))
        #expect(first.run.exitCode == 0 && second.run.exitCode == 0)
        let a = first.files, b = second.files
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, bytes) in a where b[path] != bytes {
            Issue.record("\(path) differs between two builds")
        }
        // A rebuild into the same folder gives the same bytes too.
        let again = try BuiltSite(site, out: site.url("out-1"))
        #expect(again.files == a)
    }

    @Test func aFailedBuildLeavesTheOldOutputUntouched() throws {
        let site = try TemporarySite(Fixtures.minimal)
        let good = try BuiltSite(site)
        #expect(good.run.exitCode == 0)
        let before = good.files
        try site.write("site.yml", Fixtures.siteYML + "language: fr\n")
        let failed = try BuiltSite(site)
        #expect(failed.run.exitCode == 1, "\(failed.run)")
        #expect(!failed.run.crashed)
        #expect(failed.run.stderr.contains("site.yml:5:11: error: `language` must be `vi` or `en`, found `fr`"), "\(failed.run)")
        #expect(failed.run.stderr.contains("was left as it was"))
        #expect(failed.files == before)
        // No temporary folders are left beside the output.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.root.path)
        #expect(!siblings.contains { $0.contains(".tmp-") || $0.contains(".old-") }, "\(siblings)")
    }

    @Test func aFailedFirstBuildCreatesNoOutput() throws {
        let site = try TemporarySite(Fixtures.minimal(["site.yml": Fixtures.siteYML + "language: fr\n"]))
        let failed = try BuiltSite(site)
        #expect(failed.run.exitCode == 1)
        #expect(!FileManager.default.fileExists(atPath: failed.out.path))
    }

    @Test func filesNoLongerProducedDisappearOnRebuild() throws {
        let plan = Fixtures.planMD.replacingOccurrences(of: "---\nVăn bản", with: "  - id: tam-thoi\n    title: Tạm thời\n    lead: [so-tu-phap]\n---\nVăn bản")
        let site = try TemporarySite(Fixtures.minimal(["content/plans/kh-1.md": plan, "content/files/cu.txt": "cũ\n"]))
        let first = try BuiltSite(site)
        #expect(first.run.exitCode == 0, "\(first.run)")
        #expect(first.has("nhiem-vu/kh-1/tam-thoi/index.html"))
        #expect(first.has("files/cu.txt"))
        try site.write("public/stray.html", "left by hand\n")
        try site.write("content/plans/kh-1.md", Fixtures.planMD)
        try site.remove("content/files/cu.txt")
        let second = try BuiltSite(site)
        #expect(second.run.exitCode == 0, "\(second.run)")
        #expect(!second.has("nhiem-vu/kh-1/tam-thoi/index.html"))
        #expect(!second.has("files/cu.txt"))
        #expect(!second.has("stray.html"))
        #expect(!second.page("sitemap.xml").contains("tam-thoi"))
    }

    @Test func evidenceFilesAreCopiedAsTheyAre() throws {
        let site = try TemporarySite.example()
        let built = try BuiltSite(site)
        let sources = OutputTree.files(under: site.url("content/files"))
        #expect(!sources.isEmpty)
        for (path, bytes) in sources {
            #expect(built.files["files/\(path)"] == bytes, "files/\(path)")
        }
    }

    @Test func nfdNamedEvidenceFilesAreCopied() throws {
        let report = Fixtures.reportYML + "    evidence:\n      - title: Báo cáo\n        url: files/snv/Báo cáo quý 3.txt\n"
        let name = "content/files/snv/Báo cáo quý 3.txt".decomposedStringWithCanonicalMapping
        let site = try TemporarySite(Fixtures.minimal(["content/progress/2024-Q3/so-noi-vu.yml": report]), binary: [name: Array("nội dung\n".utf8)])
        let built = try BuiltSite(site)
        #expect(built.run.exitCode == 0, "\(built.run)")
        #expect(built.files.keys.contains { $0.precomposedStringWithCanonicalMapping == "files/snv/Báo cáo quý 3.txt" }, "\(built.files.keys.sorted())")
    }

    @Test func refusesToWriteOverTheSiteItself() throws {
        let site = try TemporarySite(Fixtures.minimal)
        let before = OutputTree.files(under: site.root)
        for out in [site.root, site.url("content"), site.url("content/x")] {
            let run = try CCHCBinary.run(["build", site.root.path, "--out", out.path])
            #expect(run.exitCode == 1 && !run.crashed, "\(run)")
        }
        #expect(OutputTree.files(under: site.root) == before)
    }

    // MARK: - Settings that change the output

    @Test func englishSiteUsesEnglishWords() throws {
        let built = try BuiltSite(try TemporarySite(Fixtures.minimal(["site.yml": Fixtures.siteYML + "language: en\n"])))
        #expect(built.run.exitCode == 0, "\(built.run)")
        let dashboard = built.page("index.html")
        #expect(dashboard.contains("<html lang=\"en\">"))
        #expect(dashboard.contains("Overview"))
        #expect(!dashboard.contains("Tổng quan"))
        let task = built.page("nhiem-vu/kh-1/mot-lan/index.html")
        #expect(task.contains(">Done</span>"))
        #expect(!task.contains("Hoàn thành"))
        #expect(built.page("nhiem-vu/kh-1/hang-thang/index.html").contains(">Overdue</span>"))
        // The content stays as written.
        #expect(task.contains("Nhiệm vụ một lần"))
    }

    @Test func asOfOptionChangesTheStates() throws {
        let built = try BuiltSite(try TemporarySite(Fixtures.minimal), ["--as-of", "2025-01-01"])
        #expect(built.run.stdout.contains("as of 01/01/2025"), "\(built.run)")
        let monthly = built.page("nhiem-vu/kh-1/hang-thang/index.html")
        #expect(!monthly.contains("state-no-report\">"), "every occurrence was due before 01/01/2025")
        #expect(built.page("index.html").contains("01/01/2025"))
    }
}
