/// A Word document as cchc writes it: paragraphs of plain runs and real tables on A4 paper, with
/// the page number at the top of every page but the first (Nghị định 30/2020/NĐ-CP).
///
/// Only what the period report needs is here; ``DocxWriter`` turns it into WordprocessingML.
/// Lengths are in twentieths of a point (twips, 567 to the centimetre), font sizes in half-points,
/// as the format counts them.
struct WordDocument: Sendable {
    /// How a paragraph's lines are aligned.
    enum Alignment: String, Sendable {
        case left, center, right
        /// Justified (Word's `both`).
        case justified = "both"
    }

    /// A piece of text with one look. A newline in `text` becomes a line break.
    struct Run: Sendable, Hashable {
        var text: String
        var bold = false
        var italic = false
        /// The size in half-points; nil for the document's default.
        var size: Int?

        init(_ text: String, bold: Bool = false, italic: Bool = false, size: Int? = nil) {
            self.text = text
            self.bold = bold
            self.italic = italic
            self.size = size
        }
    }

    /// A paragraph.
    struct Paragraph: Sendable, Hashable {
        var runs: [Run]
        var alignment = Alignment.justified
        /// The indent of the first line.
        var firstLine = 0
        /// The indents of the whole paragraph from the left and the right.
        var left = 0
        var right = 0
        /// The space before and after.
        var before = 0
        var after = 0
        /// The line spacing in 240ths of a line (240 is single); nil for the default.
        var line: Int?
        /// Kept on the page of the next paragraph (headings, a table's lead-in).
        var keepWithNext = false
        /// A thin rule under the paragraph (the short lines under the header block's names).
        var rule = false
        /// The level in the document's outline (0 for a top heading), so Word's navigation lists it.
        var outlineLevel: Int?

        init(_ runs: [Run], alignment: Alignment = .justified) {
            self.runs = runs
            self.alignment = alignment
        }

        /// A paragraph of one run.
        init(_ text: String, bold: Bool = false, italic: Bool = false, size: Int? = nil, alignment: Alignment = .justified) {
            self.init([Run(text, bold: bold, italic: italic, size: size)], alignment: alignment)
        }

        /// The paragraph's text, runs joined.
        var text: String { runs.map(\.text).joined() }
    }

    /// A table cell.
    struct Cell: Sendable, Hashable {
        var paragraphs: [Paragraph]
        /// How many grid columns it spans.
        var span = 1

        init(_ paragraphs: [Paragraph], span: Int = 1) {
            self.paragraphs = paragraphs
            self.span = span
        }
    }

    /// A table row.
    struct Row: Sendable, Hashable {
        var cells: [Cell]
        /// A heading row, repeated at the top of every page the table runs onto.
        var isHeader = false
    }

    /// A table: a real `w:tbl` that Word edits as a table.
    struct Table: Sendable, Hashable {
        /// The width of each grid column.
        var widths: [Int]
        var rows: [Row]
        /// Thin borders on every cell; false for a layout table (the header block, the signatures).
        var bordered = true
        /// The cells' left and right margins.
        var cellMargin = 85

        /// The table's whole width.
        var width: Int { widths.reduce(0, +) }
    }

    /// A block of the body.
    enum Block: Sendable, Hashable {
        case paragraph(Paragraph)
        case table(Table)
    }

    /// The body, in order.
    var blocks: [Block] = []
    /// The title in the document's properties.
    var title = ""
    /// The language tag of the text (`vi-VN`, `en-GB`), for spelling and hyphenation.
    var languageTag = "vi-VN"
    /// The body text's size in half-points (28 is 14 pt).
    var fontSize = 28
    /// The font of every run.
    var font = "Times New Roman"

    // MARK: - The page (A4 portrait; margins of Nghị định 30: top and bottom 2 cm, left 3 cm, right 1.5 cm)

    static let pageWidth = 11906
    static let pageHeight = 16838
    static let marginTop = 1134
    static let marginBottom = 1134
    static let marginLeft = 1701
    static let marginRight = 851
    /// The width between the margins, which full-width tables take.
    static let textWidth = pageWidth - marginLeft - marginRight

    /// Adds a paragraph.
    mutating func add(_ paragraph: Paragraph) { blocks.append(.paragraph(paragraph)) }
    /// Adds a table.
    mutating func add(_ table: Table) { blocks.append(.table(table)) }

    /// The text of every paragraph, tables' cells included, in order: for tests and checks.
    var plainText: [String] {
        var out: [String] = []
        for block in blocks {
            switch block {
            case .paragraph(let p): out.append(p.text)
            case .table(let t):
                for row in t.rows { for cell in row.cells { out.append(contentsOf: cell.paragraphs.map(\.text)) } }
            }
        }
        return out
    }

    /// The tables, in order.
    var tables: [Table] {
        blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
    }
}
