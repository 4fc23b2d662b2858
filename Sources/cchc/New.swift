import ArgumentParser
import CCHCCore
import Foundation

/// `cchc new`: starts a site, a plan or a progress report from a skeleton that passes `cchc check`.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new site, plan or progress report that passes `cchc check` as written.",
        subcommands: [NewSite.self, NewReport.self, NewPlan.self])
}

/// Prints a scaffold error and exits 1.
private func fail(_ error: Error) -> ExitCode {
    Output.printError("error: \(error)")
    return ExitCode(1)
}

/// `cchc new site DIR`.
struct NewSite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Write a working example site into a new or empty folder.",
        discussion: """
            Examples:
              cchc new site trang-cchc --province "Bắc Kạn"
              cchc new site trang-cchc --year 2025 --with-templates
            """)

    @Argument(help: "The folder to create (must be missing or empty).")
    var folder: String

    @Option(help: "The province's name, e.g. \"Bắc Kạn\" (sets title, province and the example base_url).")
    var province: String?

    @Option(help: "The year of the sample plan and report (default: the current year).")
    var year: Int?

    @Flag(name: .customLong("with-templates"), help: "Also copy the built-in theme into templates/ for editing.")
    var withTemplates = false

    func validate() throws {
        if let year, !(1990...9998).contains(year) { throw ValidationError("--year must be a year such as 2025, found \(year)") }
    }

    func run() throws {
        // The only place `cchc new` reads the clock: the year of the sample data, when not given.
        let year = self.year ?? Calendar(identifier: .gregorian).component(.year, from: Date())
        let url = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL
        do {
            let written = try SiteScaffold.write(to: url, options: .init(province: province, year: year, withTemplates: withTemplates))
            print("created a site in \(folder) (\(written.count) files). Next:")
            print("  cchc check \(folder)")
            print("  cchc build \(folder)")
        } catch {
            throw fail(error)
        }
    }
}

/// `cchc new report --agency ID --period P [SITE]`.
struct NewReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write content/progress/<period>/<agency>.yml with the agency's open tasks in the period.",
        discussion: """
            Examples:
              cchc new report --agency so-tu-phap --period 2025-Q3
              cchc new report --agency so-noi-vu --period 2025-09 --reported 2025-09-25
            """)

    @Option(help: "The reporting agency's id (from content/agencies.yml).")
    var agency: String

    @Option(help: "The period reported on: YYYY, YYYY-H1, YYYY-Q3 or YYYY-MM.")
    var period: String

    @Option(help: "The report's date, YYYY-MM-DD (default: the period's last day).")
    var reported: String?

    @Argument(help: "The site folder (default: the current folder).")
    var site: String = "."

    func run() throws {
        let root = URL(fileURLWithPath: site, isDirectory: true).standardizedFileURL
        do {
            let outcome = try ReportScaffold.write(root: root, agency: agency, period: period, reported: reported)
            print(
                "wrote \(outcome.path): \(outcome.updates) task\(outcome.updates == 1 ? "" : "s") to report on"
                    + (outcome.unreported > 0 ? " (\(outcome.unreported) with no earlier report, written as not-started)" : ""))
            for note in outcome.notes { Output.printError("note: \(note)") }
        } catch {
            throw fail(error)
        }
    }
}

/// `cchc new plan --number N --title T [SITE]`.
struct NewPlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Write content/plans/<id>.md: the plan's front matter and the skeleton of its text.",
        discussion: """
            Examples:
              cchc new plan --number 123/KH-UBND --title "Nâng cao Chỉ số PAPI" \\
                --issued 2025-07-01
              cchc new plan --number 45/KH-STP --title "…" --issuer so-tu-phap trang-cchc
            """)

    @Option(help: "The document's number (số hiệu), e.g. 123/KH-UBND.")
    var number: String

    @Option(help: "The plan's title (trích yếu).")
    var title: String

    @Option(help: "The issuing agency's id (default: the site's agency of kind province).")
    var issuer: String?

    @Option(help: "The date of issue, YYYY-MM-DD (default: the site's reporting date).")
    var issued: String?

    @Option(help: "The plan id (default: kh-<code>-<number>-<year>, e.g. kh-ubnd-123-2025).")
    var id: String?

    @Argument(help: "The site folder (default: the current folder).")
    var site: String = "."

    func run() throws {
        let root = URL(fileURLWithPath: site, isDirectory: true).standardizedFileURL
        do {
            let outcome = try PlanScaffold.write(root: root, options: .init(number: number, title: title, issuer: issuer, issued: issued, id: id))
            print("wrote \(outcome.path) (plan id \(outcome.id))")
            for note in outcome.notes { Output.printError("note: \(note)") }
        } catch {
            throw fail(error)
        }
    }
}
