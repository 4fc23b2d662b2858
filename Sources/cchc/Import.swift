import ArgumentParser
import CCHCCore
import Foundation

/// `cchc import`: turns documents the province already has into site files.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn documents the province already has into site files.",
        subcommands: [ImportPlan.self, ImportReport.self])
}

/// `cchc import plan FILE [SITE]`.
struct ImportPlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Turn a plan document (.docx, .txt, .md, .pdf) into content/plans/<id>.md, with a review of what to confirm.",
        discussion: """
            Every assignment becomes a task with its lead, support agencies, deadline and index; agencies
            the site does not have are added to content/agencies.yml in one marked block. The plan is
            checked as `cchc check` would before anything is written.

            Examples:
              cchc import plan ke-hoach-57.docx --dry-run
              cchc import plan ke-hoach-57.docx
              cchc import plan du-thao.txt --number 57/KH-UBND --issued 2024-04-03
              cchc import plan ke-hoach.pdf site/ --format json
            """)

    enum Format: String, ExpressibleByArgument { case text, json }

    @Argument(help: "The plan document.")
    var file: String

    @Argument(help: "The site folder (default: the current folder).")
    var site: String = "."

    @Option(help: "The plan id (default: kh-<kind>-<number>-<year>, e.g. kh-ubnd-57-2024).")
    var id: String?

    @Option(help: "The issuing agency's id (default: read from the header).")
    var issuer: String?

    @Option(help: "The document's number, e.g. 57/KH-UBND (default: read from the header).")
    var number: String?

    @Option(help: "The date of issue, YYYY-MM-DD (default: read from the header).")
    var issued: String?

    @Flag(name: .customLong("dry-run"), help: "Show the review without writing anything.")
    var dryRun = false

    @Flag(help: "Replace an existing plan file of the same id.")
    var force = false

    @Option(help: "text (default) or json.")
    var format: Format = .text

    func run() throws {
        let root = URL(fileURLWithPath: site, isDirectory: true).standardizedFileURL
        let shown = TerminalText.visible(file)
        let load = SiteLoader.load(root: root)
        guard let loaded = load.site else {
            Output.printDiagnostics(load.errors)
            Output.printError("error: the site has \(load.errors.count) error(s); fix them (cchc check) before importing a plan")
            throw ExitCode(1)
        }
        let url = URL(fileURLWithPath: file)
        let result: PlanImport.Result
        do {
            let document = try PlanImport.readDocument(url)
            let options = PlanImport.Options(id: id, issuer: issuer, number: number, issued: issued, force: force, dryRun: dryRun)
            result = try PlanImport.run(document, file: url.lastPathComponent, site: loaded, options: options)
        } catch {
            Output.printError("\(shown): error: \(error.description)")
            throw ExitCode(1)
        }
        switch format {
        case .text: print(PlanFileWriter.reviewText(result))
        case .json: print(PlanFileWriter.reviewJSON(result))
        }
        if !result.errors.isEmpty { throw ExitCode(1) }
    }
}
