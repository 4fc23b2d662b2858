/// Reads a CSV file saved from a report form into a ``CellGrid`` of text cells.
///
/// UTF-8 with or without a byte-order mark; the separator is `,` or `;` (Excel in a Vietnamese
/// locale writes `;`), or what an Excel `sep=X` first line says, else whichever of the two the
/// first line has more of outside quotes; quoted fields may hold separators, doubled quotes and
/// line breaks. Each record remembers the physical line it starts on, for diagnostics.
enum CSVReader {
    /// Why a CSV file could not be read.
    struct Failure: Error { var message: String }

    static func grid(_ data: [UInt8]) throws(Failure) -> CellGrid {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw Failure(message: "the file is UTF-16; save it again as \"CSV UTF-8 (Comma delimited)\"")
        }
        guard var text = String(validating: bytes, as: UTF8.self) else {
            var message = "the file is not UTF-8"
            if let guess = LegacyEncoding.guess(Array(bytes)) { message += " (it looks like \(guess.displayName))" }
            throw Failure(message: message + "; in Excel save it as \"CSV UTF-8 (Comma delimited)\", or send the .xlsx form itself")
        }
        var line = 1
        // `sep=;` on the first line (Excel's own hint).
        var separator: Character?
        if text.hasPrefix("sep="), let end = text.firstIndex(where: { $0 == "\n" || $0 == "\r\n" }) {
            let hint = text[text.index(text.startIndex, offsetBy: 4)..<end]
            if hint.count == 1 { separator = hint.first }
            text = String(text[text.index(after: end)...])
            line = 2
        }
        let sep = separator ?? guessSeparator(text)
        var records: [[String]] = []
        var lines: [Int] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false, quotedField = false
        var recordLine = line
        var iterator = text.makeIterator()
        var pending: Character?
        func next() -> Character? {
            if let p = pending {
                pending = nil
                return p
            }
            return iterator.next()
        }
        func endRecord() {
            record.append(field)
            records.append(record)
            lines.append(recordLine)
            record = []
            field = ""
            quotedField = false
        }
        while let character = next() {
            if inQuotes {
                if character == "\"" {
                    if let following = next() {
                        if following == "\"" {
                            field.append("\"")
                        } else {
                            inQuotes = false
                            pending = following
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" || character == "\r" { line += 1 }
                    field.append(character == "\r\n" ? "\n" : character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty && !quotedField:
                inQuotes = true
                quotedField = true
            case sep:
                record.append(field)
                field = ""
                quotedField = false
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(character)
            }
        }
        if inQuotes { throw Failure(message: "a quoted field that starts on line \(recordLine) never ends; the file is cut short or has a stray `\"`") }
        if !field.isEmpty || !record.isEmpty { endRecord() }
        var grid = CellGrid(source: .csv(lines: lines))
        for (index, fields) in records.enumerated() {
            var cells: [Int: CellGrid.Value] = [:]
            for (column, value) in fields.enumerated() where !value.isEmpty { cells[column + 1] = .text(value) }
            if !cells.isEmpty { grid.cells[index + 1] = cells }
        }
        return grid
    }

    /// `;` when the first lines have more semicolons than commas outside quotes, else `,`.
    static func guessSeparator(_ text: String) -> Character {
        var commas = 0, semicolons = 0, inQuotes = false, lines = 0
        for character in text {
            if character == "\"" { inQuotes.toggle() }
            if inQuotes { continue }
            if character == "\n" || character == "\r\n" || character == "\r" {
                lines += 1
                if lines == 20 { break }
            }
            if character == "," { commas += 1 } else if character == ";" { semicolons += 1 }
        }
        return semicolons > commas ? ";" : ","
    }
}
