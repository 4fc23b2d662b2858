import Dispatch
import Foundation

/// A site read, checked and derived: what every command after loading works from.
public struct LoadedSite: Sendable {
    /// The site folder.
    public let root: URL
    /// The content.
    public let site: Site
    /// Lookups over the content.
    public let lookup: SiteLookup
    /// The reporting date used.
    public let asOf: Day
    /// Every derived state and share.
    public let derivation: Derivation
}

/// The outcome of loading: the site when it has no errors, and every diagnostic, sorted.
public struct SiteLoadResult: Sendable {
    /// The loaded site; nil when any error was found.
    public let site: LoadedSite?
    /// Every error and warning, sorted by file and position.
    public let diagnostics: [Diagnostic]
    /// Time spent in each loading stage.
    public var timings = Timings()

    /// The errors only.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    /// The warnings only.
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

/// Reads a site folder: every file once, in parallel, then the checks across files, then derivation.
public enum SiteLoader {
    /// Loads the site at `root`; `asOf` (from `--as-of`) overrides every other reporting date.
    public static func load(root: URL, asOf override: Day? = nil) -> SiteLoadResult {
        var log = DiagnosticLog()
        var timings = Timings()
        let files = SiteFiles(root: root)
        for path in files.stray {
            log.warning(SourceLocation(path: path), "this file is not read: indices are `.yml`, plans `.md` and reports `.yml`; rename or move it")
        }

        // site.yml and agencies.yml.
        var settings: SiteSettings?
        if FileManager.default.fileExists(atPath: root.appendingPathComponent("site.yml").path) {
            if let text = FileReader.text(at: root.appendingPathComponent("site.yml"), path: "site.yml", log: &log) {
                settings = SettingsLoader.load(text: text, path: "site.yml", log: &log)
            }
        } else {
            log.error(SourceLocation(path: "site.yml"), "site.yml is missing; this folder is not a cchc site (create one with `cchc new site DIR`)")
        }
        var agencies: [Agency] = []
        let agenciesPath = "content/agencies.yml"
        if FileManager.default.fileExists(atPath: root.appendingPathComponent(agenciesPath).path) {
            if let text = FileReader.text(at: root.appendingPathComponent(agenciesPath), path: agenciesPath, log: &log) {
                agencies = AgenciesLoader.load(text: text, path: agenciesPath, log: &log)
            }
        } else {
            log.error(SourceLocation(path: agenciesPath), "content/agencies.yml is missing; list the site's agencies there")
        }

        // Indices, plans and reports: one job per file, run on all cores.
        enum Job { case index(String), plan(String), report(String) }
        enum Loaded { case index(IndexDefinition), plan(Plan), report(ProgressReport), none }
        let jobs: [Job] = files.indices.map(Job.index) + files.plans.map(Job.plan) + files.progress.map(Job.report)
        let evidence = Set(files.evidence)
        let results = ConcurrentMap.run(jobs.count) { i -> (Loaded, [Diagnostic]) in
            var fileLog = DiagnosticLog()
            var loaded = Loaded.none
            switch jobs[i] {
            case .index(let path):
                if let text = FileReader.text(at: files.url(path), path: path, log: &fileLog),
                   let index = IndexLoader.load(text: text, path: path, log: &fileLog) { loaded = .index(index) }
            case .plan(let path):
                if let text = FileReader.text(at: files.url(path), path: path, log: &fileLog),
                   let plan = PlanLoader.load(text: text, path: path, log: &fileLog) { loaded = .plan(plan) }
            case .report(let path):
                if let text = FileReader.text(at: files.url(path), path: path, log: &fileLog),
                   let report = ProgressLoader.load(text: text, path: path, files: evidence, log: &fileLog) { loaded = .report(report) }
            }
            return (loaded, fileLog.all)
        }
        timings.lap("read and parse")
        var indices: [IndexDefinition] = [], plans: [Plan] = [], reports: [ProgressReport] = []
        for (loaded, diagnostics) in results {
            log.append(contentsOf: diagnostics)
            switch loaded {
            case .index(let index): indices.append(index)
            case .plan(let plan): plans.append(plan)
            case .report(let report): reports.append(report)
            case .none: break
            }
        }

        guard let settings else { return SiteLoadResult(site: nil, diagnostics: Diagnostic.sorted(log.all)) }
        let site = Site(settings: settings, agencies: agencies, indices: indices, plans: plans, reports: reports, files: files.evidence,
                        fileSources: files.diskPaths.filter { $0.key.hasPrefix("files/") })
        let lookup = SiteLookup(site)
        guard let asOf = reportingDate(site, override: override) else {
            log.error(SourceLocation(path: "site.yml"), "there is no reporting date: no `as_of`, no reports and no plans; add `as_of: YYYY-MM-DD` to site.yml or pass --as-of")
            return SiteLoadResult(site: nil, diagnostics: Diagnostic.sorted(log.all))
        }
        Validator.validate(site, lookup: lookup, asOf: asOf, log: &log)
        let sorted = Diagnostic.sorted(log.all)
        timings.lap("validate")
        guard !log.hasErrors else { return SiteLoadResult(site: nil, diagnostics: sorted, timings: timings) }
        let derivation = Derivation(site: site, lookup: lookup, asOf: asOf)
        timings.lap("derive")
        return SiteLoadResult(site: LoadedSite(root: root, site: site, lookup: lookup, asOf: asOf, derivation: derivation),
                              diagnostics: sorted, timings: timings)
    }

    /// The reporting date rule: `--as-of`, else `as_of`, else the latest `reported`, else the latest `issued`.
    public static func reportingDate(_ site: Site, override: Day?) -> Day? {
        override ?? site.settings.asOf ?? site.reports.filter(\.isComplete).map(\.reported.value).max()
            ?? site.plans.filter(\.isComplete).map(\.issued).max()
    }
}

/// Runs a function over `0..<count` on all cores and returns the results in index order.
public enum ConcurrentMap {
    /// Applies `body` to every index concurrently; the output order is the index order.
    public static func run<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(body) }
        let buffer = ResultBuffer<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in buffer.store(body(i), at: i) }
        return buffer.values()
    }
}

/// Slots written by `concurrentPerform`: each index is written by exactly one iteration.
///
/// `@unchecked Sendable` is safe because every slot is written once, by one thread, and read only
/// after `concurrentPerform` has returned (which orders the writes before the reads).
final class ResultBuffer<T>: @unchecked Sendable {
    private var storage: [T?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func store(_ value: T, at index: Int) {
        storage.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func values() -> [T] { storage.map { $0! } }
}
