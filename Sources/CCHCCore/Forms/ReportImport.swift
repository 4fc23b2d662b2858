import Foundation

/// `cchc import report`: reads filled report forms (.xlsx, or CSV saved from one) and writes
/// `content/progress/<period>/<agency>.yml` for each, keeping only the rows someone filled in.
///
/// Every file is read and every problem recorded before anything is written. The new reports are
/// then checked exactly as `cchc check` would check them, in memory: each is parsed by the
/// report loader and the site, with the new reports in place of any they replace, is validated.
/// Only when no form has an error are the files written, each through a temporary file and a rename.
public enum ReportImport {
    /// One report made from a form.
    public struct Report: Sendable {
        /// The form it came from, as named on the command line.
        public var form: String
        /// The report's path relative to the site.
        public var path: String
        /// How many updates it holds.
        public var updates: Int
        /// Whether it replaces a report already in the site.
        public var replaces: Bool
        /// The YAML text.
        public var text: String
    }

    /// What `run` found and did.
    public struct Outcome: Sendable {
        /// The reports, in the order of the forms.
        public var reports: [Report]
        /// Every problem, file by file in the order given, then by cell.
        public var diagnostics: [FormDiagnostic]
        /// Whether the reports were written (no error, not a dry run).
        public var written: Bool
        /// Whether any diagnostic is an error.
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Reads `files` (paths as given, resolved against `current`) against the site at `root`.
    public static func run(root: URL, files: [String], current: URL, dryRun: Bool, force: Bool) throws -> Outcome {
        let load = SiteLoader.load(root: root)
        guard let loaded = load.site else {
            let count = load.errors.count
            throw FormError("the site has \(count) error\(count == 1 ? "" : "s"); run `cchc check` and fix \(count == 1 ? "it" : "them") first")
        }
        var diagnostics: [FormDiagnostic] = []
        var made: [(form: String, content: FormReader.Content, path: String)] = []
        var byPath: [String: String] = [:]
        for file in files {
            let url = URL(fileURLWithPath: file, relativeTo: current).standardizedFileURL
            var found: [FormDiagnostic] = []
            func fail(_ message: String) { found.append(FormDiagnostic(severity: .error, file: file, place: nil, message: message)) }
            let lower = url.pathExtension.lowercased()
            var reader: FormReader?
            switch lower {
            case "xlsx", "xlsm":
                do {
                    let package = try OfficePackage(contentsOf: url)
                    let sheets = try XLSXReader.sheets(package)
                    let visible = sheets.first { $0.name == FormLayout.sheetName } ?? sheets.first { !$0.hidden }
                    let hidden = sheets.first { $0.name == FormLayout.hiddenSheetName && $0.name != visible?.name }
                    if let visible {
                        reader = FormReader(loaded: loaded, file: file, grid: visible.grid, hidden: hidden?.grid, expectsHidden: true)
                    } else {
                        fail("the workbook has no visible sheet; fill in the forms made by `cchc forms`")
                    }
                } catch {
                    fail(FileManager.default.fileExists(atPath: url.path) ? error.description : "the file does not exist")
                }
            case "csv", "txt":
                if let data = FileManager.default.contents(atPath: url.path) {
                    do {
                        reader = FormReader(loaded: loaded, file: file, grid: try CSVReader.grid(Array(data)), hidden: nil, expectsHidden: false)
                    } catch {
                        fail(error.message)
                    }
                } else {
                    fail("the file does not exist or cannot be read")
                }
            case "xls":
                fail("this is an old Excel 97-2003 file; open it in Excel and save it as .xlsx (Excel Workbook)")
            default:
                fail("only report forms in .xlsx, or CSV saved from one, can be imported")
            }
            if var reader {
                let content = reader.read()
                found += reader.diagnostics
                if let content {
                    let path = ReportScaffold.path(agency: content.agency, period: content.period)
                    if content.rows.isEmpty {
                        found.append(
                            FormDiagnostic(severity: .warning, file: file, place: nil, message: "no row of the form was filled in; no report is written for it")
                        )
                    } else if let earlier = byPath[path] {
                        fail(
                            "this is a second form of \(content.agency) for \(content.period) in this run (the first is \(earlier)); import one of them, or merge them first"
                        )
                    } else {
                        byPath[path] = file
                        made.append((file, content, path))
                    }
                }
            }
            diagnostics += found.sorted { $0.order < $1.order }
        }
        // Compose, then check as `cchc check` does.
        var reports: [Report] = []
        var lineCells: [String: (file: String, grid: [Int: (String, Int, Int)])] = [:]
        var texts: [String: String] = [:]
        for (form, content, path) in made {
            let exists = FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
            if exists && !force {
                diagnostics.append(
                    FormDiagnostic(
                        severity: .error, file: form, place: nil,
                        message: "\(path) already exists; pass --force to replace it with this form's report"))
            }
            let composed = compose(content, form: form, loaded: loaded)
            texts[path] = composed.text
            lineCells[path] = (form, composed.cells)
            reports.append(Report(form: form, path: path, updates: content.rows.count, replaces: exists, text: composed.text))
        }
        diagnostics += check(texts, loaded: loaded, cells: lineCells)
        let hasErrors = diagnostics.contains { $0.severity == .error }
        guard !hasErrors, !dryRun else { return Outcome(reports: reports, diagnostics: diagnostics, written: false) }
        for report in reports {
            let url = root.appendingPathComponent(report.path)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw FormError("cannot create \(url.deletingLastPathComponent().path): \(error.localizedDescription)")
            }
            try AtomicFile.write(Data(report.text.utf8), to: url)
        }
        return Outcome(reports: reports, diagnostics: diagnostics, written: true)
    }

    /// The report's YAML, and for each line the cell it came from (place, row, column).
    static func compose(_ content: FormReader.Content, form: String, loaded: LoadedSite) -> (text: String, cells: [Int: (String, Int, Int)]) {
        var lines: [String] = [
            "# Nhập từ biểu mẫu \(YAMLText.comment(form.split(separator: "/").last.map(String.init) ?? form)) bằng `cchc import report`.",
            "agency: \(content.agency)",
            "period: \(content.period)",
            "reported: \(content.reported.iso)",
            "updates:",
        ]
        var cells: [Int: (String, Int, Int)] = [:]
        typealias Column = FormLayout.Column
        let grid = CellGrid(source: content.source)
        func add(_ line: String, _ row: Int, _ column: Column) {
            lines.append(line)
            cells[lines.count] = (grid.place(row, column.rawValue), row, column.rawValue)
        }
        for row in content.rows {
            add("  - task: \(row.id.task)", row.row, .task)
            if let period = row.id.period { add("    period: \(period)", row.row, .period) }
            add("    status: \(row.status.rawValue)", row.row, .status)
            if let percent = row.percent { add("    percent: \(PlainNumber.format(percent))", row.row, .percent) }
            if let completed = row.completed { add("    completed: \(completed.iso)", row.row, .completed) }
            if let note = row.note { add("    note: \(YAMLText.scalar(note))", row.row, .note) }
            if !row.evidence.isEmpty {
                add("    evidence:", row.row, .evidenceTitle)
                for (title, url) in row.evidence {
                    add("      - title: \(YAMLText.scalar(title))", row.row, .evidenceTitle)
                    add("        url: \(YAMLText.scalar(url))", row.row, .evidenceURL)
                }
            }
        }
        return (lines.joined(separator: "\n") + "\n", cells)
    }

    /// Parses each new report as `cchc check` does and validates the site with them in place;
    /// the problems in the new reports, pinned back to the forms' cells.
    static func check(_ texts: [String: String], loaded: LoadedSite, cells: [String: (file: String, grid: [Int: (String, Int, Int)])]) -> [FormDiagnostic] {
        guard !texts.isEmpty else { return [] }
        var log = DiagnosticLog()
        var site = loaded.site
        let evidence = Set(site.files)
        var fresh: [ProgressReport] = []
        for (path, text) in texts.sorted(by: { $0.key.utf8Precedes($1.key) }) {
            if let report = ProgressLoader.load(text: text, path: path, files: evidence, log: &log) { fresh.append(report) }
        }
        if !log.hasErrors {
            site.reports = (site.reports.filter { texts[$0.path] == nil } + fresh).sorted { $0.path.utf8Precedes($1.path) }
            Validator.validate(site, lookup: SiteLookup(site), asOf: loaded.asOf, log: &log)
        }
        var out: [FormDiagnostic] = []
        for diagnostic in Diagnostic.sorted(log.all) where diagnostic.severity == .error || texts[diagnostic.location.path] != nil {
            guard let (file, map) = cells[diagnostic.location.path] else {
                out.append(FormDiagnostic(severity: diagnostic.severity, file: diagnostic.location.path, place: nil, message: diagnostic.message))
                continue
            }
            // The cell of the line, or of the nearest line above it that came from a cell.
            let line = diagnostic.location.line
            let key = map.keys.filter { $0 <= line }.max()
            let place = key.flatMap { map[$0] }
            out.append(
                FormDiagnostic(
                    severity: diagnostic.severity, file: file, place: place?.0, message: diagnostic.message,
                    row: place?.1 ?? 0, column: place?.2 ?? 0))
        }
        return out
    }
}
