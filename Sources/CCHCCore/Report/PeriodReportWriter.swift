import Foundation

/// Errors of `cchc report` that stop it: what is wrong and what to do.
public struct ReportError: Error, CustomStringConvertible {
    /// The message.
    public let description: String

    /// An error with a message.
    public init(_ description: String) { self.description = description }
}

/// `cchc report`: loads the site as of the period's last day (or a day inside the period) and
/// writes the period report as a Word document, through a temporary file and a rename.
public enum PeriodReportWriter {
    /// What `write` did.
    public struct Outcome: Sendable {
        /// The file written.
        public var file: URL
        /// Its size in bytes.
        public var bytes: Int
        /// The period reported on.
        public var period: Period
        /// The reporting date used.
        public var asOf: Day
        /// The report's facts.
        public var report: PeriodReport
        /// How many progress reports were left out because they are dated after the reporting date.
        public var ignoredReports: Int
    }

    /// The file name used when none is given: `bao-cao-2024-Q3.docx`.
    public static func defaultFileName(_ period: Period) -> String { "bao-cao-\(period.description).docx" }

    /// The reporting date for `period`: its last day, or `asOf` when given, which must lie inside it.
    public static func reportingDate(_ period: Period, asOf: Day?) throws -> Day {
        guard let asOf else { return period.lastDay }
        guard period.contains(asOf) else {
            throw ReportError(
                "--as-of \(asOf.iso) is not in \(period) (\(period.firstDay.iso) to \(period.lastDay.iso)); "
                    + "give a day inside the period, or leave --as-of out to report as of \(period.lastDay.iso)")
        }
        return asOf
    }

    /// The `.docx` bytes of the report of `period` as of `asOf` for a loaded site.
    public static func bytes(_ loaded: LoadedSite, period: Period, asOf: Day) throws -> (PeriodReport, [UInt8]) {
        let report = PeriodReport(loaded, period: period, asOf: asOf)
        let words = ReportWords(loaded.site.settings.language, province: loaded.site.settings.province)
        return (report, try DocxWriter.bytes(report.document(words), date: asOf))
    }

    /// Loads the site at `root` as of the report's date, makes the report of `periodText` and
    /// writes it to `out` (default `bao-cao-<period>.docx` in `current`). Refuses to replace a file
    /// unless `force`.
    public static func write(root: URL, period periodText: String, asOf: Day?, out: URL?, current: URL, force: Bool) throws -> Outcome {
        guard let period = Period(periodText) else {
            throw ReportError("`\(periodText)` is not a period; write YYYY, YYYY-H1, YYYY-Q3 or YYYY-09")
        }
        let date = try reportingDate(period, asOf: asOf)
        let file = out ?? current.appendingPathComponent(defaultFileName(period))
        guard file.pathExtension.lowercased() == "docx" else {
            throw ReportError("the report is a Word document: name it FILE.docx, not \(file.lastPathComponent)")
        }
        if !force && FileManager.default.fileExists(atPath: file.path) {
            throw ReportError("\(file.path) already exists; pass --force to replace it")
        }
        let load = SiteLoader.load(root: root, asOf: date)
        guard let loaded = load.site else {
            let count = load.errors.count
            throw ReportError("the site has \(count) error\(count == 1 ? "" : "s"); run `cchc check` and fix \(count == 1 ? "it" : "them") first")
        }
        let (report, bytes) = try self.bytes(loaded, period: period, asOf: date)
        let folder = file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ReportError("cannot create \(folder.path): \(error.localizedDescription)")
        }
        do {
            try AtomicFile.write(Data(bytes), to: file)
        } catch {
            throw ReportError("\(error)")
        }
        return Outcome(
            file: file, bytes: bytes.count, period: period, asOf: date, report: report,
            ignoredReports: loaded.derivation.ignoredReports.count)
    }
}
