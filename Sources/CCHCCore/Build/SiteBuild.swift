import Foundation

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

    /// Loads the theme and renders the site, without writing; nil files when anything failed.
    public static func render(root: URL, asOf: Day? = nil, baseURL: String? = nil) -> (files: [OutputFile]?, loaded: LoadedSite?, diagnostics: [Diagnostic]) {
        var timings = Timings()
        return render(root: root, asOf: asOf, baseURL: baseURL, timings: &timings)
    }

    /// `render(root:asOf:baseURL:)`, recording the time of each stage.
    public static func render(root: URL, asOf: Day?, baseURL: String?, timings: inout Timings) -> (files: [OutputFile]?, loaded: LoadedSite?, diagnostics: [Diagnostic]) {
        let load = SiteLoader.load(root: root, asOf: asOf)
        timings.append(load.timings)
        var log = DiagnosticLog()
        log.append(contentsOf: load.diagnostics)
        var themeTimer = Timings()
        let theme = Theme.load(siteRoot: root, language: load.site?.site.settings.language, log: &log)
        themeTimer.lap("templates")
        timings.append(themeTimer)
        let diagnostics = Diagnostic.sorted(log.all)
        guard let loaded = load.site, !log.hasErrors else { return (nil, load.site, diagnostics) }
        return (SiteRenderer.render(loaded, theme: theme, baseURL: baseURL, timings: &timings), loaded, diagnostics)
    }

    /// Builds the site at `root` into `out`; the old output stays untouched unless everything succeeded.
    public static func run(root: URL, out: URL, asOf: Day? = nil, baseURL: String? = nil) throws -> Result {
        var timings = Timings()
        let (files, loaded, diagnostics) = render(root: root, asOf: asOf, baseURL: baseURL, timings: &timings)
        guard let files, let loaded else { return Result(summary: nil, diagnostics: diagnostics, loaded: loaded, timings: timings) }
        var writeTimer = Timings()
        try OutputWriter.write(files, to: out, siteRoot: root)
        writeTimer.lap("write")
        timings.append(writeTimer)
        let bytes = files.reduce(0) { total, file in
            switch file.contents {
            case .bytes(let b): return total + b.count
            case .copy(let url): return total + ((try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0)
            }
        }
        let summary = BuildSummary(pages: files.filter { $0.path.hasSuffix(".html") }.count, files: files.count, bytes: bytes, asOf: loaded.asOf)
        return Result(summary: summary, diagnostics: diagnostics, loaded: loaded, timings: timings)
    }
}
