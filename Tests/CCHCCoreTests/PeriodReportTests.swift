import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore

private let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

private func day(_ iso: String) -> Day { Day(iso: iso)! }

/// The period fixture's report of 2024-Q3, as `cchc report` makes it.
private func q3Report(language: SiteLanguage = .vi) throws -> (LoadedSite, PeriodReport, WordDocument) {
    var files = PeriodFixture.files
    if language == .en { files["site.yml"]! += "language: en\n" }
    let site = try TemporarySite(files)
    let loaded = try #require(SiteLoader.load(root: site.root, asOf: day("2024-09-30")).site)
    let report = PeriodReport(loaded, period: Period("2024-Q3")!, asOf: day("2024-09-30"))
    return (loaded, report, report.document(ReportWords(language, province: loaded.site.settings.province)))
}

/// The texts of a table's rows, cell by cell.
private func texts(_ table: WordDocument.Table) -> [[String]] {
    table.rows.map { $0.cells.map { $0.paragraphs.map(\.text).joined(separator: "\n") } }
}

struct PeriodReportTests {
    // MARK: - The document model

    @Test func theHeaderBlockIsABorderlessTwoColumnTableWithBlanks() throws {
        let (_, _, document) = try q3Report()
        guard case .table(let header) = document.blocks.first else {
            Issue.record("the document does not open with the header table")
            return
        }
        #expect(!header.bordered && header.widths.count == 2 && header.rows.count == 1)
        let cells = texts(header)[0]
        #expect(cells[0] == "UBND TỈNH BẮC KẠN\nSỞ NỘI VỤ\n\nSố:          /BC-SNV")
        #expect(cells[1] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nBắc Kạn, ngày …… tháng …… năm ……")
        let lines = document.plainText
        let title = try #require(lines.firstIndex(of: "BÁO CÁO"))
        #expect(lines[title + 1] == "Kết quả thực hiện các kế hoạch nâng cao chỉ số cải cách hành chính quý III năm 2024")
        #expect(lines.contains("Nơi nhận:") && lines.contains("GIÁM ĐỐC") && lines.contains("- UBND tỉnh (để báo cáo);"))
        guard case .table(let signatures) = document.blocks.last else {
            Issue.record("the document does not end with the signatures")
            return
        }
        #expect(!signatures.bordered)
    }

    @Test func theOverallFiguresAreThePeriodChanges() throws {
        let (_, _, document) = try q3Report()
        let lines = document.plainText
        // 7 of 15 pairs done at 30/09, 3 at 30/06 (worked out in PeriodChangeTests).
        #expect(
            lines.contains(
                "Tính đến ngày 30/09/2024, các cơ quan, đơn vị đã hoàn thành 7/15 lượt nhiệm vụ (46,7%); "
                    + "đến hết ngày 30/06/2024 (cuối kỳ trước) là 3/15 lượt (20,0%), tăng 26,7 điểm phần trăm."))
        #expect(
            lines.contains(
                "Trong kỳ có 4 lượt nhiệm vụ được hoàn thành (trong đó 1 lượt hoàn thành quá hạn); "
                    + "5 lượt nhiệm vụ mới quá hạn và 1 lượt quá hạn từ kỳ trước chưa hoàn thành."))
    }

    @Test func eachPlanHasARealTableWithARepeatedHeaderRow() throws {
        let (_, _, document) = try q3Report()
        let tables = document.tables.filter(\.bordered)
        // Two plans, then the two overdue tables, the agencies not reported, the indices.
        #expect(tables.count == 6)
        let plan = texts(tables[0])
        #expect(plan[0] == ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Hoàn thành/ số lượt", "Hoàn thành trong kỳ", "Quá hạn"])
        #expect(tables[0].rows[0].isHeader && !tables[0].rows[1].isHeader)
        // Worked out by hand: STT, title, lead as written, deadline, done/pairs, done in Q3, overdue at 30/09.
        #expect(
            Array(plan.dropFirst()) == [
                ["1", "Nhiệm vụ một", "SNV", "31/05/2024", "1/1", "1", "0"],
                ["2", "Nhiệm vụ hai", "Sở, ban, ngành", "31/08/2024", "1/3", "1", "2"],
                ["3", "Báo cáo tháng", "STP", "Hằng tháng\nkỳ này:\n25/07/2024\n25/08/2024\n25/09/2024", "3/6", "1", "3"],
                ["4", "Nhiệm vụ của huyện", "Ủy ban nhân dân huyện A", "31/12/2024", "0/1", "0", "0"],
                ["5", "Nhiệm vụ quý I", "SNV", "31/03/2024", "1/1", "0", "0"],
                ["6", "Nhiệm vụ có báo cáo bổ sung", "SNV", "30/09/2024", "1/1", "1", "0"],
                ["7", "Nhiệm vụ hạn cuối quý II", "STP", "30/06/2024", "0/1", "0", "1"],
                ["Tổng cộng", "7/14", "4", "6"],
            ])
        #expect(tables[0].rows.last!.cells[0].span == 4)
        #expect(texts(tables[1]).last == ["Tổng cộng", "0/1", "0", "0"])
    }

    @Test func overdueAssignmentsAreGroupedByOccurrenceAndOrderedByDeadline() throws {
        let (_, report, document) = try q3Report()
        let tables = document.tables.filter(\.bordered)
        #expect(
            Array(texts(tables[2]).dropFirst()) == [
                ["1", "Nhiệm vụ hạn cuối quý II", "1/KH-UBND", "STP", "30/06/2024"],
                ["2", "Báo cáo tháng (kỳ tháng 8 năm 2024)", "1/KH-UBND", "STP", "25/08/2024"],
                ["3", "Nhiệm vụ hai", "1/KH-UBND", "STP; STC", "31/08/2024"],
                ["4", "Báo cáo tháng (kỳ tháng 9 năm 2024)", "1/KH-UBND", "STP", "25/09/2024"],
            ])
        #expect(Array(texts(tables[3]).dropFirst()) == [["1", "Báo cáo tháng (kỳ tháng 6 năm 2024)", "1/KH-UBND", "STP", "25/06/2024"]])
        #expect(report.overdue.map(\.sinceEarlierPeriod) == [false, false, false, false, true])
        let lines = document.plainText
        #expect(lines.contains("1. Mới quá hạn trong kỳ") && lines.contains("2. Quá hạn từ kỳ trước, chưa hoàn thành"))
    }

    @Test func agenciesThatHaveNotReportedWithTheirOpenWork() throws {
        let (_, _, document) = try q3Report()
        let tables = document.tables.filter(\.bordered)
        // UBND tỉnh: u1 open; STC: t2 overdue; the district: t4 in progress (its 2024-H2 file is not inside Q3).
        #expect(
            Array(texts(tables[4]).dropFirst()) == [
                ["1", "Ủy ban nhân dân tỉnh Bắc Kạn", "1", "0"],
                ["2", "Sở Tài chính", "1", "1"],
                ["3", "Ủy ban nhân dân huyện A", "1", "0"],
            ])
        #expect(document.plainText.contains("Có 3/5 cơ quan, đơn vị có nhiệm vụ chủ trì chưa hoàn thành trong kỳ chưa gửi báo cáo quý III năm 2024:"))
    }

    @Test func indexTargetsWithTheirLevels() throws {
        let (_, _, document) = try q3Report()
        let tables = document.tables.filter(\.bordered)
        // Score: 80 → 82 in two years (+1), 4 in two years needed (+2): 0.5. Rank: 40 → 36 (-2), 6 in two years (-3): 0.67.
        #expect(
            Array(texts(tables[5]).dropFirst()) == [
                ["1", "PAR Index (điểm)", "82 (2023)", "86 (2025)", "+1/năm\n(cần +2/năm)", "Tiến bộ ít hoặc không tiến bộ"],
                ["2", "PAR Index (xếp hạng)", "36/63 (2023)", "30/63 (2025)", "−2/năm\n(cần −3/năm)", "Có tiến bộ, chưa đủ nhanh"],
            ])
    }

    @Test func englishSitesGetAnEnglishReport() throws {
        let (_, _, document) = try q3Report(language: .en)
        let lines = document.plainText
        #expect(lines.contains("REPORT") && lines.contains("SOCIALIST REPUBLIC OF VIET NAM"))
        #expect(lines.contains("Progress of the plans to raise the administrative reform indices, Q3 2024"))
        #expect(lines.contains { $0.hasPrefix("By 30/09/2024 the agencies had done 7/15 task assignments (46.7%)") })
        #expect(texts(document.tables.filter(\.bordered)[5])[1].last == "Limited or no progress")
    }

    @Test(arguments: [
        ("2024", "năm 2024"), ("2024-H1", "6 tháng đầu năm 2024"), ("2024-H2", "6 tháng cuối năm 2024"),
        ("2024-Q3", "quý III năm 2024"), ("2024-09", "tháng 9 năm 2024"),
    ])
    func periodsAsTheReportNamesThem(_ period: String, _ phrase: String) {
        #expect(ReportWords(.vi).phrase(Period(period)!) == phrase)
    }

    /// A centrally-run city's People's Committee is "UBND thành phố": the header, the opening, the
    /// index lead-in and "Nơi nhận" say so, however site.yml writes the city's name.
    @Test(arguments: [
        ("Bắc Kạn", "UBND TỈNH BẮC KẠN", "tỉnh"), ("Thái Nguyên", "UBND TỈNH THÁI NGUYÊN", "tỉnh"),
        ("Đà Nẵng", "UBND THÀNH PHỐ ĐÀ NẴNG", "thành phố"), ("Huế", "UBND THÀNH PHỐ HUẾ", "thành phố"),
        ("TP. Hồ Chí Minh", "UBND THÀNH PHỐ HỒ CHÍ MINH", "thành phố"), ("Thành phố Hà Nội", "UBND THÀNH PHỐ HÀ NỘI", "thành phố"),
        ("Ca\u{0302}\u{0300}n Tho\u{031B}", "UBND THÀNH PHỐ CẦN THƠ", "thành phố"),
    ])
    func aCityIsNotAProvince(_ province: String, _ superior: String, _ unit: String) {
        let words = ReportWords(.vi, province: province)
        #expect(words.superior(province: province) == superior)
        #expect(words.opening(Period("2024-Q3")!, asOf: day("2024-09-30")).contains("chỉ số cải cách hành chính của \(unit) quý III"))
        #expect(words.indicesLead(1).hasSuffix("mục tiêu của \(unit):"))
        #expect(words.recipients[0] == "- UBND \(unit) (để báo cáo);")
        let english = ReportWords(.en, province: province)
        #expect(english.superior(province: province).hasSuffix(unit == "tỉnh" ? "PROVINCIAL PEOPLE'S COMMITTEE" : "CITY PEOPLE'S COMMITTEE"))
    }

    // MARK: - The .docx

    @Test func everyPartIsReadByOurStrictXMLReaderAndTheBytesAreStable() throws {
        let (loaded, _, _) = try q3Report()
        let (_, bytes) = try PeriodReportWriter.bytes(loaded, period: Period("2024-Q3")!, asOf: day("2024-09-30"))
        let (_, again) = try PeriodReportWriter.bytes(loaded, period: Period("2024-Q3")!, asOf: day("2024-09-30"))
        #expect(bytes == again)
        let package = try OfficePackage(data: Data(bytes))
        #expect(
            package.partNames == [
                "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml",
                "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml", "word/header1.xml",
            ])
        for name in package.partNames { _ = try package.requiredXML(name) }
        let body = try #require(try package.requiredXML("word/document.xml").first("body", in: w))
        let tables = body.elements("tbl", in: w)
        #expect(tables.count == 8)
        for table in tables {
            for row in table.elements("tr", in: w) {
                for cell in row.elements("tc", in: w) { #expect(!cell.elements("p", in: w).isEmpty, "a cell without a paragraph") }
            }
        }
        // Bordered tables repeat their first row on every page.
        let headerRows = body.descendants("tblHeader", in: w).count
        #expect(headerRows == 6)
        // A4, with the title page's header (no page number) apart.
        let section = try #require(body.first("sectPr", in: w))
        #expect(section.first("pgSz", in: w)?.attribute("w", in: w) == "11906" && section.first("pgSz", in: w)?.attribute("h", in: w) == "16838")
        #expect(section.first("titlePg", in: w) != nil)
        let fonts = try package.requiredXML("word/styles.xml").descendants("rFonts", in: w)
        #expect(fonts.first?.attribute("ascii", in: w) == "Times New Roman")
        // Deflated entries (method 8 in every local header).
        #expect(bytes[8] == 8 && bytes[9] == 0)
    }

    @Test func textFromContentIsEscaped() throws {
        var files = PeriodFixture.files
        files["content/plans/kh-1.md"] = files["content/plans/kh-1.md"]!
            .replacingOccurrences(of: "title: Nhiệm vụ một\n", with: "title: \"Nhiệm vụ <b>một</b> & \\\"hai\\\" 'ba'\"\n")
        let site = try TemporarySite(files)
        let loaded = try #require(SiteLoader.load(root: site.root, asOf: day("2024-09-30")).site)
        let (_, bytes) = try PeriodReportWriter.bytes(loaded, period: Period("2024-Q3")!, asOf: day("2024-09-30"))
        let package = try OfficePackage(data: Data(bytes))
        let text = try package.requiredXML("word/document.xml").descendants("t", in: w).map(\.text)
        #expect(text.contains("Nhiệm vụ <b>một</b> & \"hai\" 'ba'"))
        let raw = String(decoding: try #require(try package.data(of: "word/document.xml")), as: UTF8.self)
        #expect(!raw.contains("<b>"))
    }

    @Test func theReportingDateMustLieInThePeriod() throws {
        let q3 = Period("2024-Q3")!
        #expect(try PeriodReportWriter.reportingDate(q3, asOf: nil) == day("2024-09-30"))
        #expect(try PeriodReportWriter.reportingDate(q3, asOf: day("2024-07-01")) == day("2024-07-01"))
        #expect(throws: ReportError.self) { try PeriodReportWriter.reportingDate(q3, asOf: day("2024-10-01")) }
        #expect(PeriodReportWriter.defaultFileName(q3) == "bao-cao-2024-Q3.docx")
    }
}
