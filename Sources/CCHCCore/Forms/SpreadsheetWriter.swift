/// A minimal SpreadsheetML (`.xlsx`) writer: inline strings, numbers and dates, a fixed set of
/// cell styles, column widths, frozen rows, sheet protection, data validation and an A4 landscape
/// print setup. Output is byte-identical for the same input: parts in a fixed order in a deflated
/// ZIP stamped with a given day, no clock, no host names.
///
/// Only what the report forms need is here; it is not a general spreadsheet library.
struct SpreadsheetWriter {
    /// The styles every workbook carries, by their index in `cellXfs`.
    enum Style: Int {
        case plain = 0
        case title = 1
        case header = 2
        case body = 3
        case bodyDate = 4
        case input = 5
        case inputDate = 6
        case inputNumber = 7
        case note = 8
        case label = 9
    }

    /// A cell's content.
    enum Value {
        case text(String)
        case number(Double)
        case date(Day)
    }

    /// One cell.
    struct Cell {
        var column: Int
        var value: Value?
        var style: Style
    }

    /// A data validation rule over a range.
    struct Validation {
        enum Rule {
            case list([String])
            case whole(ClosedRange<Int>)
            case date(ClosedRange<Day>)
        }
        var rule: Rule
        var ranges: [String]
        var title: String
        var message: String
    }

    /// A worksheet.
    struct Sheet {
        var name: String
        var rows: [Int: [Cell]] = [:]
        var widths: [Double] = []
        var frozenRows = 0
        var heights: [Int: Double] = [:]
        var merges: [String] = []
        var validations: [Validation] = []
        var veryHidden = false
        var printTitleRow: Int?

        mutating func set(_ row: Int, _ column: Int, _ value: Value?, _ style: Style) {
            rows[row, default: []].append(Cell(column: column, value: value, style: style))
        }
    }

    var sheets: [Sheet] = []

    /// The `.xlsx` bytes, parts stamped `date`.
    func bytes(date: Day) throws -> [UInt8] {
        var entries: [ArchiveEntry] = [
            .file("[Content_Types].xml", Array(contentTypes.utf8)),
            .file("_rels/.rels", Array(Self.rootRels.utf8)),
            .file("xl/workbook.xml", Array(workbook.utf8)),
            .file("xl/_rels/workbook.xml.rels", Array(workbookRels.utf8)),
            .file("xl/styles.xml", Array(Self.styles.utf8)),
        ]
        for (index, sheet) in sheets.enumerated() {
            entries.append(.file("xl/worksheets/sheet\(index + 1).xml", Array(Self.worksheet(sheet).utf8)))
        }
        return try ZipWriter.archive(entries, date: date, method: .deflated)
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    var contentTypes: String {
        var out = Self.declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        out += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        out += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for index in sheets.indices {
            out +=
                "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return out + "</Types>"
    }

    static let rootRels =
        declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    var workbook: String {
        var out = Self.declaration + "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.relationships)\">"
        out += "<workbookPr/><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (index, sheet) in sheets.enumerated() {
            out += "<sheet name=\"\(XMLEscape.attribute(sheet.name))\" sheetId=\"\(index + 1)\""
            if sheet.veryHidden { out += " state=\"veryHidden\"" }
            out += " r:id=\"rId\(index + 1)\"/>"
        }
        out += "</sheets>"
        let titles = sheets.enumerated().compactMap { index, sheet in sheet.printTitleRow.map { (index, sheet.name, $0) } }
        if !titles.isEmpty {
            out += "<definedNames>"
            for (index, name, row) in titles {
                out +=
                    "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">'\(XMLEscape.text(name.replacingOccurrences(of: "'", with: "''")))'!$\(row):$\(row)</definedName>"
            }
            out += "</definedNames>"
        }
        return out + "</workbook>"
    }

    var workbookRels: String {
        var out = Self.declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in sheets.indices {
            out += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(Self.relationships)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        out += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Self.relationships)/styles\" Target=\"styles.xml\"/>"
        return out + "</Relationships>"
    }

    /// Fonts: Times New Roman (shows Vietnamese on every Windows and LibreOffice install).
    /// Fills: none, gray125 (both required first), header grey, input yellow. Number format 164
    /// is dd/mm/yyyy. The `cellXfs` order is `Style`'s.
    static let styles: String = {
        var out = declaration + "<styleSheet xmlns=\"\(main)\">"
        out += "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
        out += "<fonts count=\"4\">"
        out += "<font><sz val=\"12\"/><name val=\"Times New Roman\"/><family val=\"1\"/></font>"
        out += "<font><b/><sz val=\"14\"/><name val=\"Times New Roman\"/><family val=\"1\"/></font>"
        out += "<font><b/><sz val=\"12\"/><name val=\"Times New Roman\"/><family val=\"1\"/></font>"
        out += "<font><i/><sz val=\"10\"/><color rgb=\"FF595959\"/><name val=\"Times New Roman\"/><family val=\"1\"/></font>"
        out += "</fonts>"
        out += "<fills count=\"4\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        out += "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFD9D9D9\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        out += "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFFF2CC\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        out += "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
        out += "<border><left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right>"
        out += "<top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/></border></borders>"
        out += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        // (numFmt, font, fill, border, wrap, locked)
        let xfs: [(Int, Int, Int, Int, Bool, Bool)] = [
            (0, 0, 0, 0, false, true), // plain
            (0, 1, 0, 0, false, true), // title
            (0, 2, 2, 1, true, true), // header
            (0, 0, 0, 1, true, true), // body
            (164, 0, 0, 1, true, true), // bodyDate
            (49, 0, 3, 1, true, false), // input (text format: what is typed stays text)
            (164, 0, 3, 1, false, false), // inputDate
            (1, 0, 3, 1, false, false), // inputNumber
            (0, 3, 0, 0, false, true), // note
            (0, 2, 0, 0, false, true), // label
        ]
        out += "<cellXfs count=\"\(xfs.count)\">"
        for (format, font, fill, border, wrap, locked) in xfs {
            out += "<xf numFmtId=\"\(format)\" fontId=\"\(font)\" fillId=\"\(fill)\" borderId=\"\(border)\" xfId=\"0\""
            if format != 0 { out += " applyNumberFormat=\"1\"" }
            if font != 0 { out += " applyFont=\"1\"" }
            if fill != 0 { out += " applyFill=\"1\"" }
            if border != 0 { out += " applyBorder=\"1\"" }
            out += " applyAlignment=\"1\" applyProtection=\"1\"><alignment vertical=\"top\"\(wrap ? " wrapText=\"1\"" : "")/>"
            out += "<protection locked=\"\(locked ? 1 : 0)\"/></xf>"
        }
        out += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        return out + "</styleSheet>"
    }()

    static func worksheet(_ sheet: Sheet) -> String {
        var out = declaration + "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(relationships)\">"
        out += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        let lastRow = sheet.rows.keys.max() ?? 1
        let lastColumn = sheet.rows.values.flatMap { $0.map(\.column) }.max() ?? 1
        out += "<dimension ref=\"A1:\(CellReference.name(row: lastRow, column: lastColumn))\"/>"
        out += "<sheetViews><sheetView workbookViewId=\"0\"\(sheet.veryHidden ? "" : " tabSelected=\"1\"")>"
        if sheet.frozenRows > 0 {
            let top = "A\(sheet.frozenRows + 1)"
            out += "<pane ySplit=\"\(sheet.frozenRows)\" topLeftCell=\"\(top)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            out += "<selection pane=\"bottomLeft\" activeCell=\"\(top)\" sqref=\"\(top)\"/>"
        }
        out += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15.75\"/>"
        if !sheet.widths.isEmpty {
            out += "<cols>"
            for (index, width) in sheet.widths.enumerated() {
                out += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(Self.number(width))\" customWidth=\"1\"/>"
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        for row in sheet.rows.keys.sorted() {
            out += "<row r=\"\(row)\""
            if let height = sheet.heights[row] { out += " ht=\"\(Self.number(height))\" customHeight=\"1\"" }
            out += ">"
            for cell in sheet.rows[row]!.sorted(by: { $0.column < $1.column }) {
                let reference = CellReference.name(row: row, column: cell.column)
                switch cell.value {
                case nil:
                    out += "<c r=\"\(reference)\" s=\"\(cell.style.rawValue)\"/>"
                case .text(let text):
                    out +=
                        "<c r=\"\(reference)\" s=\"\(cell.style.rawValue)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XMLEscape.text(text))</t></is></c>"
                case .number(let value):
                    out += "<c r=\"\(reference)\" s=\"\(cell.style.rawValue)\"><v>\(Self.number(value))</v></c>"
                case .date(let day):
                    out += "<c r=\"\(reference)\" s=\"\(cell.style.rawValue)\"><v>\(ExcelDate.serial(day))</v></c>"
                }
            }
            out += "</row>"
        }
        out += "</sheetData>"
        // Protected without a password: read-only cells stay read-only, columns and rows can be resized.
        out += "<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\" formatRows=\"0\"/>"
        if !sheet.merges.isEmpty {
            out += "<mergeCells count=\"\(sheet.merges.count)\">"
            for merge in sheet.merges { out += "<mergeCell ref=\"\(merge)\"/>" }
            out += "</mergeCells>"
        }
        if !sheet.validations.isEmpty {
            out += "<dataValidations count=\"\(sheet.validations.count)\">"
            for validation in sheet.validations {
                let common =
                    "allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" errorTitle=\"\(XMLEscape.attribute(validation.title))\" error=\"\(XMLEscape.attribute(validation.message))\" promptTitle=\"\(XMLEscape.attribute(validation.title))\" prompt=\"\(XMLEscape.attribute(validation.message))\" sqref=\"\(validation.ranges.joined(separator: " "))\""
                switch validation.rule {
                case .list(let items):
                    out += "<dataValidation type=\"list\" \(common)><formula1>\"\(XMLEscape.text(items.joined(separator: ",")))\"</formula1></dataValidation>"
                case .whole(let range):
                    out +=
                        "<dataValidation type=\"whole\" operator=\"between\" \(common)><formula1>\(range.lowerBound)</formula1><formula2>\(range.upperBound)</formula2></dataValidation>"
                case .date(let range):
                    out +=
                        "<dataValidation type=\"date\" operator=\"between\" \(common)><formula1>\(ExcelDate.serial(range.lowerBound))</formula1><formula2>\(ExcelDate.serial(range.upperBound))</formula2></dataValidation>"
                }
            }
            out += "</dataValidations>"
        }
        out += "<printOptions gridLines=\"0\"/>"
        out += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
        out += "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        return out + "</worksheet>"
    }

    /// A number as SpreadsheetML writes it: no exponent, no locale, no trailing zeros.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return PlainNumber.format(value)
    }
}

/// `A1`-style cell references.
enum CellReference {
    /// The column letters of a 1-based column: 1 → A, 27 → AA.
    static func letters(_ column: Int) -> String {
        var n = column, out = ""
        while n > 0 {
            let rest = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + rest))) + out
            n = (n - 1) / 26
        }
        return out
    }

    /// `E7` for row 7, column 5.
    static func name(row: Int, column: Int) -> String { letters(column) + String(row) }

    /// The 1-based (row, column) of `E7`; nil when it is not a cell reference.
    static func parse(_ text: String) -> (row: Int, column: Int)? {
        var column = 0, row = 0, digits = 0, letters = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((byte & 0xDF) - 64)
                letters += 1
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0, digits < 7 else { return nil }
                row = row * 10 + Int(byte - 48)
                digits += 1
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0, row > 0 else { return nil }
        return (row, column)
    }
}

/// Excel's day numbers (serials).
enum ExcelDate {
    /// 1899-12-30, day 0 of the 1900 system once the phantom 29/02/1900 is skipped.
    static let epoch1900 = Day(year: 1899, month: 12, day: 30)!.ordinal
    /// 1904-01-01, day 0 of the 1904 system (old Mac workbooks).
    static let epoch1904 = Day(year: 1904, month: 1, day: 1)!.ordinal

    /// The 1900-system serial of a day on or after 01/03/1900.
    static func serial(_ day: Day) -> Int { day.ordinal - epoch1900 }

    /// The day of a serial (fraction = time of day, dropped). In the 1900 system serial 60 is
    /// 29/02/1900, a day that never was (Lotus 1-2-3's leap-year bug, kept by Excel): nil.
    static func day(serial: Double, date1904: Bool) -> Day? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        if date1904 { return Day(ordinal: epoch1904 + whole) }
        if whole == 60 || whole == 0 { return nil }
        // Serials 1…59 are 01/01/1900…28/02/1900, one day later than the count from the epoch says.
        return Day(ordinal: epoch1900 + whole + (whole < 60 ? 1 : 0))
    }
}

extension Day {
    /// The day of an `ordinal` (days since 0000-03-01).
    init?(ordinal: Int) {
        // Civil-from-days (H. Hinnant), shifted to the 0000-03-01 origin of `ordinal`.
        let era = (ordinal >= 0 ? ordinal : ordinal - 146_096) / 146_097
        let doe = ordinal - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)
    }
}

/// Escaping for XML text and attributes.
enum XMLEscape {
    /// Text content: `&`, `<`, `>` escaped; characters XML 1.0 forbids are dropped.
    static func text(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            default:
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { continue }
                if scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Attribute values (double-quoted).
    static func attribute(_ text: String) -> String {
        self.text(text).replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "\n", with: "&#10;")
    }
}
