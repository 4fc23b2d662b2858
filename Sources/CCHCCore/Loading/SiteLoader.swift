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
    ///
    /// With `cache`, a file whose stamp is the one the cache holds is not read again: its parse
    /// result and diagnostics come from the cache, and the cache is brought up to date with this
    /// load. The result is the same as without a cache.
    public static func load(root: URL, asOf override: Day? = nil, cache: ParseCache? = nil) -> SiteLoadResult {
        var log = DiagnosticLog()
        var timings = Timings()
        let previous = cache?.snapshot() ?? ParseCache.Contents()
        var next = ParseCache.Contents()
        // Taken before any stamp: a change after it is never settled in this load.
        let now = Int64(Date().timeIntervalSince1970)
        // With a cache, the last listing serves while no folder it walked has changed. The
        // folders are stamped before they are listed, so a change meanwhile is seen next time.
        let files: SiteFiles
        var listingReused = false
        if cache != nil, let folders = FolderStamps.take(root: root.path, now: now) {
            if let listing = previous.listing, listing.folders == folders {
                files = listing.files
                listingReused = true
            } else {
                files = SiteFiles(root: root)
            }
            next.listing = (folders, files)
        } else {
            files = SiteFiles(root: root)
        }
        next.evidence = files.evidence
        next.entries.reserveCapacity(previous.entries.count)
        timings.lap("list files")
        for path in files.stray {
            log.warning(SourceLocation(path: path), "this file is not read: indices are `.yml`, plans `.md` and reports `.yml`; rename or move it")
        }
        // The path on disk of a site-relative path, to stamp it; nil without a cache.
        let rootPath = root.path
        let diskPath: @Sendable (String) -> String? = { [cached = cache != nil, disk = files.diskPaths] path in
            cached ? rootPath + "/" + (disk[path] ?? path) : nil
        }
        var read: [String] = []

        // site.yml and agencies.yml.
        var settings: SiteSettings?
        if FileManager.default.fileExists(atPath: root.appendingPathComponent("site.yml").path) {
            let file = parse(
                "site.yml", at: root.appendingPathComponent("site.yml").path, stamping: diskPath("site.yml"),
                previous: previous.entries["site.yml"], failed: .settings(nil)
            ) { text, log in
                .settings(SettingsLoader.load(text: text, path: "site.yml", log: &log))
            }
            if case .settings(let value) = file.parsed { settings = value }
            file.record("site.yml", log: &log, cache: &next, read: &read, now: now)
        } else {
            log.error(SourceLocation(path: "site.yml"), "site.yml is missing; this folder is not a cchc site (create one with `cchc new site DIR`)")
        }
        var agencies: [Agency] = []
        let agenciesPath = "content/agencies.yml"
        if FileManager.default.fileExists(atPath: root.appendingPathComponent(agenciesPath).path) {
            let file = parse(
                agenciesPath, at: root.appendingPathComponent(agenciesPath).path, stamping: diskPath(agenciesPath),
                previous: previous.entries[agenciesPath], failed: .agencies([])
            ) { text, log in
                .agencies(AgenciesLoader.load(text: text, path: agenciesPath, log: &log))
            }
            if case .agencies(let value) = file.parsed { agencies = value }
            file.record(agenciesPath, log: &log, cache: &next, read: &read, now: now)
        } else {
            log.error(SourceLocation(path: agenciesPath), "content/agencies.yml is missing; list the site's agencies there")
        }

        // Indices, plans and reports: one job per file, run on all cores.
        enum Job { case index(String), plan(String), report(String) }
        let jobs: [Job] = files.indices.map(Job.index) + files.plans.map(Job.plan) + files.progress.map(Job.report)
        let evidence = Set(files.evidence)
        // Reports are checked against the evidence files: when those changed, some are read again.
        let evidenceChanged = previous.evidence != files.evidence
        let removedEvidence = evidenceChanged ? Set(previous.evidence).subtracting(evidence) : []
        let results = ConcurrentMap.run(jobs.count) { i -> (String, ParsedSource) in
            switch jobs[i] {
            case .index(let path):
                return (
                    path,
                    parse(
                        path, at: files.path(path), stamping: diskPath(path), previous: previous.entries[path],
                        failed: .index(nil)
                    ) { text, log in
                        .index(IndexLoader.load(text: text, path: path, log: &log))
                    }
                )
            case .plan(let path):
                return (
                    path,
                    parse(
                        path, at: files.path(path), stamping: diskPath(path), previous: previous.entries[path],
                        failed: .plan(nil)
                    ) { text, log in
                        .plan(PlanLoader.load(text: text, path: path, log: &log))
                    }
                )
            case .report(let path):
                var earlier = previous.entries[path]
                if evidenceChanged, let entry = earlier, !entry.survives(removedEvidence: removedEvidence) { earlier = nil }
                return (
                    path,
                    parse(path, at: files.path(path), stamping: diskPath(path), previous: earlier, failed: .report(nil)) { text, log in
                        .report(ProgressLoader.load(text: text, path: path, files: evidence, log: &log))
                    }
                )
            }
        }
        timings.lap("read and parse")
        var indices: [IndexDefinition] = [], plans: [Plan] = [], reports: [ProgressReport] = []
        for (path, file) in results {
            file.record(path, log: &log, cache: &next, read: &read, now: now)
            switch file.parsed {
            case .index(let index?): indices.append(index)
            case .plan(let plan?): plans.append(plan)
            case .report(let report?): reports.append(report)
            default: break
            }
        }
        cache?.replace(with: next, read: read, listingReused: listingReused)

        guard let settings else { return SiteLoadResult(site: nil, diagnostics: Diagnostic.sorted(log.all)) }
        let site = Site(
            settings: settings, agencies: agencies, indices: indices, plans: plans, reports: reports, files: files.evidence,
            fileSources: files.diskPaths.filter { $0.key.hasPrefix("files/") })
        let lookup = SiteLookup(site)
        guard let asOf = reportingDate(site, override: override) else {
            log.error(
                SourceLocation(path: "site.yml"),
                "there is no reporting date: no `as_of`, no reports and no plans; add `as_of: YYYY-MM-DD` to site.yml or pass --as-of")
            return SiteLoadResult(site: nil, diagnostics: Diagnostic.sorted(log.all))
        }
        // Derivation needs every file read without error, not the checks across files (it skips
        // what they would report: unknown agencies, tasks, indices). So when no file had an error it
        // runs beside validation, and is dropped if validation finds one.
        guard !log.hasErrors else {
            Validator.validate(site, lookup: lookup, asOf: asOf, log: &log)
            timings.lap("validate")
            return SiteLoadResult(site: nil, diagnostics: Diagnostic.sorted(log.all), timings: timings)
        }
        enum Checked: Sendable { case diagnostics([Diagnostic]), derivation(Derivation) }
        let checked = ConcurrentMap.run(2) { job -> Checked in
            guard job == 0 else { return .derivation(Derivation(site: site, lookup: lookup, asOf: asOf)) }
            var crossFile = DiagnosticLog()
            Validator.validate(site, lookup: lookup, asOf: asOf, log: &crossFile)
            return .diagnostics(crossFile.all)
        }
        var derivation: Derivation?
        for result in checked {
            switch result {
            case .diagnostics(let found): log.append(contentsOf: found)
            case .derivation(let derived): derivation = derived
            }
        }
        timings.lap("validate and derive")
        let sorted = Diagnostic.sorted(log.all)
        guard !log.hasErrors, let derivation else { return SiteLoadResult(site: nil, diagnostics: sorted, timings: timings) }
        return SiteLoadResult(
            site: LoadedSite(root: root, site: site, lookup: lookup, asOf: asOf, derivation: derivation),
            diagnostics: sorted, timings: timings)
    }

    /// The reporting date rule: `--as-of`, else `as_of`, else the latest `reported`, else the latest `issued`.
    public static func reportingDate(_ site: Site, override: Day?) -> Day? {
        override ?? site.settings.asOf ?? site.reports.filter(\.isComplete).map(\.reported.value).max()
            ?? site.plans.filter(\.isComplete).map(\.issued).max()
    }
}

extension SiteLoader {
    /// Reads and parses one file with `body`, or takes what `previous` holds when the file's stamp
    /// is the same; `failed` is the value of a file that cannot be read. `diskPath` is the file's
    /// path on disk when the load has a cache to keep the result in (the stamp is taken there).
    ///
    /// The stamp is taken before the file is read, so a save during the read makes the stamp
    /// stale and the file is read again next time, never the other way round.
    static func parse(
        _ path: String, at file: @autoclosure () -> String, stamping diskPath: String?, previous: ParseCache.Entry?,
        failed: ParseCache.ParsedFile, _ body: (String, inout DiagnosticLog) -> ParseCache.ParsedFile
    ) -> ParsedSource {
        // Without a cache (`cchc build`, `cchc check`) no stamp is taken: it would be one more system call per file.
        // The path is made only when the file is read: for tens of thousands of unchanged files it costs more than the stamp.
        let stamp = diskPath.flatMap(FileStamp.of)
        if let stamp, let previous, previous.stamp == stamp {
            return ParsedSource(parsed: previous.parsed, diagnostics: previous.diagnostics, stamp: stamp, isFresh: false)
        }
        var log = DiagnosticLog()
        let parsed = FileReader.text(atPath: file(), path: path, log: &log).map { body($0, &log) } ?? failed
        return ParsedSource(parsed: parsed, diagnostics: log.all, stamp: stamp, isFresh: true)
    }
}

/// One source file as a load found it: parsed now, or taken from the cache.
struct ParsedSource: Sendable {
    /// The parsed value.
    var parsed: ParseCache.ParsedFile
    /// The diagnostics of reading and parsing it.
    var diagnostics: [Diagnostic]
    /// Its stamp before it was read; nil when it could not be taken (then it is not cached).
    var stamp: FileStamp?
    /// Whether it was read and parsed by this load.
    var isFresh: Bool

    /// Adds the file's diagnostics to `log`, its entry to `cache` and, when it was read now, its
    /// path to `read`. A file changed too recently before `now` is not kept: a second save within
    /// the same tick of the file system's clock might leave the same stamp.
    func record(_ path: String, log: inout DiagnosticLog, cache: inout ParseCache.Contents, read: inout [String], now: Int64) {
        log.append(contentsOf: diagnostics)
        if let stamp, stamp.isSettled(now: now) {
            cache.entries[path] = ParseCache.Entry(stamp: stamp, parsed: parsed, diagnostics: diagnostics)
        }
        if isFresh { read.append(path) }
    }
}

/// Runs a function over `0..<count` on all cores and returns the results in index order.
public enum ConcurrentMap {
    /// While true (`ConcurrentMap.$serial.withValue(true) { … }`), `run` applies `body` to each index in
    /// turn on the calling thread, and so does every `run` inside it: a build made so is the serial
    /// reference the tests compare the parallel build with.
    @TaskLocal public static var serial = false

    /// Applies `body` to every index concurrently; the output order is the index order.
    public static func run<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1, !serial else { return (0..<count).map(body) }
        let buffer = ResultBuffer<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in buffer.store(body(i), at: i) }
        return buffer.values()
    }
}

/// Slots written by `concurrentPerform`: each index is written by exactly one iteration.
///
/// `@unchecked Sendable` is safe because every slot is written once, by one thread, and read only
/// after `concurrentPerform` has returned (which orders the writes before the reads). The slots
/// are raw memory allocated once: an `Array` would not do, since `withUnsafeMutableBufferPointer`
/// moves the array out of the property while its closure runs, so two threads storing at once
/// raced on it (seen once the parse cache made most jobs take microseconds).
final class ResultBuffer<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func store(_ value: T, at index: Int) {
        precondition(index >= 0 && index < count, "slot \(index) of \(count)")
        slots[index] = value
    }

    /// Every slot's value; each was stored by its iteration.
    func values() -> [T] { (0..<count).map { slots[$0]! } }
}
