import ArgumentParser
import CCHCCore
import Foundation

/// `cchc report PERIOD [SITE]`: the period report to the UBND tỉnh as a Word document.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the period report (.docx) of the Sở Nội vụ to the UBND tỉnh: done, overdue, not reported, indices.",
        discussion: """
            The report compares the states at the reporting date (the period's last day, or --as-of)
            with those at the end of the period before, has one table per plan, the overdue
            assignments, the agencies that have not reported and the indices against their targets,
            in the layout of Nghị định 30/2020/NĐ-CP. The number, the date and the signer are left
            blank to fill in Word.

            Examples:
              cchc report 2024-Q3                          write bao-cao-2024-Q3.docx here
              cchc report 2024-H1 trang-cchc --out /tmp/bao-cao-6-thang.docx
              cchc report 2024-09 --as-of 2024-09-20       states as of 20/09/2024
              cchc report 2024 --force                     replace bao-cao-2024.docx
            """)

    @Argument(help: "The period reported on: YYYY, YYYY-H1, YYYY-Q3 or YYYY-MM.")
    var period: String

    @Argument(help: "The site folder (default: the current folder).")
    var site: String = "."

    @Option(help: "The file to write (default: bao-cao-<period>.docx in the current folder).")
    var out: String?

    @Option(name: .customLong("as-of"), help: "The reporting date, YYYY-MM-DD, inside the period (default: the period's last day).")
    var asOf: String?

    @Flag(help: "Replace the file if it exists.")
    var force = false

    func run() throws {
        let root = URL(fileURLWithPath: site, isDirectory: true).standardizedFileURL
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        var date: Day?
        if let asOf {
            guard let day = Day(iso: asOf) else {
                Output.printError("error: --as-of must be an existing date written YYYY-MM-DD, found `\(asOf)`")
                throw ExitCode(1)
            }
            date = day
        }
        do {
            let outcome = try PeriodReportWriter.write(
                root: root, period: period, asOf: date,
                out: out.map { URL(fileURLWithPath: $0).standardizedFileURL },
                current: current, force: force)
            let change = outcome.report.change
            var line = "wrote \(outcome.file.path) (\(outcome.bytes / 1024) KiB): \(outcome.period) as of \(outcome.asOf.vietnamese), "
            line += "\(change.done.count) assignments done in the period, \(change.newlyOverdue.count + change.stillOverdue.count) overdue, "
            line += "\(change.notReported.count) of \(change.expectedReporters.count) agencies not reported"
            if outcome.ignoredReports > 0 {
                line += "; \(outcome.ignoredReports) report\(outcome.ignoredReports == 1 ? "" : "s") dated after \(outcome.asOf.vietnamese) not counted"
            }
            print(line)
        } catch {
            Output.printError("error: \(error)")
            throw ExitCode(1)
        }
    }
}
