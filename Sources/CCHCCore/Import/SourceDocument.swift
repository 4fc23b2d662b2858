import Foundation

/// A plan document read into what the importer needs: its paragraphs and tables in order, and
/// its footnotes kept apart, whatever the file it came from (.docx, text from a PDF, Markdown).
public struct SourceDocument: Sendable {
    /// A place in the source file, for the review.
    public enum Place: Sendable, Hashable, CustomStringConvertible, Comparable {
        /// A line of a text file (1-based).
        case line(Int)
        /// A paragraph of a Word document (1-based, counting body paragraphs).
        case paragraph(Int)
        /// A row of a table (1-based table and row).
        case tableRow(table: Int, row: Int)

        public var description: String {
            switch self {
            case .line(let n): return "line \(n)"
            case .paragraph(let n): return "paragraph \(n)"
            case .tableRow(let t, let r): return "table \(t), row \(r)"
            }
        }

        /// Line and column for a `path:line:column` diagnostic, when the place is a text line.
        var line: Int? { if case .line(let n) = self { return n } else { return nil } }

        private var order: (Int, Int, Int) {
            switch self {
            case .line(let n): return (0, n, 0)
            case .paragraph(let n): return (1, n, 0)
            case .tableRow(let t, let r): return (2, t, r)
            }
        }

        public static func < (a: Place, b: Place) -> Bool { a.order < b.order }
    }

    /// A paragraph: its text with any automatic list number written in front, as a reader sees it.
    public struct Paragraph: Sendable, Hashable {
        /// The text, NFC, on one line.
        public var text: String
        /// Where it starts.
        public var place: Place
        /// Whether the whole paragraph is set in bold or as a heading (a hint for headings).
        public var isEmphasised: Bool = false
    }

    /// A table: rows of cell texts, merged cells repeated in every cell they cover.
    public struct Table: Sendable, Hashable {
        /// The rows, each a list of cell texts.
        public var rows: [[String]]
        /// The place of each row.
        public var places: [Place]
    }

    /// A block of the body.
    public enum Block: Sendable, Hashable {
        case paragraph(Paragraph)
        case table(Table)
    }

    /// The body, in reading order.
    public var blocks: [Block]
    /// Footnotes (Word footnotes, or footnote lines found at page ends of a text), apart from the body.
    public var footnotes: [String] = []
    /// What kind of file it was, for the review: "Word document", "text", "Markdown", "PDF".
    public var kind: String

    /// The paragraphs only.
    public var paragraphs: [Paragraph] {
        blocks.compactMap { if case .paragraph(let p) = $0 { return p } else { return nil } }
    }
}

/// Why a plan document could not be read.
public struct PlanImportError: Error, Sendable, CustomStringConvertible {
    /// What is wrong and what to do.
    public var description: String
    /// Makes an error.
    public init(_ description: String) { self.description = description }
}
