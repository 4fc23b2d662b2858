import ArgumentParser
import CCHCCore
import Foundation

/// `cchc forms PERIOD [SITE]`: one Excel report form per agency.
struct Forms: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one Excel report form (.xlsx) per agency for a period, to send out and read back with `cchc import report`.")

    @Argument(help: "The period reported on: YYYY, YYYY-H1, YYYY-Q3 or YYYY-MM.")
    var period: String

    @Argument(help: "The site folder (default: the current folder).")
    var site: String = "."

    @Option(name: .customLong("agency"), help: "Only this agency's form (repeat for more; default: every agency with a task to report on).")
    var agencies: [String] = []

    @Option(help: "The folder to write the forms into (default: bieu-mau/<period>/ in the current folder).")
    var out: String?

    @Flag(help: "Replace forms that already exist.")
    var force = false

    func run() throws {
        let root = URL(fileURLWithPath: site, isDirectory: true).standardizedFileURL
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        do {
            let outcome = try FormWriter.write(
                root: root, period: period, agencies: agencies,
                out: out.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL },
                current: current, force: force)
            let rows = outcome.forms.reduce(0) { $0 + $1.rows }
            print(
                "wrote \(outcome.forms.count) form\(outcome.forms.count == 1 ? "" : "s") (\(rows) task rows, states as of \(outcome.asOf.vietnamese)) into \(outcome.folder.path)"
            )
        } catch {
            Output.printError("error: \(error)")
            throw ExitCode(1)
        }
    }
}
