import Foundation
import Synchronization

/// What a build did, for the closing summary.
public struct BuildSummary: Sendable {
    /// HTML pages written.
    public var pages: Int
    /// All files written.
    public var files: Int
    /// Bytes written.
    public var bytes: Int
    /// The reporting date used.
    public var asOf: Day
}

/// `cchc build` as a library call: load, check, render, write atomically.
public enum SiteBuild {
    /// The outcome of a build: the summary when it succeeded, and every diagnostic.
    public struct Result: Sendable {
        /// Set when the site was written.
        public var summary: BuildSummary?
        /// Errors and warnings, sorted.
        public var diagnostics: [Diagnostic]
        /// The loaded site, when loading succeeded.
        public var loaded: LoadedSite?
        /// Time spent in each stage.
        public var timings = Timings()
    }

    /// Loads the theme and renders the whole site in memory, sorted by path, without writing;
    /// nil files when anything failed.
    public static func render(root: URL, asOf: Day? = nil, baseURL: String? = nil) -> (files: [OutputFile]?, loaded: LoadedSite?, diagnostics: [Diagnostic]) {
        var timings = Timings()
        let (loaded, theme, diagnostics) = load(root: root, asOf: asOf, cache: nil, timings: &timings)
        guard let loaded, let theme else { return (nil, loaded, diagnostics) }
        let output = SiteOutput(loaded, theme: theme, baseURL: baseURL, eager: true, timings: &timings)
        return (output.renderAll(timings: &timings), loaded, diagnostics)
    }

    /// Loads the site and the theme as ``render(root:asOf:baseURL:)`` does, but renders no file:
    /// the output knows every path and renders a file when asked for it (`cchc serve`).
    ///
    /// With `cache`, files unchanged since the last call with the same cache are not read again;
    /// the diagnostics are the same as without it.
    public static func prepare(
        root: URL, asOf: Day? = nil, baseURL: String? = nil, cache: ParseCache? = nil
    ) -> (output: SiteOutput?, loaded: LoadedSite?, diagnostics: [Diagnostic]) {
        var timings = Timings()
        return prepare(root: root, asOf: asOf, baseURL: baseURL, cache: cache, timings: &timings)
    }

    /// `prepare(root:asOf:baseURL:cache:)`, recording the time of each stage.
    public static func prepare(
        root: URL, asOf: Day?, baseURL: String?, cache: ParseCache?,
        timings: inout Timings
    ) -> (output: SiteOutput?, loaded: LoadedSite?, diagnostics: [Diagnostic]) {
        let (loaded, theme, diagnostics) = load(root: root, asOf: asOf, cache: cache, timings: &timings)
        guard let loaded, let theme else { return (nil, loaded, diagnostics) }
        var pathTimer = Timings()
        var nothingMadeYet = Timings()
        let output = SiteOutput(loaded, theme: theme, baseURL: baseURL, eager: false, timings: &nothingMadeYet)
        pathTimer.lap("paths")
        timings.append(pathTimer)
        return (output, loaded, diagnostics)
    }

    /// Loads the site and its theme; the theme is nil when anything failed.
    private static func load(root: URL, asOf: Day?, cache: ParseCache?, timings: inout Timings) -> (LoadedSite?, Theme?, [Diagnostic]) {
        let load = SiteLoader.load(root: root, asOf: asOf, cache: cache)
        timings.append(load.timings)
        var log = DiagnosticLog()
        log.append(contentsOf: load.diagnostics)
        var themeTimer = Timings()
        let theme = Theme.load(siteRoot: root, language: load.site?.site.settings.language, log: &log)
        themeTimer.lap("templates")
        timings.append(themeTimer)
        let diagnostics = Diagnostic.sorted(log.all)
        guard load.site != nil, !log.hasErrors else { return (load.site, nil, diagnostics) }
        return (load.site, theme, diagnostics)
    }

    /// Builds the site at `root` into `out`; the old output stays untouched unless everything succeeded.
    ///
    /// Each file is rendered on the thread that writes it, so the site is never whole in memory.
    /// `progress`, when given, is called from the writing threads after each file with the count
    /// of files done and the total; it must be quick (the command line's callback throttles itself).
    public static func run(
        root: URL, out: URL, asOf: Day? = nil, baseURL: String? = nil,
        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) throws -> Result {
        var timings = Timings()
        let (loaded, theme, diagnostics) = load(root: root, asOf: asOf, cache: nil, timings: &timings)
        guard let loaded, let theme else { return Result(summary: nil, diagnostics: diagnostics, loaded: loaded, timings: timings) }
        var stages = Timings()
        let output = SiteOutput(loaded, theme: theme, baseURL: baseURL, eager: true, timings: &stages)
        let paths = output.sortedPaths
        let done = Atomic<Int>(0)
        let bytes = try OutputWriter.write(paths: paths, to: out, siteRoot: root) { i in
            guard let contents = output.contents(of: paths[i]) else { preconditionFailure("\(paths[i]) is listed but has no contents") }
            if let progress { progress(done.add(1, ordering: .relaxed).newValue, paths.count) }
            return contents
        }
        stages.lap("render and write")
        timings.append(stages)
        let summary = BuildSummary(pages: paths.filter { $0.hasSuffix(".html") }.count, files: paths.count, bytes: bytes, asOf: loaded.asOf)
        // A national site's output holds link tables and texts that take a tenth of a second to
        // free on one core, after every other core is done: they are freed on another thread.
        DispatchQueue.global(qos: .utility).async { [output = consume output] in withExtendedLifetime(output) {} }
        return Result(summary: summary, diagnostics: diagnostics, loaded: loaded, timings: timings)
    }
}
