import Foundation

/// Reads one filled report form (its visible sheet, and the hidden one when the file has it)
/// against the site it was made from, recording every problem pinned to its cell.
struct FormReader {
    typealias Column = FormLayout.Column

    /// A filled-in task row.
    struct Row {
        var id: FormLayout.RowID
        var row: Int
        var status: ReportedStatus
        var percent: Double?
        var completed: Day?
        var note: String?
        var evidence: [(title: String, url: String)]
    }

    /// What a form says.
    struct Content {
        var agency: AgencyID
        var period: Period
        var reported: Day
        var rows: [Row]
        /// Where the cells came from, to name them in diagnostics.
        var source: CellGrid.Source
    }

    let loaded: LoadedSite
    /// The file's name as given, for diagnostics.
    let file: String
    let grid: CellGrid
    let hidden: CellGrid?
    /// False for a CSV file, which cannot carry the hidden sheet.
    let expectsHidden: Bool
    var diagnostics: [FormDiagnostic] = []

    init(loaded: LoadedSite, file: String, grid: CellGrid, hidden: CellGrid?, expectsHidden: Bool) {
        self.loaded = loaded
        self.file = file
        self.grid = grid
        self.hidden = hidden
        self.expectsHidden = expectsHidden
    }

    mutating func error(_ row: Int, _ column: Int, _ message: String) {
        diagnostics.append(
            FormDiagnostic(severity: .error, file: file, place: row > 0 ? grid.place(row, column) : nil, message: message, row: row, column: column))
    }

    mutating func warning(_ row: Int, _ column: Int, _ message: String) {
        diagnostics.append(
            FormDiagnostic(severity: .warning, file: file, place: row > 0 ? grid.place(row, column) : nil, message: message, row: row, column: column))
    }

    mutating func hiddenError(_ row: Int, _ message: String) {
        let place = "\(FormLayout.hiddenSheetName)!\(CellReference.name(row: row, column: 2))"
        diagnostics.append(FormDiagnostic(severity: .error, file: file, place: place, message: message, row: 0, column: row))
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Reads the form; nil when it cannot be imported (the reasons are in `diagnostics`).
    mutating func read() -> Content? {
        let remake = "make a new form with `cchc forms`"
        // The code line, in the visible header.
        guard let codeRow = (1...15).first(where: { grid.text($0, 1)?.hasPrefix("Mã:") == true }) else {
            error(0, 0, "this is not a cchc report form: its header has no `Mã: …` line; fill in the forms made by `cchc forms`")
            return nil
        }
        guard let code = FormLayout.parseCode(grid.text(codeRow, 1)!) else {
            error(codeRow, 1, "the form's code line was changed and cannot be read; \(remake) and copy the entries into it")
            return nil
        }
        guard code.version == FormLayout.version else {
            error(
                codeRow, 1, "this form is of format version \(code.version), which this cchc does not read (it reads version \(FormLayout.version)); \(remake)")
            return nil
        }
        let made = code.made.map(\.vietnamese) ?? "an unknown day"
        // The hidden ids, checked against their own checksum and against the visible code.
        var hiddenIDs: [FormLayout.RowID]?
        if let hidden {
            guard let ids = readHidden(hidden, code: code, codeRow: codeRow) else { return nil }
            hiddenIDs = ids
        } else if expectsHidden {
            warning(
                codeRow, 1,
                "the hidden sheet `\(FormLayout.hiddenSheetName)` is missing (was the form copied into another workbook?); the rows are checked against the visible code only"
            )
        }
        // Agency and period.
        let agency = AgencyID(code.agency)
        guard let agencyRecord = loaded.lookup.agencies[agency] else {
            var message = "the form is for agency `\(code.agency)`, which the site does not have"
            if let near = Suggestion.nearest(to: code.agency, in: loaded.site.agencies.map(\.id.rawValue)) { message += "; did you mean `\(near)`?" }
            error(codeRow, 1, message + "; \(remake)")
            return nil
        }
        guard let period = Period(code.period) else {
            error(codeRow, 1, "the form's period `\(code.period)` is not a period; \(remake)")
            return nil
        }
        checkFileName(agency: agencyRecord, period: period, codeRow: codeRow)
        // The column headings and the task rows.
        guard let headingRow = (1...30).first(where: { grid.text($0, Column.number.rawValue) == "STT" }) else {
            error(0, 0, "the form has no heading row (`STT` in column A); \(remake)")
            return nil
        }
        var visible: [(row: Int, id: FormLayout.RowID)] = []
        var rowsOK = true
        if headingRow + 1 <= grid.lastRow {
            for row in (headingRow + 1)...grid.lastRow {
                let taskText = grid.text(row, Column.task.rawValue)
                let hasInput = Column.allCases.contains { $0.isInput && grid[row, $0.rawValue] != nil }
                guard let taskText else {
                    if hasInput {
                        error(
                            row, Column.task.rawValue,
                            "this row has entries but no task id: rows were added by hand; enter each update on its task's row, or \(remake)")
                        rowsOK = false
                    }
                    continue
                }
                let periodText = grid.text(row, Column.period.rawValue)
                let rowPeriod = periodText.flatMap(Period.init)
                guard let task = TaskID(taskText), (periodText == nil) == (rowPeriod == nil) else {
                    error(row, Column.task.rawValue, "the task id `\(taskText)`\(periodText.map { " / `\($0)`" } ?? "") was changed by hand; \(remake)")
                    rowsOK = false
                    continue
                }
                visible.append((row, FormLayout.RowID(task: task, period: rowPeriod)))
            }
        }
        guard rowsOK else { return nil }
        let ids = visible.map(\.id)
        if let hiddenIDs {
            if ids != hiddenIDs {
                let index = (0..<min(ids.count, hiddenIDs.count)).first { ids[$0] != hiddenIDs[$0] } ?? min(ids.count, hiddenIDs.count)
                let row = index < visible.count ? visible[index].row : (visible.last?.row ?? headingRow) + 1
                let expected = index < hiddenIDs.count ? "task `\(hiddenIDs[index].task)`\(hiddenIDs[index].period.map { " (\($0))" } ?? "")" : "no row"
                error(
                    row, Column.task.rawValue,
                    "the form was made with \(hiddenIDs.count) task rows and has \(ids.count); here it had \(expected): rows were added, deleted or moved by hand; \(remake) and copy the entries into it"
                )
                return nil
            }
        } else if FormLayout.rowsCode(ids) != code.rows {
            error(
                codeRow, 1,
                "the task rows do not match the form's code (it was made with other rows): rows were added, deleted or changed by hand; \(remake) and copy the entries into it"
            )
            return nil
        }
        // The plans: every row's task must still exist with the same title, deadline and role.
        guard checkPlans(ids, agency: agency, code: code, codeRow: codeRow, made: made, period: period) else { return nil }
        // The report date.
        let reportedRow = (1..<headingRow).first { grid.text($0, 1)?.hasPrefix("Ngày báo cáo") == true } ?? FormLayout.reportedRow
        var reported: Day?
        if let value = grid[reportedRow, FormLayout.valueColumn] {
            switch FormValues.date(value, date1904: grid.date1904) {
            case .success(let day): reported = day
            case .failure(let problem): error(reportedRow, FormLayout.valueColumn, "Ngày báo cáo: " + problem.message)
            }
        } else {
            error(reportedRow, FormLayout.valueColumn, "fill in Ngày báo cáo, the date of the report (dd/mm/yyyy)")
        }
        var rows: [Row] = []
        for (row, id) in visible {
            if let filled = readRow(row, id: id, reported: reported) { rows.append(filled) }
        }
        guard let reported, !hasErrors else { return nil }
        return Content(agency: agency, period: period, reported: reported, rows: rows, source: grid.source)
    }

    /// Reads and checks the hidden sheet; nil after an error.
    mutating func readHidden(_ hidden: CellGrid, code: FormLayout.Code, codeRow: Int) -> [FormLayout.RowID]? {
        func value(_ row: Int) -> String { hidden.text(row, 2) ?? "" }
        guard hidden.text(1, 1) == "form", let count = Int(value(8)), count >= 0, count < 100_000,
            let firstRow = Int(value(7))
        else {
            hiddenError(1, "the form's hidden ids were edited and cannot be read; make a new form with `cchc forms`")
            return nil
        }
        var ids: [FormLayout.RowID] = []
        for index in 0..<count {
            let row = HiddenIDs.headerRows + 1 + index
            guard let task = hidden.text(row, 1).flatMap(TaskID.init) else {
                hiddenError(row, "the form's hidden ids were edited (row \(row) has no task id); make a new form with `cchc forms`")
                return nil
            }
            let period = hidden.text(row, 2).flatMap(Period.init)
            ids.append(FormLayout.RowID(task: task, period: period))
        }
        let stored = HiddenIDs(agency: value(2), period: value(3), made: value(4), rows: value(5), plan: value(6), firstRow: firstRow, ids: ids)
        if FormLayout.checksum(stored.checked) != value(9) || FormLayout.rowsCode(ids) != stored.rows {
            hiddenError(
                9, "the form's hidden ids were edited (their check code does not match); make a new form with `cchc forms` and copy the entries into it")
            return nil
        }
        if stored.agency != code.agency || stored.period != code.period || stored.rows != code.rows || stored.plan != code.plan {
            error(
                codeRow, 1,
                "the visible code says \(code.agency) · \(code.period) but the form's hidden ids say \(stored.agency) · \(stored.period): the header was copied from another form; fill in the form made for \(code.agency)"
            )
            return nil
        }
        return ids
    }

    /// Warns-or-refuses when the file's name (`bao-cao-<slug>-<period>.xlsx`) names another
    /// period or another agency than the form inside.
    mutating func checkFileName(agency: Agency, period: Period, codeRow: Int) {
        let base = file.split(separator: "/").last.map(String.init) ?? file
        let stem = base.split(separator: ".").first.map(String.init) ?? base
        guard stem.hasPrefix("bao-cao-") else { return }
        let words = stem.dropFirst(8).split(separator: "-").map(String.init)
        // A period at the end: 2024, 2024-Q3, 2024-H1, 2024-09.
        var named: Period?
        var slugWords = words
        if words.count >= 2, let p = Period("\(words[words.count - 2])-\(words[words.count - 1])") {
            named = p
            slugWords = Array(words.dropLast(2))
        } else if let last = words.last, last.count == 4, let p = Period(last) {
            named = p
            slugWords = Array(words.dropLast())
        }
        if let named, named != period {
            error(
                codeRow, 1,
                "the file is named for \(named) but the form inside is for \(period) (\(Words(.vi).period(period))); check that the right form was sent")
        }
        let slug = slugWords.joined(separator: "-")
        guard !slug.isEmpty else { return }
        let own = [agency.id.rawValue, agency.short.map(Slug.make) ?? ""]
        if own.contains(slug) { return }
        if let other = loaded.site.agencies.first(where: { $0.id.rawValue == slug || ($0.short.map(Slug.make) ?? "") == slug }) {
            error(
                codeRow, 1,
                "the file is named for \(other.name) (\(other.id)) but the form inside is \(agency.name)'s (\(agency.id)); check that the right form was sent")
        }
    }

    /// Whether the plans still say what they said when the form was made.
    mutating func checkPlans(_ ids: [FormLayout.RowID], agency: AgencyID, code: FormLayout.Code, codeRow: Int, made: String, period: Period) -> Bool {
        var facts: [(FormLayout.RowID, title: String, due: Day?, isLead: Bool)] = []
        var problem: String?
        for id in ids {
            guard let plan = loaded.site.plans.first(where: { $0.id == id.task.plan }),
                let task = plan.tasks.first(where: { $0.id == id.task }),
                let derived = loaded.derivation.tasks[id.task]
            else {
                problem = problem ?? "task \(id.task) no longer exists"
                continue
            }
            let isLead = loaded.lookup.expand(task.lead).contains(agency)
            guard isLead || loaded.lookup.expand(task.support).contains(agency) else {
                problem = problem ?? "\(agency) is no longer lead or support of task \(id.task)"
                continue
            }
            guard let occurrence = derived.occurrences.first(where: { $0.period == id.period }) else {
                problem = problem ?? "task \(id.task) no longer falls due in \(id.period.map(String.init(describing:)) ?? "one go")"
                continue
            }
            facts.append((id, task.title, occurrence.due, isLead))
        }
        if problem == nil, FormLayout.planCode(facts) != code.plan {
            problem = "a task's title, deadline or the agency's role differs"
        }
        if let problem {
            error(
                codeRow, 1,
                "this form was made on \(made) for a plan that has changed since (\(problem)); make a new form with `cchc forms \(period)` and copy the entries into it"
            )
            return false
        }
        return true
    }

    /// One task row; nil when it was left empty or has an error.
    mutating func readRow(_ row: Int, id: FormLayout.RowID, reported: Day?) -> Row? {
        let filled = Column.allCases.filter { $0.isInput && grid[row, $0.rawValue] != nil }
        guard !filled.isEmpty else { return nil }
        let before = diagnostics.count
        var status: ReportedStatus?
        if let text = grid.text(row, Column.status.rawValue) {
            switch FormValues.status(text) {
            case .success(let value): status = value
            case .failure(let problem): error(row, Column.status.rawValue, problem.message)
            }
        } else {
            error(row, Column.status.rawValue, "this row has entries but no Trạng thái; choose one from the list")
        }
        var percent: Double?
        if let value = grid[row, Column.percent.rawValue] {
            switch FormValues.percent(value) {
            case .success(let number): percent = number
            case .failure(let problem): error(row, Column.percent.rawValue, problem.message)
            }
        }
        var completed: Day?
        if let value = grid[row, Column.completed.rawValue] {
            switch FormValues.date(value, date1904: grid.date1904) {
            case .success(let day): completed = day
            case .failure(let problem): error(row, Column.completed.rawValue, "Ngày hoàn thành: " + problem.message)
            }
        }
        if let completed, let reported, completed > reported {
            var message = "Ngày hoàn thành \(completed.vietnamese) is after the report's date \(reported.vietnamese)"
            if completed.day <= 12, let swapped = Day(year: completed.year, month: completed.day, day: completed.month), swapped <= reported {
                message +=
                    "; if it was typed on a computer set to US dates (month/day/year), the day and month are swapped: it should read \(swapped.vietnamese)"
            }
            error(row, Column.completed.rawValue, message)
        }
        if status == .done {
            if completed == nil && grid[row, Column.completed.rawValue] == nil {
                error(
                    row, Column.completed.rawValue, "the status is Hoàn thành but Ngày hoàn thành is empty; fill in the date the task was finished (dd/mm/yyyy)"
                )
            }
            if let percent, percent != 100 {
                error(
                    row, Column.percent.rawValue,
                    "% hoàn thành is \(SpreadsheetWriter.number(percent)) but the status is Hoàn thành, which means 100; set 100 or change the status")
            }
        }
        let note = grid.text(row, Column.note.rawValue)
        let titles = lines(grid.text(row, Column.evidenceTitle.rawValue))
        let urls = lines(grid.text(row, Column.evidenceURL.rawValue))
        var evidence: [(String, String)] = []
        if titles.count != urls.count {
            let column = titles.count < urls.count ? Column.evidenceTitle : Column.evidenceURL
            error(
                row, column.rawValue,
                "Tài liệu kiểm chứng has \(titles.count) name\(titles.count == 1 ? "" : "s") and \(urls.count) link\(urls.count == 1 ? "" : "s"); write one name and one link per document, each on its own line, in the same order"
            )
        } else {
            evidence = Array(zip(titles, urls))
        }
        guard diagnostics.count == before, let status else { return nil }
        return Row(id: id, row: row, status: status, percent: percent, completed: completed, note: note, evidence: evidence)
    }

    /// The non-empty lines of a cell.
    func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
