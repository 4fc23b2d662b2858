import Foundation
import Testing

@testable import CCHCCore

/// Reading plan documents into paragraphs and tables: Word's numbering and merged cells, text
/// from PDFs with broken lines and page numbers.
struct DocxPlanReaderTests {
    /// Roman parts, decimal items with the parent's number (%1.%2.), bullets: as Word numbers them.
    static let numbering = #"""
        <w:abstractNum w:abstractNumId="0">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
          <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>
          <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%4)"/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
        """#

    @Test func automaticNumbersAreWrittenInFrontOfTheText() throws {
        typealias F = OfficeFiles
        let body = [
            F.p("TỔ CHỨC THỰC HIỆN", num: (1, 0)), F.p("TỔ CHỨC THỰC HIỆN", num: (1, 0)),
            F.p("Sở Nội vụ", num: (1, 1)), F.p("Chủ trì tổng hợp", num: (2, 0)),
            F.p("Sở Tư pháp", num: (1, 1)), F.p("Rà soát văn bản", num: (1, 2)), F.p("Kiểm tra", num: (1, 2)),
            F.p("Trong tháng", num: (1, 3)), F.p("Phần sau", num: (1, 0)), F.p("Lại từ đầu", num: (1, 1)),
        ].joined()
        let document = try DocxPlanReader.read(try F.docx(body: body, numbering: Self.numbering))
        #expect(
            document.paragraphs.map(\.text) == [
                "I. TỔ CHỨC THỰC HIỆN", "II. TỔ CHỨC THỰC HIỆN", "1. Sở Nội vụ", "- Chủ trì tổng hợp", "2. Sở Tư pháp",
                "2.1. Rà soát văn bản", "2.2. Kiểm tra", "a) Trong tháng", "III. Phần sau", "1. Lại từ đầu",
            ])
        #expect(document.paragraphs.map(\.place) == (1...10).map { .paragraph($0) })
    }

    @Test func mergedCellsAreRepeatedInEveryCellTheyCover() throws {
        func cell(_ text: String, _ props: String = "") -> String { "<w:tc><w:tcPr>\(props)</w:tcPr>\(OfficeFiles.p(text))</w:tc>" }
        let restart = #"<w:vMerge w:val="restart"/>"#, carry = "<w:vMerge/>", span2 = #"<w:gridSpan w:val="2"/>"#
        let table =
            "<w:tbl>"
            + "<w:tr>" + cell("STT", restart) + cell("Nội dung", restart) + cell("Cơ quan thực hiện", span2) + "</w:tr>"
            + "<w:tr>" + cell("", carry) + cell("", carry) + cell("Chủ trì") + cell("Phối hợp") + "</w:tr>"
            + "<w:tr>" + cell("I. Chỉ số CCHC", #"<w:gridSpan w:val="4"/>"#) + "</w:tr>"
            + "<w:tr>" + cell("1") + cell("Rà soát") + cell("Sở Tư pháp", restart) + cell("Sở Nội vụ") + "</w:tr>"
            + "<w:tr>" + cell("2") + cell("Công khai") + cell("", carry) + cell("") + "</w:tr>"
            + "</w:tbl>"
        let document = try DocxPlanReader.read(try OfficeFiles.docx(body: OfficeFiles.p("Phụ lục") + table))
        guard case .table(let t) = document.blocks.last else {
            Issue.record("no table")
            return
        }
        #expect(
            t.rows == [
                ["STT", "Nội dung", "Cơ quan thực hiện", "Cơ quan thực hiện"],
                ["STT", "Nội dung", "Chủ trì", "Phối hợp"],
                ["I. Chỉ số CCHC", "I. Chỉ số CCHC", "I. Chỉ số CCHC", "I. Chỉ số CCHC"],
                ["1", "Rà soát", "Sở Tư pháp", "Sở Nội vụ"],
                ["2", "Công khai", "Sở Tư pháp", ""],
            ])
        #expect(t.places.last == .tableRow(table: 1, row: 5))
    }

    @Test func footnotesDeletedTextAndFieldCodesStayOutOfTheBody() throws {
        let w = OfficeFiles.w
        let body =
            #"<w:p><w:r><w:t>Trước ngày 20/6</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:del><w:r><w:delText>xoá</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:tab/><w:t>hết</w:t></w:r></w:p>"#
        let notes =
            #"<w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:t>Theo Quyết định số 12/QĐ-UBND.</w:t></w:r></w:p></w:footnote>"#
        let document = try DocxPlanReader.read(try OfficeFiles.docx(body: body, footnotes: notes))
        #expect(document.paragraphs.map(\.text) == ["Trước ngày 20/6 hết"])
        #expect(document.footnotes == ["Theo Quyết định số 12/QĐ-UBND."])
        _ = w
    }

    @Test func aWorkbookOrAnEmptyPackageIsNotAPlan() throws {
        let workbook = try OfficeFiles.zip([("xl/workbook.xml", "<workbook/>")])
        #expect { try DocxPlanReader.read(workbook) } throws: { "\($0)".contains("Excel") }
        let wrongRoot = try OfficeFiles.zip([("word/document.xml", "<html/>")])
        #expect(throws: OfficeFileError.self) { try DocxPlanReader.read(wrongRoot) }
    }
}

struct TextPlanReaderTests {
    @Test func brokenLinesJoinAndPageNumbersAndFootnotesGoAway() {
        let text = """
            III. TỔ CHỨC THỰC HIỆN
            1. Sở Nội vụ chủ trì xây dựng kế hoạch
            của cơ quan trước ngày 20/6/2024;

            - 2 -

            báo cáo UBND tỉnh kết quả thực hiện.
            2. Sở Tư pháp: rà soát văn bản.
            1 Quyết định số 12/QĐ-UBND ngày 3/1/2024.
            Trang 3
            """
        let document = TextPlanReader.read(text, markdown: false, kind: "text")
        #expect(
            document.paragraphs.map(\.text) == [
                "III. TỔ CHỨC THỰC HIỆN",
                "1. Sở Nội vụ chủ trì xây dựng kế hoạch của cơ quan trước ngày 20/6/2024; báo cáo UBND tỉnh kết quả thực hiện.",
                "2. Sở Tư pháp: rà soát văn bản.",
            ])
        #expect(document.footnotes == ["1 Quyết định số 12/QĐ-UBND ngày 3/1/2024."])
        #expect(document.paragraphs.map(\.place) == [.line(1), .line(2), .line(8)])
    }

    @Test func markdownHeadingsEmphasisAndTablesAreReadForWhatTheySay() {
        let text = """
            #### **III. TỔ CHỨC THỰC HIỆN**

            **1. Sở Nội vụ:** *Chủ trì* tổng hợp.

            | STT | Nội dung | Chủ trì |
            |---|---|---|
            | 1 | Rà soát | Sở Tư pháp |
            """
        let document = TextPlanReader.read(text, markdown: true, kind: "Markdown")
        #expect(document.paragraphs.map(\.text) == ["III. TỔ CHỨC THỰC HIỆN", "1. Sở Nội vụ: Chủ trì tổng hợp."])
        guard case .table(let t) = document.blocks.last else {
            Issue.record("no table")
            return
        }
        #expect(t.rows == [["STT", "Nội dung", "Chủ trì"], ["1", "Rà soát", "Sở Tư pháp"]])
    }

    @Test func legacyEncodingsAndBinaryAreRefused() throws {
        // "Kế hoạch" in TCVN3 (ABC).
        let tcvn3 = Data([0x4B, 0xD5, 0x20, 0x68, 0x6F, 0xB9, 0x63, 0x68, 0x20, 0x63, 0xE1, 0x69, 0x20, 0x63, 0xE1, 0x63, 0x68])
        #expect { try TextPlanReader.read(tcvn3, markdown: false, kind: "text") } throws: { "\($0)".contains("UTF-8") }
        #expect { try TextPlanReader.read(Data(), markdown: false, kind: "text") } throws: { "\($0)".contains("empty") }
        #expect { try TextPlanReader.read(Data([0x41, 0, 0x42]), markdown: false, kind: "text") } throws: { "\($0)".contains("NUL") }
    }
}

struct OutlineTests {
    @Test(arguments: [
        ("III. TỔ CHỨC THỰC HIỆN", Outline.Marker.Kind.part, "III"), ("2. Sở Tư pháp", .item, "2"), ("2.3. Sở Tài chính", .subitem, "2.3"),
        ("2.3 Sở Tài chính", .subitem, "2.3"), ("1.2.4. Việc", .subsubitem, "1.2.4"), ("b) Sở Y tế: Chủ trì", .point, "b"),
        ("đ) Việc khác", .point, "đ"), ("- Chủ trì", .dash, ""), ("+ Phối hợp", .plus, ""), ("• Việc", .dash, ""), ("l. Sở Nội vụ", .item, "1"),
    ])
    func markers(_ text: String, _ kind: Outline.Marker.Kind, _ label: String) {
        let marker = Outline.marker(in: text)
        #expect(marker?.kind == kind)
        #expect(marker?.label == label)
    }

    @Test(arguments: ["20/6/2024 là hạn", "2024 là năm", "-5 điểm", "Ông I. Vân", "a)", "Sở Nội vụ", "10.000 phiếu"])
    func notMarkers(_ text: String) {
        #expect(Outline.marker(in: text) == nil)
    }
}
