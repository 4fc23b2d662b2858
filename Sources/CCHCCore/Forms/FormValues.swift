/// A problem in a filled form, pinned to its cell: `bao-cao-snv-2024-Q3.xlsx:Báo cáo!E7: error: …`,
/// or for a CSV file `bao-cao-snv-2024-Q3.csv:12:8: error: …` (line, field).
public struct FormDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Error or warning.
    public var severity: Severity
    /// The file, as it was named on the command line.
    public var file: String
    /// The cell (`Báo cáo!E7`, `12:8`), or nil for the whole file.
    public var place: String?
    /// What is wrong and how to fix it.
    public var message: String
    /// Row and column, for sorting within a file.
    var order: (Int, Int) { (row, column) }
    var row = 0
    var column = 0

    /// The line printed: text from the form (a status, a date) is shown with control characters
    /// escaped, so a hostile cell cannot drive the terminal.
    public var description: String {
        TerminalText.visible("\(file)\(place.map { ":" + $0 } ?? ""): \(severity.rawValue): \(message)")
    }

    public static func == (a: FormDiagnostic, b: FormDiagnostic) -> Bool {
        a.severity == b.severity && a.file == b.file && a.place == b.place && a.message == b.message
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(place)
        hasher.combine(message)
    }
}

/// Reading what people type into a form's cells: statuses, dates, percentages.
enum FormValues {
    /// The spellings met for each status, as slugs (tone marks and case dropped), from the
    /// content format and the domain guide's "also met" column.
    static let statusSpellings: [(String, ReportedStatus)] = [
        ("chua-thuc-hien", .notStarted), ("chua-trien-khai", .notStarted), ("chua-bat-dau", .notStarted), ("not-started", .notStarted),
        ("dang-thuc-hien", .inProgress), ("dang-trien-khai", .inProgress), ("dang-thuc-hien-trong-han", .inProgress), ("in-progress", .inProgress),
        ("hoan-thanh", .done), ("da-hoan-thanh", .done), ("hoan-thanh-dung-han", .done), ("hoan-thanh-muon", .done),
        ("hoan-thanh-cham", .done), ("hoan-thanh-qua-han", .done), ("done", .done),
        ("dung-thuc-hien", .dropped), ("da-dung-thuc-hien", .dropped), ("khong-thuc-hien", .dropped),
        ("khong-thuc-hien-duoc-dieu-chinh", .dropped), ("dropped", .dropped),
    ]

    /// States the site works out from dates, which a report cannot say.
    static let derivedOnly = ["qua-han", "chua-hoan-thanh", "dang-thuc-hien-qua-han", "chua-bao-cao", "chua-den-han"]

    /// A status typed or chosen; the error message when it is not one.
    static func status(_ text: String) -> Result<ReportedStatus, FormProblem> {
        let key = Slug.make(text)
        if let found = statusSpellings.first(where: { $0.0 == key }) { return .success(found.1) }
        let choices = FormLayout.statusLabels.map { "`\($0.1)`" }.joined(separator: ", ")
        if derivedOnly.contains(key) {
            return .failure(FormProblem("`\(text)` is worked out by the site from the dates, not reported; choose one of \(choices)"))
        }
        var message = "unknown status `\(text)`; choose one of \(choices) from the list"
        if let near = Suggestion.nearest(to: key, in: statusSpellings.map(\.0)), let status = statusSpellings.first(where: { $0.0 == near })?.1 {
            message += "; did you mean `\(FormLayout.label(status))`?"
        }
        return .failure(FormProblem(message))
    }

    /// A date cell: a date-formatted serial, or text `d/m/yyyy` (also `-` or `.` between the
    /// parts) or `yyyy-mm-dd`.
    static func date(_ value: CellGrid.Value, date1904: Bool) -> Result<Day, FormProblem> {
        switch value {
        case .number(let serial, let kind):
            guard kind == .date else {
                return .failure(FormProblem("`\(SpreadsheetWriter.number(serial))` is a number, not a date; write the date as dd/mm/yyyy"))
            }
            guard let day = ExcelDate.day(serial: serial, date1904: date1904) else {
                return .failure(FormProblem("the date cell holds \(SpreadsheetWriter.number(serial)), which is no real day; write the date as dd/mm/yyyy"))
            }
            return .success(day)
        case .text(let raw):
            return date(text: raw.trimmingCharacters(in: .whitespacesAndNewlines))
        case .bool, .error:
            return .failure(FormProblem("this cell should hold a date written dd/mm/yyyy"))
        }
    }

    /// A date typed as text.
    static func date(text: String) -> Result<Day, FormProblem> {
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "-" || $0 == "." }.map(String.init)
        let digits = parts.allSatisfy { !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
        guard parts.count == 3, digits else {
            return .failure(FormProblem("`\(text)` is not a date; write it as dd/mm/yyyy, e.g. 15/07/2024"))
        }
        if parts[0].count == 4 {
            guard let day = Day(year: Int(parts[0])!, month: Int(parts[1])!, day: Int(parts[2])!) else {
                return .failure(FormProblem("`\(text)` is not a real day; write it as dd/mm/yyyy"))
            }
            return .success(day)
        }
        let d = Int(parts[0])!, m = Int(parts[1])!
        guard parts[2].count == 4, let y = Int(parts[2]) else {
            return .failure(FormProblem("`\(text)` has a two-digit year; write the year in full, dd/mm/yyyy"))
        }
        if m > 12, d <= 12, let swapped = Day(year: y, month: d, day: m) {
            return .failure(
                FormProblem(
                    "`\(text)` reads as month/day/year, as a computer set to US dates writes it; dates are dd/mm/yyyy here: write \(swapped.vietnamese)"))
        }
        guard let day = Day(year: y, month: m, day: d) else {
            return .failure(FormProblem("`\(text)` is not a real day (dd/mm/yyyy); check the day and the month"))
        }
        return .success(day)
    }

    /// A percentage 0…100: a number, a percent-formatted cell (0.5 is 50), or text `50`/`50%`.
    static func percent(_ value: CellGrid.Value) -> Result<Double, FormProblem> {
        var number: Double
        switch value {
        case .number(let raw, let kind):
            number = kind == .percent ? (raw * 100 * 1e9).rounded() / 1e9 : raw
        case .text(let raw):
            var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.hasSuffix("%") { text = String(text.dropLast()).trimmingCharacters(in: .whitespaces) }
            guard let parsed = PlainNumber.parse(text.replacingOccurrences(of: ",", with: ".")) else {
                return .failure(FormProblem("`\(raw)` is not a percentage; write a whole number from 0 to 100"))
            }
            number = parsed
        case .bool, .error:
            return .failure(FormProblem("this cell should hold a whole number from 0 to 100"))
        }
        guard (0...100).contains(number) else {
            return .failure(FormProblem("% hoàn thành is \(SpreadsheetWriter.number(number)); it must be from 0 to 100"))
        }
        return .success(number)
    }
}

/// A message about one cell, before it is pinned to the file.
struct FormProblem: Error, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
}
