import ArgumentParser
import CCHCCore
import Foundation

#if os(Linux)
    import CMimalloc

    cchc_tune_allocator()
#endif

// The entry point is top-level code (not `@main`): an executable target with more than one
// file cannot use `@main` in a file named main.swift. The generic helper makes sure the async
// `main()` of AsyncParsableCommand runs, not ParsableCommand's synchronous one.
func start<Command: AsyncParsableCommand>(_ command: Command.Type) async { await command.main() }
await start(CCHC.self)

/// `cchc`: builds the report site of a province's CCHC plans.
struct CCHC: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cchc",
        abstract: "Build the report site of a province's administrative-reform plans.",
        version: cchcVersionLine,
        subcommands: [Check.self, Build.self, Serve.self, New.self, Forms.self, Import.self])
}

/// The options every command that reads a site shares.
struct SiteOptions: ParsableArguments {
    @Argument(help: "The site folder (default: the current folder).")
    var site: String = "."

    @Option(name: .customLong("as-of"), help: "The reporting date, YYYY-MM-DD (default: as_of in site.yml, else the latest report).")
    var asOf: String?

    /// The site folder as a URL.
    var root: URL { URL(fileURLWithPath: site, isDirectory: true).standardizedFileURL }

    /// The parsed `--as-of`.
    func reportingDate() throws -> Day? {
        guard let asOf else { return nil }
        guard let day = Day(iso: asOf) else {
            throw ValidationError("--as-of must be an existing date written YYYY-MM-DD, found `\(asOf)`")
        }
        return day
    }
}

/// Where diagnostics go: stderr, one per line, then a summary.
enum Output {
    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        for line in DiagnosticReport.lines(diagnostics) { printError(line) }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// `cchc check`: reads and checks a site without writing anything.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a site's files and report every problem.",
        discussion: """
            Examples:
              cchc check                          check the site in the current folder
              cchc check trang-cchc --strict      fail on warnings too
              cchc check --as-of 2024-09-30       judge deadlines as on that date
              cchc check --format json > ket-qua.json
            """)

    enum Format: String, ExpressibleByArgument { case text, json }

    @OptionGroup var options: SiteOptions

    @Option(help: "text (default) or json, for CI annotations.")
    var format: Format = .text

    @Flag(help: "Fail on warnings too.")
    var strict = false

    func run() async throws {
        let result = SiteLoader.load(root: options.root, asOf: try options.reportingDate())
        switch format {
        case .text:
            Output.printDiagnostics(result.diagnostics)
            let summary = DiagnosticReport.summary(result.diagnostics)
            if let site = result.site, result.errors.isEmpty {
                let tasks = site.site.plans.reduce(0) { $0 + $1.tasks.count }
                print("checked \(site.site.plans.count) plans, \(tasks) tasks, \(site.site.reports.count) reports as of \(site.asOf.vietnamese): \(summary)")
            } else {
                print(summary)
            }
        case .json:
            print(DiagnosticReport.json(result.diagnostics))
        }
        if !result.errors.isEmpty || (strict && !result.warnings.isEmpty) { throw ExitCode(1) }
    }
}

/// `cchc build`: writes the static site.
struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the static site into a folder (default: public/ in the site).",
        discussion: """
            Examples:
              cchc build                                     build . into ./public
              cchc build trang-cchc --out /tmp/trang         build into another folder
              cchc build --base-url https://example.gov.vn/cchc/
              cchc build --archive trang-cchc-2024-q3.zip    also pack it for the portal
            """)

    @OptionGroup var options: SiteOptions

    @Option(help: "The output folder (default: SITE/public).")
    var out: String?

    @Option(name: .customLong("base-url"), help: "The absolute URL the site is published at (default: base_url in site.yml).")
    var baseURL: String?

    @Flag(help: "Print the time spent in each stage.")
    var timings = false

    @Option(help: "Also pack the built site into FILE.zip or FILE.tar.gz, with a manifest.json of sizes and SHA-256 checksums.")
    var archive: String?

    func validate() throws {
        if let archive, ArchiveFormat(fileName: archive) == nil {
            throw ValidationError("--archive must name a .zip, .tar.gz or .tgz file, found `\(archive)`")
        }
    }

    func run() async throws {
        let started = ContinuousClock.now
        let output = out.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL } ?? options.root.appendingPathComponent("public")
        if let archive, URL(fileURLWithPath: archive).standardizedFileURL.path.hasPrefix(output.path + "/") {
            Output.printError("error: --archive \(archive) is inside the output folder \(output.path); write the archive elsewhere")
            throw ExitCode(1)
        }
        Output.printError("cchc: building \(options.site) …")
        let result: SiteBuild.Result
        do {
            let progress = BuildProgress.wanted ? BuildProgress() : nil
            defer { progress?.finish() }
            result = try SiteBuild.run(
                root: options.root, out: output, asOf: try options.reportingDate(), baseURL: baseURL,
                progress: progress?.callback)
        } catch {
            Output.printError("error: \(error)")
            throw ExitCode(1)
        }
        Output.printDiagnostics(result.diagnostics)
        guard let summary = result.summary else {
            Output.printError("build failed: \(DiagnosticReport.summary(result.diagnostics)); \(output.path) was left as it was")
            throw ExitCode(1)
        }
        if timings { for line in result.timings.report { Output.printError(line) } }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(
            "built \(summary.pages) pages, \(summary.files) files (\(summary.bytes / 1024) KiB) as of \(summary.asOf.vietnamese) into \(output.path) in \(String(format: "%.2f", seconds)) s"
        )
        if let archive {
            let url = URL(fileURLWithPath: archive).standardizedFileURL
            do {
                let packed = try ReleaseArchive.write(folder: output, to: url, asOf: summary.asOf)
                print("packed \(packed.files) files and manifest.json into \(url.path) (\(packed.bytes / 1024) KiB, sha256 \(packed.sha256))")
            } catch {
                Output.printError("error: \(error)")
                throw ExitCode(1)
            }
        }
        // Done: the loaded site is not freed piece by piece (a national one takes a tenth of a
        // second on one core); the process ends with it.
        withExtendedLifetime(result) { Foundation.exit(EXIT_SUCCESS) }
    }
}
