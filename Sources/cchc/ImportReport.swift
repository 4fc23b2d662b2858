import ArgumentParser
import CCHCCore
import Foundation

/// `cchc import report FILE ... [SITE]`: filled report forms back into progress files.
struct ImportReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Read filled report forms (.xlsx, or CSV saved from one) and write content/progress/<period>/<agency>.yml.")

    @Argument(help: "The filled forms (.xlsx or .csv), then optionally the site folder (default: the current folder).")
    var paths: [String]

    @Flag(name: .customLong("dry-run"), help: "Check the forms and show what would be written, without writing.")
    var dryRun = false

    @Flag(help: "Replace reports that already exist.")
    var force = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one filled form (.xlsx or .csv)") }
    }

    func run() throws {
        // The last argument is the site when it is a folder.
        var files = paths, site = "."
        var isFolder: ObjCBool = false
        if files.count > 1 || !(files.last.map { $0.lowercased().hasSuffix(".xlsx") || $0.lowercased().hasSuffix(".csv") } ?? true),
            let last = files.last, FileManager.default.fileExists(atPath: last, isDirectory: &isFolder), isFolder.boolValue
        {
            site = files.removeLast()
        }
        guard !files.isEmpty else { throw ValidationError("name at least one filled form (.xlsx or .csv) before the site folder") }
        let root = URL(fileURLWithPath: site, isDirectory: true).standardizedFileURL
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let outcome: ReportImport.Outcome
        do {
            outcome = try ReportImport.run(root: root, files: files, current: current, dryRun: dryRun, force: force)
        } catch {
            Output.printError("error: \(error)")
            throw ExitCode(1)
        }
        for diagnostic in outcome.diagnostics { Output.printError(diagnostic.description) }
        let errors = outcome.diagnostics.filter { $0.severity == .error }.count
        if errors > 0 {
            print(
                "\(errors) error\(errors == 1 ? "" : "s") in \(Set(outcome.diagnostics.filter { $0.severity == .error }.map(\.file)).count) of \(files.count) form\(files.count == 1 ? "" : "s"); nothing was written"
            )
            throw ExitCode(1)
        }
        for report in outcome.reports {
            let verb = outcome.written ? (report.replaces ? "replaced" : "wrote") : (report.replaces ? "would replace" : "would write")
            print("\(verb) \(report.path) from \(report.form): \(report.updates) update\(report.updates == 1 ? "" : "s")")
        }
        if outcome.written, !outcome.reports.isEmpty { print("next: cchc check \(site) && cchc build \(site)") }
    }
}
