import Foundation

/// One run of `SiteLoader.load`: what its stages share, and the stages themselves, in the order
/// `load` calls them.
///
/// Diagnostics are recorded in the order the stages find them and sorted only in the result.
struct LoadPass {
    /// The site folder.
    let root: URL
    /// The cache this load reads from and brings up to date, if any.
    let cache: ParseCache?
    /// Every diagnostic so far.
    var log = DiagnosticLog()
    /// Time spent in each stage so far.
    var timings = Timings()
    /// What the cache held when the load started (empty without a cache).
    let previous: ParseCache.Contents
    /// What the cache will hold after this load.
    var next = ParseCache.Contents()
    /// The clock when the load started, in seconds: a change after it is never settled in this load.
    let now: Int64
    /// The paths this load read and parsed (the others came from the cache).
    var read: [String] = []
    /// Whether the listing of the files came from the cache.
    var listingReused = false

    /// Starts a load of `root`, taking a snapshot of `cache`.
    init(root: URL, cache: ParseCache?) {
        self.root = root
        self.cache = cache
        previous = cache?.snapshot() ?? ParseCache.Contents()
        // Taken before any stamp: a change after it is never settled in this load.
        now = Int64(Date().timeIntervalSince1970)
    }

    /// The files a load reads, and where each is stamped for the cache.
    struct FoundFiles: Sendable {
        /// The site's files.
        let files: SiteFiles
        /// The site folder's path.
        let rootPath: String
        /// Whether the load keeps its parses in a cache (only then are files stamped).
        let stamps: Bool

        /// The path on disk of a site-relative path, to stamp it; nil without a cache.
        func diskPath(_ path: String) -> String? {
            stamps ? rootPath + "/" + (files.diskPaths[path] ?? path) : nil
        }
    }

    /// What the per-file stage read from the indices, plans and reports that parsed.
    struct Content: Sendable {
        /// The indices, ordered by path.
        var indices: [IndexDefinition] = []
        /// The plans, ordered by path.
        var plans: [Plan] = []
        /// The progress reports, ordered by path.
        var reports: [ProgressReport] = []
    }

    // MARK: - Stages

    /// Finds the site's files: takes the root folder, gives every content file by kind (from the
    /// cache's last listing while no folder it walked has changed), and warns about files the
    /// format does not know.
    mutating func findFiles() -> FoundFiles {
        // With a cache, the last listing serves while no folder it walked has changed. The
        // folders are stamped before they are listed, so a change meanwhile is seen next time.
        let files: SiteFiles
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
        return FoundFiles(files: files, rootPath: root.path, stamps: cache != nil)
    }

    /// Reads `site.yml`: gives the settings, or nil (with an error) when the file is missing or
    /// they are unusable.
    mutating func readSettings(_ found: FoundFiles) -> SiteSettings? {
        let path = "site.yml"
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) else {
            log.error(SourceLocation(path: path), "site.yml is missing; this folder is not a cchc site (create one with `cchc new site DIR`)")
            return nil
        }
        let file = SiteLoader.parse(
            path, at: root.appendingPathComponent(path).path, stamping: found.diskPath(path),
            previous: previous.entries[path], failed: .settings(nil)
        ) { text, log in
            .settings(SettingsLoader.load(text: text, path: path, log: &log))
        }
        record(file, at: path)
        guard case .settings(let settings) = file.parsed else { return nil }
        return settings
    }

    /// Reads `content/agencies.yml`: gives the agencies that parsed, in file order (none, with an
    /// error, when the file is missing).
    mutating func readAgencies(_ found: FoundFiles) -> [Agency] {
        let path = "content/agencies.yml"
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) else {
            log.error(SourceLocation(path: path), "content/agencies.yml is missing; list the site's agencies there")
            return []
        }
        let file = SiteLoader.parse(
            path, at: root.appendingPathComponent(path).path, stamping: found.diskPath(path),
            previous: previous.entries[path], failed: .agencies([])
        ) { text, log in
            .agencies(AgenciesLoader.load(text: text, path: path, log: &log))
        }
        record(file, at: path)
        guard case .agencies(let agencies) = file.parsed else { return [] }
        return agencies
    }

    /// Reads the indices, plans and reports, one job per file on all cores (a file the cache
    /// holds unchanged is not read): gives those that parsed, each kind in path order.
    ///
    /// A report is read again when an evidence file it may link has gone, since it was checked
    /// against the evidence files.
    mutating func readContent(_ found: FoundFiles) -> Content {
        enum Job { case index(String), plan(String), report(String) }
        let files = found.files
        let jobs: [Job] = files.indices.map(Job.index) + files.plans.map(Job.plan) + files.progress.map(Job.report)
        let evidence = Set(files.evidence)
        let previous = previous
        let evidenceChanged = previous.evidence != files.evidence
        let removedEvidence = evidenceChanged ? Set(previous.evidence).subtracting(evidence) : []
        let results = ConcurrentMap.run(jobs.count) { i -> (String, ParsedSource) in
            switch jobs[i] {
            case .index(let path):
                return (
                    path,
                    SiteLoader.parse(
                        path, at: files.path(path), stamping: found.diskPath(path), previous: previous.entries[path],
                        failed: .index(nil)
                    ) { text, log in
                        .index(IndexLoader.load(text: text, path: path, log: &log))
                    }
                )
            case .plan(let path):
                return (
                    path,
                    SiteLoader.parse(
                        path, at: files.path(path), stamping: found.diskPath(path), previous: previous.entries[path],
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
                    SiteLoader.parse(
                        path, at: files.path(path), stamping: found.diskPath(path), previous: earlier,
                        failed: .report(nil)
                    ) { text, log in
                        .report(ProgressLoader.load(text: text, path: path, files: evidence, log: &log))
                    }
                )
            }
        }
        timings.lap("read and parse")
        var content = Content()
        for (path, file) in results {
            record(file, at: path)
            switch file.parsed {
            case .index(let index?): content.indices.append(index)
            case .plan(let plan?): content.plans.append(plan)
            case .report(let report?): content.reports.append(report)
            default: break
            }
        }
        return content
    }

    /// Replaces what the cache holds with what this load read; nothing without a cache.
    func storeInCache() {
        cache?.replace(with: next, read: read, listingReused: listingReused)
    }

    /// The reporting date of `site`; nil, with an error, when the site gives none.
    mutating func reportingDate(_ site: Site, override: Day?) -> Day? {
        guard let asOf = SiteLoader.reportingDate(site, override: override) else {
            log.error(
                SourceLocation(path: "site.yml"),
                "there is no reporting date: no `as_of`, no reports and no plans; add `as_of: YYYY-MM-DD` to site.yml or pass --as-of")
            return nil
        }
        return asOf
    }

    /// Checks `site` across files and derives every state: gives the loaded site when no file and
    /// no check found an error, and every diagnostic.
    ///
    /// Derivation needs every file read without error, not the checks across files (it skips what
    /// they would report: unknown agencies, tasks, indices). So when no file had an error it runs
    /// beside validation, and is dropped if validation finds one.
    mutating func validateAndDerive(_ site: Site, lookup: SiteLookup, asOf: Day) -> SiteLoadResult {
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

    /// The result of a load that stopped before validation (no settings, no reporting date): its
    /// diagnostics, sorted, and no timings.
    func stopped() -> SiteLoadResult {
        SiteLoadResult(site: nil, diagnostics: Diagnostic.sorted(log.all))
    }

    // MARK: - Helpers

    /// Adds one file's diagnostics and cache entry to this load.
    private mutating func record(_ file: ParsedSource, at path: String) {
        file.record(path, log: &log, cache: &next, read: &read, now: now)
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
