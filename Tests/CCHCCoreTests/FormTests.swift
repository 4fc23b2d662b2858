import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore

/// Reading what people type into form cells.
struct FormValueTests {
    @Test(arguments: [
        ("Hoàn thành", ReportedStatus.done), ("hoan thanh", .done), ("Đã hoàn thành", .done), ("HOÀN THÀNH ĐÚNG HẠN", .done),
        ("đang thực hiện", .inProgress), ("Đang triển khai", .inProgress), ("chưa triển khai", .notStarted),
        ("Chưa thực hiện", .notStarted), ("Không thực hiện (được điều chỉnh)", .dropped), ("dropped", .dropped),
        ("Hoàn thành muộn", .done), ("  Dừng thực hiện ", .dropped),
    ])
    func statusSpellings(_ text: String, _ expected: ReportedStatus) throws {
        #expect(try FormValues.status(text).get() == expected)
    }

    @Test func unknownAndDerivedStatusesAreRefused() {
        guard case .failure(let typo) = FormValues.status("Hoàn thàh") else {
            Issue.record("accepted a typo")
            return
        }
        #expect(typo.message.contains("did you mean `Hoàn thành`?"), "\(typo.message)")
        guard case .failure(let derived) = FormValues.status("Quá hạn") else {
            Issue.record("accepted Quá hạn")
            return
        }
        #expect(derived.message.contains("worked out by the site from the dates"), "\(derived.message)")
    }

    @Test func controlCharactersFromACellAreEscapedWhenPrinted() {
        guard case .failure(let problem) = FormValues.status("xong\u{1B}[2J") else {
            Issue.record("accepted")
            return
        }
        let line = FormDiagnostic(severity: .error, file: "a.xlsx", place: "Báo cáo!H9", message: problem.message).description
        #expect(line.hasPrefix("a.xlsx:Báo cáo!H9: error: unknown status `xong\\u{1b}[2J`"), "\(line)")
        #expect(!line.unicodeScalars.contains { $0.value == 0x1B })
    }

    @Test(arguments: [
        ("15/7/2024", "2024-07-15"), ("15-07-2024", "2024-07-15"), ("01.02.2024", "2024-02-01"), ("2024-07-15", "2024-07-15"),
        ("29/02/2024", "2024-02-29"),
    ])
    func textDates(_ text: String, _ iso: String) throws {
        #expect(try FormValues.date(text: text).get().iso == iso)
    }

    @Test(arguments: [
        ("7/15/2024", "month/day/year"), ("31/02/2024", "not a real day"), ("15/7/24", "two-digit year"),
        ("hôm qua", "not a date"), ("29/02/2023", "not a real day"),
    ])
    func badTextDates(_ text: String, _ message: String) {
        guard case .failure(let problem) = FormValues.date(text: text) else {
            Issue.record("accepted \(text)")
            return
        }
        #expect(problem.message.contains(message), "\(problem.message)")
    }

    @Test func excelSerials() {
        #expect(ExcelDate.day(serial: 1, date1904: false)?.iso == "1900-01-01")
        #expect(ExcelDate.day(serial: 59, date1904: false)?.iso == "1900-02-28")
        #expect(ExcelDate.day(serial: 60, date1904: false) == nil, "29/02/1900 never was")
        #expect(ExcelDate.day(serial: 61, date1904: false)?.iso == "1900-03-01")
        #expect(ExcelDate.day(serial: 45488, date1904: false)?.iso == "2024-07-15")
        #expect(ExcelDate.day(serial: 45488.75, date1904: false)?.iso == "2024-07-15", "a time of day is dropped")
        #expect(ExcelDate.day(serial: 0, date1904: true)?.iso == "1904-01-01")
        #expect(ExcelDate.day(serial: 45488 - 1462, date1904: true)?.iso == "2024-07-15")
        #expect(ExcelDate.serial(Day(iso: "2024-07-15")!) == 45488)
        #expect(CellReference.parse("E7")! == (7, 5) && CellReference.parse("AA10")! == (10, 27) && CellReference.parse("7E") == nil)
        #expect(CellReference.name(row: 3, column: 28) == "AB3")
    }

    @Test(arguments: [
        (CellGrid.Value.number(50, .plain), 50.0), (.number(0.5, .percent), 50), (.text("50%"), 50), (.text(" 75 "), 75),
        (.number(0.255, .percent), 25.5),
    ])
    func percentages(_ value: CellGrid.Value, _ expected: Double) throws {
        #expect(try FormValues.percent(value).get() == expected)
    }

    @Test(arguments: [CellGrid.Value.number(150, .plain), .text("năm mươi"), .number(1.5, .percent), .text("-5")])
    func badPercentages(_ value: CellGrid.Value) {
        if case .success(let number) = FormValues.percent(value) { Issue.record("accepted \(value) as \(number)") }
    }

    @Test func csvWithBOMSemicolonsQuotesAndLineBreaks() throws {
        let text = "\u{FEFF}a;\"b;1\";c\r\n\"x\"\"y\";\"two\r\nlines\";z\r\n;;\r\nlast;;q"
        let grid = try CSVReader.grid(Array(text.utf8))
        #expect(grid.text(1, 2) == "b;1")
        #expect(grid.text(2, 1) == "x\"y")
        #expect(grid.text(2, 2) == "two\nlines")
        #expect(grid.text(4, 3) == "q")
        #expect(grid.place(4, 3) == "5:3", "record 4 starts on line 5, after the quoted line break")
        let commas = try CSVReader.grid(Array("a,b\n\"1,5\",2\n".utf8))
        #expect(commas.text(2, 1) == "1,5" && commas.text(2, 2) == "2")
        #expect(throws: CSVReader.Failure.self) { try CSVReader.grid([0x61, 0xFF, 0x62]) }
    }
}

/// Forms made from a small site, filled in Swift, and imported.
struct FormImportTests {
    typealias Column = FormLayout.Column

    /// The tiny site and SNV's Q3 form (two rows: the monthly task's August and September).
    func setup(_ changes: [String: String?] = [:]) throws -> (TemporarySite, SpreadsheetWriter) {
        let site = try TemporarySite(Fixtures.minimal(changes))
        let loaded = try #require(SiteLoader.load(root: site.root).site)
        let agency = try #require(loaded.site.agencies.first { $0.id == "so-noi-vu" })
        let period = Period("2024-Q3")!
        let writer = FormWriter.workbook(loaded, agency: agency, period: period, items: ReportItems.open(loaded, agency: agency.id, period: period))
        try FileManager.default.createDirectory(at: site.url("forms"), withIntermediateDirectories: true)
        return (site, writer)
    }

    func set(
        _ writer: inout SpreadsheetWriter, _ row: Int, _ column: Int, _ value: SpreadsheetWriter.Value?, style: SpreadsheetWriter.Style = .input, sheet: Int = 0
    ) {
        var cells = writer.sheets[sheet].rows[row] ?? []
        cells.removeAll { $0.column == column }
        cells.append(.init(column: column, value: value, style: style))
        writer.sheets[sheet].rows[row] = cells
    }

    /// A correctly filled form: report date 25/09/2024, August done, September in progress.
    func filled(_ writer: SpreadsheetWriter) -> SpreadsheetWriter {
        var w = writer
        set(&w, 5, 3, .date(Day(iso: "2024-09-25")!), style: .inputDate)
        set(&w, 9, Column.status.rawValue, .text("Hoàn thành"))
        set(&w, 9, Column.completed.rawValue, .date(Day(iso: "2024-08-30")!), style: .inputDate)
        set(&w, 9, Column.evidenceTitle.rawValue, .text("Báo cáo tháng 8"))
        set(&w, 9, Column.evidenceURL.rawValue, .text("files/snv/bao-cao.txt"))
        set(&w, 10, Column.status.rawValue, .text("dang thuc hien"))
        set(&w, 10, Column.percent.rawValue, .number(40), style: .inputNumber)
        set(&w, 10, Column.note.rawValue, .text("Đang tổng hợp: số liệu #2"))
        return w
    }

    func save(_ writer: SpreadsheetWriter, _ site: TemporarySite, _ name: String = "bao-cao-snv-2024-Q3.xlsx") throws {
        try Data(try writer.bytes(date: Day(iso: "2024-09-30")!)).write(to: site.url("forms/" + name))
    }

    func run(_ site: TemporarySite, _ names: [String] = ["bao-cao-snv-2024-Q3.xlsx"], force: Bool = true) throws -> ReportImport.Outcome {
        try ReportImport.run(root: site.root, files: names, current: site.url("forms"), dryRun: false, force: force)
    }

    @Test func aFilledFormBecomesAReportThatPassesCheck() throws {
        let (site, writer) = try setup()
        try save(filled(writer), site)
        let outcome = try run(site)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        #expect(outcome.written)
        let text = try String(contentsOf: site.url("content/progress/2024-Q3/so-noi-vu.yml"), encoding: .utf8)
        #expect(
            text.hasSuffix(
                """
                agency: so-noi-vu
                period: 2024-Q3
                reported: 2024-09-25
                updates:
                  - task: kh-1/hang-thang
                    period: 2024-08
                    status: done
                    completed: 2024-08-30
                    evidence:
                      - title: Báo cáo tháng 8
                        url: files/snv/bao-cao.txt
                  - task: kh-1/hang-thang
                    period: 2024-09
                    status: in-progress
                    percent: 40
                    note: "Đang tổng hợp: số liệu #2"

                """), "\(text)")
        let load = SiteLoader.load(root: site.root)
        #expect(load.diagnostics.isEmpty, "\(load.diagnostics)")
        let derived = try #require(load.site?.derivation.tasks[TaskID("kh-1/hang-thang")!])
        let august = derived.pairs.first { $0.occurrence.period == Period("2024-08") }
        #expect(august?.state == .done)
    }

    @Test func formsAreByteIdenticalForTheSameSite() throws {
        let (site, writer) = try setup()
        let (_, again) = try setup()
        #expect(try writer.bytes(date: Day(iso: "2024-09-30")!) == again.bytes(date: Day(iso: "2024-09-30")!))
        _ = site
    }

    /// One mistake per case: the cell to set, the value, where the error must point and what it must say.
    static let mistakes: [(String, Int, Int, SpreadsheetWriter.Value?, String, String)] = [
        ("typo in status", 9, 8, .text("Hoàn thàh"), "Báo cáo!H9", "did you mean `Hoàn thành`?"),
        ("derived state", 10, 8, .text("Quá hạn"), "Báo cáo!H10", "worked out by the site"),
        ("US text date", 9, 10, .text("8/30/2024"), "Báo cáo!J9", "month/day/year"),
        ("impossible date", 9, 10, .text("31/02/2024"), "Báo cáo!J9", "not a real day"),
        ("done without date", 9, 10, nil, "Báo cáo!J9", "Ngày hoàn thành is empty"),
        ("done but 50%", 9, 9, .number(50), "Báo cáo!I9", "which means 100"),
        ("percent over 100", 10, 9, .number(150), "Báo cáo!I10", "from 0 to 100"),
        ("percent as words", 10, 9, .text("một nửa"), "Báo cáo!I10", "not a percentage"),
        ("US serial date", 9, 10, .date(Day(iso: "2024-12-08")!), "Báo cáo!J9", "it should read 12/08/2024"),
        ("no report date", 5, 3, nil, "Báo cáo!C5", "fill in Ngày báo cáo"),
        ("evidence without link", 9, 13, nil, "Báo cáo!M9", "1 name and 0 links"),
        ("evidence file missing", 9, 13, .text("files/snv/khong-co.pdf"), "Báo cáo!M9", "does not exist"),
        ("status missing", 10, 8, nil, "Báo cáo!H10", "no Trạng thái"),
        ("row added by hand", 11, 8, .text("Hoàn thành"), "Báo cáo!N11", "rows were added by hand"),
        ("visible id edited", 10, 14, .text("kh-1/mot-lan"), "Báo cáo!N10", "rows were added, deleted or moved by hand"),
    ]

    @Test(arguments: mistakes.indices)
    func typicalMistakesPointAtTheCellAndWriteNothing(_ index: Int) throws {
        let (name, row, column, value, place, message) = Self.mistakes[index]
        let (site, writer) = try setup()
        var form = filled(writer)
        set(&form, row, column, value, style: column == 10 ? .inputDate : .input)
        try save(form, site)
        let before = try Data(contentsOf: site.url("content/progress/2024-Q3/so-noi-vu.yml"))
        let outcome = try run(site)
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        #expect(
            errors.contains { $0.place == place && $0.message.contains(message) && $0.file == "bao-cao-snv-2024-Q3.xlsx" },
            "\(name): \(outcome.diagnostics.map(\.description))")
        #expect(!outcome.written)
        #expect(try Data(contentsOf: site.url("content/progress/2024-Q3/so-noi-vu.yml")) == before, "\(name): the report was changed")
    }

    @Test func deletedRowsAndEditedHiddenIDsAreRefused() throws {
        let (site, writer) = try setup()
        var deleted = filled(writer)
        deleted.sheets[0].rows[10] = nil
        try save(deleted, site)
        var outcome = try run(site)
        #expect(outcome.diagnostics.contains { $0.message.contains("made with 2 task rows and has 1") }, "\(outcome.diagnostics)")

        var edited = filled(writer)
        set(&edited, 2, 2, .text("so-tu-phap"), style: .plain, sheet: 1)
        try save(edited, site)
        outcome = try run(site)
        #expect(outcome.diagnostics.contains { $0.place == "cchc!B9" && $0.message.contains("hidden ids were edited") }, "\(outcome.diagnostics)")
        #expect(!outcome.written)

        // The visible header copied from another agency's form: the hidden ids still say SNV.
        var copied = filled(writer)
        guard case .text(let code)? = copied.sheets[0].rows[7]?.first(where: { $0.column == 1 })?.value else {
            Issue.record("no code line in A7")
            return
        }
        set(&copied, 7, 1, .text(code.replacingOccurrences(of: "so-noi-vu", with: "so-tu-phap")), style: .note)
        try save(copied, site)
        outcome = try run(site)
        #expect(
            outcome.diagnostics.contains { $0.place == "Báo cáo!A7" && $0.message.contains("hidden ids say so-noi-vu · 2024-Q3") },
            "\(outcome.diagnostics)")
        #expect(!outcome.written)
    }

    @Test func aFormForAnotherAgencyOrPeriodByItsFileNameIsRefused() throws {
        let (site, writer) = try setup()
        try save(filled(writer), site, "bao-cao-snv-2024-Q2.xlsx")
        try save(filled(writer), site, "bao-cao-so-tu-phap-2024-Q3.xlsx")
        let outcome = try run(site, ["bao-cao-snv-2024-Q2.xlsx", "bao-cao-so-tu-phap-2024-Q3.xlsx"])
        #expect(
            outcome.diagnostics.contains { $0.file == "bao-cao-snv-2024-Q2.xlsx" && $0.place == "Báo cáo!A7" && $0.message.contains("named for 2024-Q2") },
            "\(outcome.diagnostics)")
        #expect(
            outcome.diagnostics.contains { $0.file == "bao-cao-so-tu-phap-2024-Q3.xlsx" && $0.message.contains("named for Sở Tư pháp") },
            "\(outcome.diagnostics)")
        #expect(!outcome.written)
    }

    @Test func aFormFromBeforeThePlanChangedIsRefused() throws {
        let (site, writer) = try setup()
        try save(filled(writer), site)
        try site.write("content/plans/kh-1.md", Fixtures.planMD.replacingOccurrences(of: "Báo cáo hằng tháng", with: "Báo cáo tiến độ hằng tháng"))
        let outcome = try run(site)
        #expect(
            outcome.diagnostics.contains {
                $0.place == "Báo cáo!A7" && $0.message.contains("this form was made on 30/09/2024 for a plan that has changed")
                    && $0.message.contains("cchc forms 2024-Q3")
            }, "\(outcome.diagnostics)")
        try site.write("content/plans/kh-1.md", Fixtures.planMD.replacingOccurrences(of: "id: hang-thang", with: "id: bao-cao-thang"))
        try site.remove("content/progress/2024-Q3/so-noi-vu.yml")
        let removed = try run(site)
        #expect(removed.diagnostics.contains { $0.message.contains("task kh-1/hang-thang no longer exists") }, "\(removed.diagnostics)")
        #expect(!outcome.written && !removed.written)
        #expect(!FileManager.default.fileExists(atPath: site.url("content/progress/2024-Q3/so-noi-vu.yml").path))
    }

    @Test func everyFormIsCheckedAndAnExistingReportNeedsForce() throws {
        let (site, writer) = try setup()
        try save(filled(writer), site)
        var bad = filled(writer)
        set(&bad, 9, 8, .text("xong rồi"))
        try save(bad, site, "bao-cao-snv-bo-sung.xlsx")
        let outcome = try run(site, ["bao-cao-snv-2024-Q3.xlsx", "bao-cao-snv-bo-sung.xlsx"], force: false)
        #expect(
            outcome.diagnostics.contains { $0.file == "bao-cao-snv-2024-Q3.xlsx" && $0.message.contains("already exists; pass --force") },
            "\(outcome.diagnostics)")
        #expect(outcome.diagnostics.contains { $0.file == "bao-cao-snv-bo-sung.xlsx" && $0.place == "Báo cáo!H9" }, "\(outcome.diagnostics)")
        #expect(!outcome.written)
    }

    @Test func aCSVWithADeletedRowIsRefusedAtTheCodeLine() throws {
        let (site, _) = try setup()
        let loaded = try #require(SiteLoader.load(root: site.root).site)
        let code = FormLayout.codeLine(
            agency: "so-noi-vu", period: Period("2024-Q3")!, made: loaded.asOf,
            rows: FormLayout.rowsCode([
                .init(task: TaskID("kh-1/hang-thang")!, period: Period("2024-08")),
                .init(task: TaskID("kh-1/hang-thang")!, period: Period("2024-09")),
            ]),
            plan: "000000000000")
        let csv = "Tiêu đề;;\nNgày báo cáo:;;25/09/2024\n\(code);;\nSTT;x\n1;;;;;;;Hoàn thành;100;30/08/2024;;;;kh-1/hang-thang;2024-08\n"
        try site.write("forms/bao-cao.csv", csv)
        let outcome = try run(site, ["bao-cao.csv"])
        #expect(
            outcome.diagnostics.contains { $0.place == "3:1" && $0.message.contains("rows were added, deleted or changed by hand") }, "\(outcome.diagnostics)")
    }

    @Test(arguments: ["corrupt", "doctype", "zipslip", "notzip", "missing"])
    func hostileFilesGetAClearError(_ kind: String) throws {
        let (site, writer) = try setup()
        let good = try filled(writer).bytes(date: Day(iso: "2024-09-30")!)
        var bytes: [UInt8]
        switch kind {
        case "corrupt": bytes = Array(good.prefix(200)) + [UInt8](repeating: 0x41, count: 100)
        case "doctype":
            let bomb =
                "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]><worksheet xmlns=\"\(SpreadsheetWriter.main)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>"
            var w = filled(writer)
            w.sheets = [w.sheets[0]]
            let entries: [ArchiveEntry] = [
                .file("[Content_Types].xml", Array(w.contentTypes.utf8)), .file("_rels/.rels", Array(SpreadsheetWriter.rootRels.utf8)),
                .file("xl/workbook.xml", Array(w.workbook.utf8)), .file("xl/_rels/workbook.xml.rels", Array(w.workbookRels.utf8)),
                .file("xl/worksheets/sheet1.xml", Array(bomb.utf8)),
            ]
            bytes = try ZipWriter.archive(entries, date: Day(iso: "2024-09-30")!)
        case "zipslip":
            bytes = try ZipWriter.archive(
                [.file("[Content_Types].xml", Array("<Types/>".utf8)), .file("../../evil.sh", Array("x".utf8))],
                date: Day(iso: "2024-09-30")!)
        case "notzip": bytes = Array("agency,period\n".utf8)
        default: bytes = []
        }
        if kind != "missing" { try Data(bytes).write(to: site.url("forms/bao-cao-snv-2024-Q3.xlsx")) }
        let outcome = try run(site)
        let expected = [
            "corrupt": "damaged", "doctype": "declares a document type", "zipslip": "points outside the document",
            "notzip": "not a Word (.docx) or Excel (.xlsx) document", "missing": "does not exist",
        ][kind]!
        #expect(outcome.diagnostics.count == 1 && outcome.diagnostics[0].message.contains(expected), "\(outcome.diagnostics)")
        #expect(!outcome.written)
    }
}

/// The .xlsx reader on a workbook written by hand the way other programs write them.
struct XLSXReaderTests {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    func package(date1904: Bool) throws -> OfficePackage {
        let workbook = """
            <?xml version="1.0" encoding="UTF-8"?>
            <x:workbook xmlns:x="\(Self.main)" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            <x:workbookPr\(date1904 ? " date1904=\"1\"" : "")/><x:sheets>
            <x:sheet name="Ẩn" sheetId="2" state="hidden" rel:id="rId2"/><x:sheet name="Báo cáo" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>
            """
        let rels = """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/sheets/a.xml"/>
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="sheets/b.xml"/>
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/>
            <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
            </Relationships>
            """
        let strings = """
            <sst xmlns="\(Self.main)"><si><t>Hoàn thành</t></si><si><r><t>Đang </t></r><r><rPr><b/></rPr><t>thực hiện</t></r><rPh><t>phonetic</t></rPh></si></sst>
            """
        let styles = """
            <styleSheet xmlns="\(Self.main)"><numFmts count="1"><numFmt numFmtId="170" formatCode="[$-42A]d/m/yyyy;@"/></numFmts>
            <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="170"/><xf numFmtId="9"/></cellXfs></styleSheet>
            """
        let sheet = """
            <worksheet xmlns="\(Self.main)"><sheetData>
            <row r="2"><c r="A2" t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="inlineStr"><is><t>nội tuyến</t></is></c></row>
            <row><c r="B3" s="1"><v>45488</v></c><c s="2"><v>45488.5</v></c><c s="3"><v>0.55</v></c><c><v>42</v></c></row>
            <row r="7"><c r="E7" t="str"><f>A2</f><v>công thức</v></c><c r="F7" t="b"><v>1</v></c><c r="G7" t="e"><v>#VALUE!</v></c><c r="H7" t="s"><v>99</v></c></row>
            </sheetData></worksheet>
            """
        let entries: [ArchiveEntry] = [
            .file("[Content_Types].xml", Array("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8)),
            .file(
                "_rels/.rels",
                Array(
                    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/book.xml\"/></Relationships>"
                        .utf8)),
            .file("xl/book.xml", Array(workbook.utf8)),
            .file("xl/_rels/book.xml.rels", Array(rels.utf8)),
            .file("xl/strings.xml", Array(strings.utf8)),
            .file("xl/styles.xml", Array(styles.utf8)),
            .file("xl/sheets/a.xml", Array(sheet.utf8)),
            .file("xl/sheets/b.xml", Array("<worksheet xmlns=\"\(Self.main)\"><sheetData/></worksheet>".utf8)),
        ]
        return try OfficePackage(data: Data(try ZipWriter.archive(entries, date: Day(iso: "2024-01-01")!)))
    }

    @Test func cellsTypesStylesAndRelationships() throws {
        let sheets = try XLSXReader.sheets(try package(date1904: false))
        #expect(sheets.map(\.name) == ["Ẩn", "Báo cáo"] && sheets.map(\.hidden) == [true, false])
        let grid = sheets[1].grid
        #expect(grid[2, 1] == .text("Hoàn thành"))
        #expect(grid[2, 2] == .text("Đang thực hiện"), "runs joined, phonetic guide left out")
        #expect(grid[2, 3] == .text("nội tuyến"))
        #expect(grid[3, 2] == .number(45488, .date), "built-in format 14 is a date; B3 from its reference")
        #expect(grid[3, 3] == .number(45488.5, .date), "a custom d/m/yyyy with a locale tag is a date; C3 follows B3")
        #expect(grid[3, 4] == .number(0.55, .percent))
        #expect(grid[3, 5] == .number(42, .plain))
        #expect(grid[7, 5] == .text("công thức") && grid[7, 6] == .bool(true) && grid[7, 7] == .error("#VALUE!"))
        #expect(grid[7, 8] == nil, "a shared string index past the end is no value")
        #expect(grid[5, 1] == nil && grid.place(7, 5) == "Báo cáo!E7")
        if case .number(let serial, _)? = grid[3, 2] {
            #expect(FormValues.date(.number(serial, .date), date1904: grid.date1904).map(\.iso) == .success("2024-07-15"))
        }
    }

    @Test func the1904DateSystem() throws {
        let grid = try XLSXReader.sheets(try package(date1904: true))[1].grid
        #expect(grid.date1904)
        #expect(try FormValues.date(grid[3, 2]!, date1904: grid.date1904).get().iso == "2028-07-16")
    }
}
