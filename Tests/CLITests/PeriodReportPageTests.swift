import CCHCTestSupport
import Foundation
import Testing

/// The printable period report, `/ky-bao-cao/<period>/bao-cao/`: the same tables as the Word
/// document `cchc report` writes, and an A4 document when a browser prints it.
struct PeriodReportPageTests {
    /// The example site built once.
    static let built: Result<(site: TemporarySite, out: URL), any Error> = Result {
        let site = try TemporarySite.example()
        let out = site.root.appendingPathComponent("_site")
        let run = try CCHCBinary.run(["build", site.root.path, "--out", out.path])
        guard run.exitCode == 0 else { throw CLIFailure("cchc build failed: \(run)") }
        return (site, out)
    }

    /// Reads the tables of a `.docx` (with a real XML parser) and the report tables of an HTML page
    /// (with Python's HTML parser), each cell's text with its white space folded, as JSON.
    static let tablesScript = """
        import json, sys, zipfile, xml.etree.ElementTree as ET
        from html.parser import HTMLParser
        W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
        def fold(text): return " ".join(text.split())
        def docx(path):
            root = ET.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
            tables = []
            for table in root.iter(W + "tbl"):
                rows = []
                for row in table.findall(W + "tr"):
                    cells = []
                    for cell in row.findall(W + "tc"):
                        text = []
                        for paragraph in cell.findall(W + "p"):
                            for node in paragraph.iter():
                                if node.tag == W + "t": text.append(node.text or "")
                                elif node.tag in (W + "br", W + "tab"): text.append(" ")
                            text.append(" ")
                        cells.append(fold("".join(text)))
                    rows.append(cells)
                tables.append(rows)
            return tables
        class Tables(HTMLParser):
            def __init__(self):
                super().__init__(); self.tables = []; self.depth = 0; self.cell = None
            def handle_starttag(self, tag, attrs):
                classes = (dict(attrs).get("class") or "").split()
                if tag == "table" and "report-table" in classes: self.tables.append([]); self.depth = 1
                elif self.depth and tag == "tr": self.tables[-1].append([])
                elif self.depth and tag in ("td", "th"): self.cell = []
            def handle_endtag(self, tag):
                if tag == "table": self.depth = 0
                elif self.depth and tag in ("td", "th") and self.cell is not None:
                    self.tables[-1][-1].append(fold("".join(self.cell))); self.cell = None
            def handle_data(self, data):
                if self.cell is not None: self.cell.append(data)
        def html(path):
            parser = Tables(); parser.feed(open(path, encoding="utf-8").read()); return parser.tables
        print(json.dumps({"docx": docx(sys.argv[1]), "html": html(sys.argv[2])}, ensure_ascii=False))
        """

    static let python = EmbedBrowserTests.python

    /// Requires the report tables of the page at `page` to be those of the `.docx` at `docx`, cell
    /// for cell (the document's first and last tables are the header and signature blocks, which
    /// the page lays out without a table).
    static func expectSameTables(page: URL, docx: URL, _ label: String) throws {
        let read = try OfficeTools.run("python3", ["-c", Self.tablesScript, docx.path, page.path])
        try #require(read.status == 0, "\(read.output)")
        let tables = try JSONDecoder().decode([String: [[[String]]]].self, from: Data(read.output.utf8))
        let word = try #require(tables["docx"]), html = try #require(tables["html"])
        try #require(word.count >= 3, "\(word.count) tables in the document")
        let wordTables = Array(word.dropFirst().dropLast())
        #expect(html.count == wordTables.count, "\(label): \(html.count) tables on the page, \(wordTables.count) in the document")
        for (position, (onPage, inDocument)) in zip(html, wordTables).enumerated() {
            #expect(onPage == inDocument, "table \(position + 1) of \(label) differs")
        }
        // Something to compare: the tables hold rows.
        #expect(html.reduce(0) { $0 + $1.count } > 8, "\(label)")
    }

    @Test(
        .enabled(if: python != nil, "python3 is not installed"),
        arguments: ["2024-Q2", "2024-Q3", "2024-Q4"])
    func thePageHasTheWordDocumentsTablesCellForCell(_ period: String) throws {
        let (site, out) = try Self.built.get()
        let page = out.appendingPathComponent("ky-bao-cao/\(period.lowercased())/bao-cao/index.html")
        let docx = site.root.appendingPathComponent("bao-cao-\(period).docx")
        let report = try CCHCBinary.run(["report", period, site.root.path, "--out", docx.path, "--force"])
        try #require(report.exitCode == 0, "\(report)")
        try Self.expectSameTables(page: page, docx: docx, period)
    }

    /// Built in the middle of a quarter, the page names the command with the reporting date, and
    /// that command writes the page's tables.
    @Test(.enabled(if: python != nil, "python3 is not installed"))
    func aPeriodStillRunningNamesTheCommandWithItsDate() throws {
        let site = try TemporarySite(PeriodFixture.files)
        let out = site.root.appendingPathComponent("_site")
        let build = try CCHCBinary.run(["build", site.root.path, "--out", out.path, "--as-of", "2024-08-15"])
        try #require(build.exitCode == 0, "\(build)")
        let page = out.appendingPathComponent("ky-bao-cao/2024-q3/bao-cao/index.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("<code>cchc report 2024-Q3 --as-of 2024-08-15</code>"))
        let docx = site.root.appendingPathComponent("bao-cao.docx")
        let report = try CCHCBinary.run(["report", "2024-Q3", site.root.path, "--out", docx.path, "--as-of", "2024-08-15"])
        try #require(report.exitCode == 0, "\(report)")
        try Self.expectSameTables(page: page, docx: docx, "2024-Q3 as of 15/08/2024")
        // The quarter before, over by then, is reported as of its last day.
        let earlier = try String(contentsOf: out.appendingPathComponent("ky-bao-cao/2024-q2/bao-cao/index.html"), encoding: .utf8)
        #expect(earlier.contains("<code>cchc report 2024-Q2</code>"))
    }

    @Test func thePeriodPageLinksToItsReportAndTheReportBackAndTheWordsAreTheDocuments() throws {
        let (_, out) = try Self.built.get()
        let period = try String(contentsOf: out.appendingPathComponent("ky-bao-cao/2024-q4/index.html"), encoding: .utf8)
        #expect(period.contains("<a href=\"../../ky-bao-cao/2024-q4/bao-cao/index.html\">"))
        let page = try String(contentsOf: out.appendingPathComponent("ky-bao-cao/2024-q4/bao-cao/index.html"), encoding: .utf8)
        #expect(page.contains("<a href=\"../../../ky-bao-cao/2024-q4/index.html\">"))
        for text in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "SỞ NỘI VỤ", "Số:          /BC-SNV",
            "Bắc Kạn, ngày …… tháng …… năm ……", "I. KẾT QUẢ CHUNG", "V. KẾT QUẢ CÁC CHỈ SỐ SO VỚI MỤC TIÊU", "Nơi nhận:",
            "<code>cchc report 2024-Q4</code>",
        ] {
            #expect(page.contains(text), "\(text)")
        }
        // In the sitemap like the period pages.
        let sitemap = try String(contentsOf: out.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("/ky-bao-cao/2024-q4/bao-cao/"))
    }

    /// Headless Chromium prints the page: A4, the document alone (no menu, no note on printing),
    /// with its figures; page 1 is kept as an image for a person to look at.
    @Test(.enabled(if: EmbedBrowserTests.chromium != nil, "chromium is not installed"))
    func chromiumPrintsItOnA4AsTheDocumentAlone() throws {
        let (_, out) = try Self.built.get()
        let page = out.appendingPathComponent("ky-bao-cao/2024-q4/bao-cao/index.html")
        let pdf = out.appendingPathComponent("bao-cao-2024-Q4.pdf")
        _ = try EmbedBrowserTests.browse(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString])
        try #require(FileManager.default.fileExists(atPath: pdf.path), "no PDF printed")
        let info = try OfficeTools.run("pdfinfo", [pdf.path])
        try #require(info.status == 0, "\(info.output)")
        #expect(info.output.contains("(A4)"), "\(info.output)")
        let pages = Int(info.output.firstMatch(of: #/Pages:\s+(\d+)/#)?.output.1 ?? "0") ?? 0
        #expect(pages >= 2 && pages < 40, "\(pages) pages")
        let text = try OfficeTools.run("pdftotext", ["-layout", pdf.path, "-"])
        try #require(text.status == 0, "\(text.output)")
        let folded = text.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for words in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO", "II. KẾT QUẢ THỰC HIỆN TỪNG KẾ HOẠCH", "Tổng cộng", "GIÁM ĐỐC"] {
            #expect(folded.contains(words), "\(words)")
        }
        // The overall figure of the example site as of 31/12/2024 (the Word report's test derives it).
        #expect(folded.contains("đã hoàn thành 68/235 lượt nhiệm vụ"), "\(folded.prefix(600))")
        // Neither the site's menu nor the note on how to print.
        #expect(!folded.contains("Ctrl+P") && !folded.contains("Cập nhật Dữ liệu"), "\(folded.prefix(300))")
        let shots = ProcessInfo.processInfo.environment["CCHC_EMBED_SCREENSHOTS"].map(URL.init(fileURLWithPath:)) ?? out
        let png = try OfficeTools.run(
            "pdftoppm", ["-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", pdf.path, shots.appendingPathComponent("report-page-1").path])
        #expect(png.status == 0, "\(png.output)")
        let image = try Data(contentsOf: shots.appendingPathComponent("report-page-1.png"))
        #expect(image.starts(with: [0x89, 0x50, 0x4E, 0x47]) && image.count > 10_000)
    }
}

/// A step of a test that failed, as an error.
struct CLIFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
