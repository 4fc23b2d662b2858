import Testing

@testable import CCHCCore

struct MarkdownTests {
    // MARK: GFM extensions

    @Test func tableAlignmentUsesStyleAttributes() {
        let source = """
            | Nhiệm vụ | Tiến độ | Tỷ lệ | Ghi chú |
            |:--|:-:|--:|---|
            | Rà soát | ~~Chậm~~ | 50% | x |
            """
        let expected = """
            <table>
            <thead>
            <tr>
            <th style="text-align: left">Nhiệm vụ</th>
            <th style="text-align: center">Tiến độ</th>
            <th style="text-align: right">Tỷ lệ</th>
            <th>Ghi chú</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td style="text-align: left">Rà soát</td>
            <td style="text-align: center"><del>Chậm</del></td>
            <td style="text-align: right">50%</td>
            <td>x</td>
            </tr>
            </tbody>
            </table>

            """
        let html = Markdown.render(source).html
        #expect(html == expected)
        #expect(!html.contains(" align="))
    }

    @Test func tableWithInlineMarkupAndEscapedPipe() {
        let source = """
            | A | B |
            |---|---|
            | **đậm** | a \\| b |
            """
        let expected = """
            <table>
            <thead>
            <tr>
            <th>A</th>
            <th>B</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td><strong>đậm</strong></td>
            <td>a | b</td>
            </tr>
            </tbody>
            </table>

            """
        #expect(Markdown.render(source).html == expected)
    }

    @Test func taskListCheckboxesAreDisabled() {
        let html = Markdown.render("- [ ] Chưa làm\n- [x] Đã xong\n").html
        #expect(
            html == """
                <ul>
                <li><input type="checkbox" disabled="" /> Chưa làm</li>
                <li><input type="checkbox" checked="" disabled="" /> Đã xong</li>
                </ul>

                """)
    }

    @Test(arguments: [
        ("~~bỏ~~ giữ", "<p><del>bỏ</del> giữ</p>\n"),
        ("Giảm ~~10%~~ 20%", "<p>Giảm <del>10%</del> 20%</p>\n"),
        // Only double tildes strike through: "~" means "about" in plan texts.
        ("khoảng ~50% đến ~60%", "<p>khoảng ~50% đến ~60%</p>\n"),
        ("~một~", "<p>~một~</p>\n"),
        ("_~~cả hai~~_", "<p><em><del>cả hai</del></em></p>\n"),
    ])
    func strikethrough(source: String, expected: String) {
        #expect(Markdown.render(source).html == expected)
    }

    @Test(arguments: [
        (
            "Xem www.example.gov.vn.",
            "<p>Xem <a href=\"http://www.example.gov.vn\">www.example.gov.vn</a>.</p>\n"
        ),
        (
            "Cổng https://dichvucong.gov.vn/p/home nhé",
            "<p>Cổng <a href=\"https://dichvucong.gov.vn/p/home\">https://dichvucong.gov.vn/p/home</a> nhé</p>\n"
        ),
        (
            "Thư: lienhe@example.vn",
            "<p>Thư: <a href=\"mailto:lienhe@example.vn\">lienhe@example.vn</a></p>\n"
        ),
        (
            "<https://a.vn/x?y=1&z=2>",
            "<p><a href=\"https://a.vn/x?y=1&amp;z=2\">https://a.vn/x?y=1&amp;z=2</a></p>\n"
        ),
    ])
    func autolinks(source: String, expected: String) {
        #expect(Markdown.render(source).html == expected)
    }

    @Test func smartPunctuationIsOff() {
        #expect(Markdown.render("\"Kế hoạch\" -- 2025...").html == "<p>&quot;Kế hoạch&quot; -- 2025...</p>\n")
    }

    // MARK: Safety

    @Test(arguments: [
        ("<script>alert(1)</script>\n\nSau", "<p>Sau</p>\n"),
        ("<div onclick=\"x()\">\nkhối\n</div>\n\nSau", "<p>Sau</p>\n"),
        ("<img src=x onerror=alert(1)>", ""),
        ("Chữ <img src=x onerror=alert(1)> và <b>đậm</b>", "<p>Chữ  và đậm</p>\n"),
        ("x <script>y</script> z", "<p>x y z</p>\n"),
        ("<!-- ghi chú -->\n\nSau", "<p>Sau</p>\n"),
        ("<b></b>", ""),
        ("- <span>mục</span>", "<ul>\n<li>mục</li>\n</ul>\n"),
        ("<iframe src=\"https://evil.example\"></iframe>", ""),
    ])
    func rawHTMLIsDropped(source: String, expected: String) {
        let html = Markdown.render(source).html
        #expect(html == expected)
        #expect(!html.contains("<!--"))
    }

    @Test(arguments: [
        "[a](javascript:alert(1))",
        "[a](JaVaScRiPt:alert(1))",
        "[a](   javascript:alert(1))",
        "[a](<javascript:alert(1)>)",
        "[a](&#106;avascript:alert(1))",
        "[a](&#x4A;AVASCRIPT:alert(1))",
        "[a](java&#9;script:alert(1))",
        "[a](&#10;javascript:alert(1))",
        "[a](vbscript:msgbox(1))",
        "[a](VBScript:msgbox(1))",
        "[a](file:///etc/passwd)",
        "[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[a][x]\n\n[x]: javascript:alert(1)",
        "[a](javascript:alert(1) \"tiêu đề\")",
    ])
    func dangerousLinksAreReplacedByTheirText(source: String) {
        #expect(Markdown.render(source).html == "<p>a</p>\n")
    }

    @Test(arguments: [
        ("![ảnh](javascript:alert(1))", "<p>ảnh</p>\n"),
        ("![ảnh](data:image/png;base64,iVBORw0KGgo=)", "<p>ảnh</p>\n"),
        ("<javascript:alert(1)>", "<p>javascript:alert(1)</p>\n"),
        ("[*nhấn* `mã`](javascript:x)", "<p><em>nhấn</em> <code>mã</code></p>\n"),
        ("[![ảnh](javascript:a)](javascript:b)", "<p>ảnh</p>\n"),
    ])
    func dangerousImagesAndAutolinksAreReplacedByTheirText(source: String, expected: String) {
        #expect(Markdown.render(source).html == expected)
    }

    @Test func safeLinksAndImagesAreKept() {
        let html = Markdown.render("[Quyết định](https://x.vn/qd?a=1 \"Số 1\") ![sơ đồ](img/so-do.png) [nội bộ](#muc-tieu)").html
        #expect(
            html
                == "<p><a href=\"https://x.vn/qd?a=1\" title=\"Số 1\">Quyết định</a> <img src=\"img/so-do.png\" alt=\"sơ đồ\" /> <a href=\"#muc-tieu\">nội bộ</a></p>\n"
        )
    }

    @Test(arguments: [
        ("javascript:alert(1)", true), (" \t\nJavaScript:x", true), ("java\tscript:x", true),
        ("\u{0}javascript:x", true), ("DATA:image/png;base64,", true), ("file:x", true),
        ("vbscript:x", true), ("https://x.vn/javascript:", false), ("/javascript", false),
        ("#data:", false), ("mailto:a@b.vn", false), ("", false),
    ])
    func urlSafety(url: String, dangerous: Bool) {
        #expect(URLSafety.isDangerous(url) == dangerous)
    }

    @Test func unsafeHTMLPassesThrough() {
        let source = "<div class=\"ghi-chu\">\nGhi chú\n</div>\n\nChữ <b>đậm</b> <img src=\"a.png\" onerror=\"x()\"> [a](javascript:void(0))"
        let html = Markdown.render(source, unsafeHTML: true).html
        #expect(
            html == """
                <div class="ghi-chu">
                Ghi chú
                </div>
                <p>Chữ <b>đậm</b> <img src="a.png" onerror="x()"> <a href="javascript:void(0)">a</a></p>

                """)
    }

    @Test func tagFilterStillAppliesInUnsafeMode() {
        let html = Markdown.render("<script>alert(1)</script>\n\nx <iframe src=y></iframe>", unsafeHTML: true).html
        #expect(html == "&lt;script>alert(1)&lt;/script>\n<p>x &lt;iframe src=y>&lt;/iframe></p>\n")
    }

    // MARK: Headings

    @Test func vietnameseHeadingGetsSlugID() {
        let rendered = Markdown.render("## II. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP")
        #expect(rendered.html == "<h2 id=\"ii-muc-tieu-nhiem-vu-va-giai-phap\">II. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP</h2>\n")
        #expect(
            rendered.headings == [
                MarkdownHeading(level: 2, text: "II. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP", id: "ii-muc-tieu-nhiem-vu-va-giai-phap")
            ])
    }

    @Test func headingWithInlineMarkupUsesItsPlainText() {
        let rendered = Markdown.render("### Sở *Nội vụ* `CCHC` ~~cũ~~ [Đắk Lắk](https://daklak.gov.vn)")
        #expect(
            rendered.html
                == "<h3 id=\"so-noi-vu-cchc-cu-dak-lak\">Sở <em>Nội vụ</em> <code>CCHC</code> <del>cũ</del> <a href=\"https://daklak.gov.vn\">Đắk Lắk</a></h3>\n"
        )
        #expect(rendered.headings == [MarkdownHeading(level: 3, text: "Sở Nội vụ CCHC cũ Đắk Lắk", id: "so-noi-vu-cchc-cu-dak-lak")])
    }

    @Test func duplicateAndEmptyHeadingIDs() {
        let source = """
            # Kết quả
            ## Kết quả
            ## Kết quả
            ## ???
            ## !!!
            # A
            # A
            # A 2
            """
        let rendered = Markdown.render(source)
        #expect(rendered.headings.map(\.id) == ["ket-qua", "ket-qua-2", "ket-qua-3", "muc", "muc-2", "a", "a-2", "a-2-2"])
        #expect(
            rendered.html == """
                <h1 id="ket-qua">Kết quả</h1>
                <h2 id="ket-qua-2">Kết quả</h2>
                <h2 id="ket-qua-3">Kết quả</h2>
                <h2 id="muc">???</h2>
                <h2 id="muc-2">!!!</h2>
                <h1 id="a">A</h1>
                <h1 id="a-2">A</h1>
                <h1 id="a-2-2">A 2</h1>

                """)
    }

    @Test func suffixedIDsStayWithinTheSlugLimit() {
        var ids = HeadingIDAllocator()
        let long = String(repeating: "Nhiệm vụ ", count: 20)
        let first = ids.id(for: long)
        let second = ids.id(for: long)
        #expect(first.count <= Slug.maximumLength)
        #expect(second.count <= Slug.maximumLength)
        #expect(second.hasSuffix("-2"))
        #expect(Slug.isValidID(second))
        #expect(first != second)
    }

    @Test func headingsListsEveryHeadingInOrder() {
        let source = """
            Tiêu đề kế hoạch
            ================

            ## I. MỤC ĐÍCH, YÊU CẦU

            Đoạn văn.

            ### 1. Mục đích

            > #### Trích dẫn

            - ##### Trong danh sách

            ## II. NHIỆM VỤ
            ###### Cấp 6
            """
        let rendered = Markdown.render(source)
        #expect(
            rendered.headings == [
                MarkdownHeading(level: 1, text: "Tiêu đề kế hoạch", id: "tieu-de-ke-hoach"),
                MarkdownHeading(level: 2, text: "I. MỤC ĐÍCH, YÊU CẦU", id: "i-muc-dich-yeu-cau"),
                MarkdownHeading(level: 3, text: "1. Mục đích", id: "1-muc-dich"),
                MarkdownHeading(level: 4, text: "Trích dẫn", id: "trich-dan"),
                MarkdownHeading(level: 5, text: "Trong danh sách", id: "trong-danh-sach"),
                MarkdownHeading(level: 2, text: "II. NHIỆM VỤ", id: "ii-nhiem-vu"),
                MarkdownHeading(level: 6, text: "Cấp 6", id: "cap-6"),
            ])
        #expect(
            rendered.html == """
                <h1 id="tieu-de-ke-hoach">Tiêu đề kế hoạch</h1>
                <h2 id="i-muc-dich-yeu-cau">I. MỤC ĐÍCH, YÊU CẦU</h2>
                <p>Đoạn văn.</p>
                <h3 id="1-muc-dich">1. Mục đích</h3>
                <blockquote>
                <h4 id="trich-dan">Trích dẫn</h4>
                </blockquote>
                <ul>
                <li>
                <h5 id="trong-danh-sach">Trong danh sách</h5>
                </li>
                </ul>
                <h2 id="ii-nhiem-vu">II. NHIỆM VỤ</h2>
                <h6 id="cap-6">Cấp 6</h6>

                """)
    }

    @Test func headingWithRawHTMLKeepsOnlyText() {
        let safe = Markdown.render("## Kế <span>hoạch</span>")
        #expect(safe.html == "<h2 id=\"ke-hoach\">Kế hoạch</h2>\n")
        let unsafe = Markdown.render("## Kế <span>hoạch</span>", unsafeHTML: true)
        #expect(unsafe.html == "<h2 id=\"ke-hoach\">Kế <span>hoạch</span></h2>\n")
        #expect(unsafe.headings == [MarkdownHeading(level: 2, text: "Kế hoạch", id: "ke-hoach")])
    }

    @Test func emptyDocument() {
        #expect(Markdown.render("") == RenderedMarkdown(html: "", headings: []))
        #expect(Markdown.renderInline("") == "")
    }

    // MARK: Inline

    @Test(arguments: [
        (
            "Đã **hoàn thành** 80%, xem [báo cáo](https://x.vn/bc) và `mã`",
            "Đã <strong>hoàn thành</strong> 80%, xem <a href=\"https://x.vn/bc\">báo cáo</a> và <code>mã</code>"
        ),
        ("_nghiêng_ ~~bỏ~~ www.a.vn", "<em>nghiêng</em> <del>bỏ</del> <a href=\"http://www.a.vn\">www.a.vn</a>"),
        ("dòng một\ndòng hai", "dòng một\ndòng hai"),
        ("đoạn một\n\nđoạn hai", "đoạn một<br />\nđoạn hai"),
        ("- một\n- hai", "một<br />\nhai"),
        ("# Tiêu đề", "Tiêu đề"),
        ("1. Xong", "Xong"),
        ("    mã <b>", "<code>mã &lt;b&gt;</code>"),
        ("x <script>y</script> [a](javascript:z)", "x y a"),
        ("a & b < c", "a &amp; b &lt; c"),
    ])
    func inlineRendering(source: String, expected: String) {
        #expect(Markdown.renderInline(source) == expected)
    }

    @Test func inlineUnsafeHTMLPassesThrough() {
        #expect(Markdown.renderInline("x <b>y</b>", unsafeHTML: true) == "x <b>y</b>")
        #expect(Markdown.renderInline("<div>khối</div>", unsafeHTML: true) == "<div>khối</div>")
    }

    // MARK: Concurrency

    /// Documents that exercise every global character the extensions toggle: `~`, `|`, `:`, `w`.
    static let concurrencyCorpus: [String] = (0..<24).map { n in
        var lines = ["## Mục \(n) ~~cũ~~", ""]
        for row in 0..<(3 + n % 4) {
            lines.append("Đoạn \(row): ~~bỏ \(n)~~ giữ, _~~nghiêng~~_, xem www.so\(n).gov.vn và https://a.vn/\(row).")
            lines.append("")
        }
        lines.append("| Việc | ~~Hạn~~ | Liên kết |")
        lines.append("|:--|:-:|--:|")
        for row in 0..<(4 + n % 3) {
            lines.append("| ~~v\(row)~~ | **\(row)** | www.t\(row).vn |")
        }
        lines.append("")
        lines.append("- [x] ~~xong \(n)~~ lienhe\(n)@so.vn")
        return lines.joined(separator: "\n")
    }

    @Test func concurrentRenderingMatchesSerialRendering() async {
        let corpus = Self.concurrencyCorpus
        let expected = corpus.map { Markdown.render($0) }
        // Sanity: the serial results really contain what a race would lose.
        for rendered in expected {
            #expect(rendered.html.contains("<del>bỏ"))
            #expect(rendered.html.contains("<td style=\"text-align: left\"><del>v0</del></td>"))
            #expect(rendered.html.contains("<a href=\"http://www."))
        }
        let tasks = 16, rendersPerTask = 300
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    var bad = 0
                    for i in 0..<rendersPerTask {
                        let index = (task * 7 + i) % corpus.count
                        if Markdown.render(corpus[index]) != expected[index] { bad += 1 }
                        if i % 10 == 0, Markdown.renderInline("~~x~~ www.a.vn") != "<del>x</del> <a href=\"http://www.a.vn\">www.a.vn</a>" {
                            bad += 1
                        }
                    }
                    return bad
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0, "\(mismatches) of \(tasks * rendersPerTask) concurrent renders differed")
    }

    /// Notes rendered on many threads beside documents must match a serial render.
    ///
    /// A build renders tens of thousands of notes concurrently; a note parse racing a document's
    /// (which toggles cmark-gfm's global special-character tables) would lose `~~` or links.
    @Test func concurrentInlineRenderingMatchesSerialRendering() async {
        let notes = (0..<40).map { i in
            "Đã ~~hủy~~ bổ sung **\(i) hồ sơ**, xem www.so\(i).gov.vn và https://a.vn/\(i); `mã \(i)` | cột"
        }
        let documents = Self.concurrencyCorpus
        let expectedNotes = notes.map { Markdown.renderInline($0) }
        let expectedDocuments = documents.map { Markdown.render($0) }
        for note in expectedNotes {
            #expect(note.contains("<del>hủy</del>"))
            #expect(note.contains("<a href=\"http://www.so"))
            #expect(note.contains("<strong>"))
        }
        let tasks = 16, rounds = 300
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    var bad = 0
                    for i in 0..<rounds {
                        if task % 4 == 0 {
                            let index = (task + i) % documents.count
                            if Markdown.render(documents[index]) != expectedDocuments[index] { bad += 1 }
                        } else {
                            let index = (task * 7 + i) % notes.count
                            if Markdown.renderInline(notes[index]) != expectedNotes[index] { bad += 1 }
                        }
                    }
                    return bad
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0, "\(mismatches) of \(tasks * rounds) concurrent renders differed")
    }
}

/// The shortcut for plain notes must give exactly what cmark-gfm gives.
struct PlainNoteTests {
    @Test(arguments: [
        "Đã ban hành Kế hoạch số 120 ngày 18/6/2024",
        "  Hoàn thành 100% chỉ tiêu, vượt 5 hồ sơ  ",
        "Trích \"Báo cáo quý 3\" của Sở Nội vụ",
        "Đang thực hiện (đạt 70%); dự kiến xong tháng 12/2024.",
        "Số liệu   có nhiều   khoảng trắng",
        "Việc này; việc kia, việc khác.",
    ])
    func plainNotesMatchCmark(note: String) throws {
        let fast = try #require(Markdown.plainInline(note))
        #expect(fast == CmarkGFM.renderInline(note, unsafeHTML: false))
    }

    @Test(arguments: [
        "**đậm**", "xem www.a.vn", "https://a.vn", "a_b", "1. Xong", "- mục", "# tiêu đề", "a<b", "a & b", "~~bỏ~~",
        "dòng một\ndòng hai", "a@b.vn", "[liên kết](x)", "`mã`", "a\\b", "!ảnh", "a | b",
    ])
    func notesWithSyntaxGoToCmark(note: String) {
        #expect(Markdown.plainInline(note) == nil)
    }
}
