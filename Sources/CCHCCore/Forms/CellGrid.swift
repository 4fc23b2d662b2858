import Foundation

/// A sheet's cells as read from a workbook or a CSV file, by 1-based row and column.
struct CellGrid {
    /// What a cell holds.
    enum Value: Equatable {
        /// Text (shared, inline or formula string; every CSV field).
        case text(String)
        /// A number, with what its number format says it is.
        case number(Double, NumberKind)
        /// TRUE / FALSE.
        case bool(Bool)
        /// An error value such as `#VALUE!`.
        case error(String)
    }

    /// What a numeric cell's format makes of the number.
    enum NumberKind: Equatable {
        case plain
        /// A date format: the number is a day serial.
        case date
        /// A percent format: 0.5 shows as 50%.
        case percent
    }

    /// Where the grid came from, for diagnostics.
    enum Source: Equatable {
        /// A worksheet of a workbook.
        case sheet(String)
        /// A CSV file: the physical line each record starts on.
        case csv(lines: [Int])
    }

    var source: Source
    var cells: [Int: [Int: Value]] = [:]
    /// Whether serials count from 1904 (workbookPr date1904).
    var date1904 = false

    /// The value at a cell; nil when the cell is missing or empty text.
    subscript(row: Int, column: Int) -> Value? {
        guard let value = cells[row]?[column] else { return nil }
        if case .text(let text) = value, text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return nil }
        return value
    }

    /// The cell as trimmed text (numbers written plainly); nil when empty.
    func text(_ row: Int, _ column: Int) -> String? {
        switch self[row, column] {
        case nil: return nil
        case .text(let text): return NFC.normalize(text.trimmingCharacters(in: .whitespacesAndNewlines))
        case .number(let value, _): return SpreadsheetWriter.number(value)
        case .bool(let value): return value ? "TRUE" : "FALSE"
        case .error(let code): return code
        }
    }

    /// The last row with any cell.
    var lastRow: Int { cells.keys.max() ?? 0 }

    /// How a cell is named in a diagnostic: `Báo cáo!E7` in a workbook, `7:5` (line, field) in a CSV file.
    func place(_ row: Int, _ column: Int) -> String {
        switch source {
        case .sheet(let name): return "\(name)!\(CellReference.name(row: row, column: column))"
        case .csv(let lines): return "\(row - 1 < lines.count ? lines[row - 1] : row):\(column)"
        }
    }
}
