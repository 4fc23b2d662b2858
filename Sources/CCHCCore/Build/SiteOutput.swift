import CCHCCharts
import CCHCFormat
import Foundation

/// One file of the built site.
public struct OutputFile: Sendable {
    /// What the file holds: bytes made by the build, or a file copied from `content/files/`.
    public enum Contents: Sendable {
        case bytes([UInt8])
        case copy(URL)
    }

    /// The path relative to the output folder.
    public var path: String
    /// The contents.
    public var contents: Contents
}

/// The files of a rendered site, every one known by its path before any is made: `cchc build`
/// renders them all (``SiteBuild``), `cchc serve` renders each the first time it is asked for.
///
/// Either way a file's bytes are the same: pages, downloads, the feed and the sitemap are pure
/// functions of the loaded site, the theme and the base URL.
public final class SiteOutput: Sendable {
    /// What makes the file at a path.
    enum Source: Sendable {
        case page(PageJob)
        /// An embed's chart as an SVG file.
        case image(EmbedImage)
        /// A download, by its position in ``DataFiles/catalog``.
        case download(Int)
        case asset
        case sitemap
        case feed
        case copy(URL)
    }

    /// Every file, in the order a full build lists them before sorting.
    private let entries: [(path: String, source: Source)]
    /// The same, by path.
    private let sources: [String: Source]
    let builder: PageBuilder
    private let layout: Layout
    private let theme: Theme
    /// Copies of the theme for the threads that render pages, one each (see ``TemplateRenderer/replica()``).
    private let themes: ReplicaPool<Theme>
    private let base: String
    /// Each group of downloads, made when one of its files is first asked for.
    private let downloads: [Once<(csv: [UInt8], json: [UInt8])>]

    /// Prepares `loaded` for rendering with `theme`; `baseURL` overrides `base_url` (the preview's own).
    ///
    /// With `eager`, plan texts, notes and page indexes are made now, on all cores, and the
    /// downloads begin on threads of their own, as a full build needs them; otherwise each is made
    /// when a file first needs it.
    init(_ loaded: LoadedSite, theme: Theme, baseURL override: String?, eager: Bool, timings: inout Timings) {
        let site = loaded.site
        let words = Words(site.settings.language)
        let base = override.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? site.settings.baseURL
        let indexes = PageIndexes(loaded)
        let downloads = DataFiles.Group.allCases.map { group in Once { DataFiles.make(group, loaded, words: words) } }
        let texts: MarkdownTexts
        if eager {
            // No page needs the downloads, and the task download alone takes as long as all the
            // Markdown: they are made on a thread of their own while the pages render, and a file
            // written before its group is ready waits for it.
            for download in downloads {
                Thread.detachNewThread { _ = download.get() }
            }
            // Independent of each other, so made side by side: Markdown parses behind one lock
            // (see CmarkGFM.swift) and alone would keep the other cores idle.
            let made = ConcurrentMap.run(5) { job -> MarkdownTexts? in
                switch job {
                case 0: return MarkdownTexts(loaded, renderNow: true)
                case 1: _ = indexes.roles.get()
                case 2: _ = indexes.tasksServing.get()
                case 3: _ = indexes.periods.get()
                default: _ = indexes.updatesNewestFirst.get()
                }
                return nil
            }
            texts = made[0]!
        } else {
            texts = MarkdownTexts(loaded, renderNow: false)
        }
        timings.lap("markdown")
        let builder = PageBuilder(
            loaded: loaded, words: words, format: NumberText(site.settings.language),
            texts: texts, indexes: indexes, links: LinkTables(site: site), base: base)
        self.downloads = downloads

        var entries: [(path: String, source: Source)] = []
        entries.reserveCapacity(
            16 + site.plans.count + site.agencies.count + site.indices.count + site.files.count
                + site.plans.reduce(0) { $0 + $1.tasks.count })
        for job in PageJob.jobs(site, asOf: loaded.asOf, updatePages: builder.updatePageCount) { entries.append((job.path(in: site), .page(job))) }
        for image in EmbedImage.all(site) { entries.append((image.path, .image(image))) }
        for (position, file) in DataFiles.catalog.enumerated() { entries.append((file.path, .download(position))) }
        for path in theme.assets.keys { entries.append((path, .asset)) }
        entries.append((SitePaths.sitemap, .sitemap))
        entries.append((SitePaths.feed, .feed))
        for path in site.files { entries.append((path, .copy(site.source(ofFile: path, root: loaded.root)))) }
        self.entries = entries
        sources = Dictionary(entries.map { ($0.path, $0.source) }) { first, _ in first }
        self.builder = builder
        layout = Layout(site: site, words: words, asOf: loaded.asOf, base: base)
        self.theme = theme
        themes = ReplicaPool { theme.replica() }
        self.base = base
    }

    /// The number of files.
    public var count: Int { sources.count }

    /// Whether the site has a file at `path` (relative, no leading `/`).
    public func contains(_ path: String) -> Bool { sources[path] != nil }

    /// Every path, in no particular order.
    public var paths: [String] { Array(sources.keys) }

    /// Every path, sorted by its UTF-8 bytes, as a full build lists them.
    public var sortedPaths: [String] { sources.keys.sorted { $0.utf8Precedes($1) } }

    /// The files copied from `content/files/` as they are: each path with the file it is copied from.
    public var copies: [(path: String, source: URL)] {
        sources.compactMap { path, source in
            guard case .copy(let url) = source else { return nil }
            return (path, url)
        }
    }

    /// The file at `path`, made now; nil when the site has no such file.
    public func contents(of path: String) -> OutputFile.Contents? {
        sources[path].map { contents($0, path: path) }
    }

    private func contents(_ source: Source, path: String) -> OutputFile.Contents {
        switch source {
        case .page(let job): return .bytes(render(job))
        case .image(let image): return .bytes(builder.embedChart(image).standaloneSVG)
        case .download(let position):
            let (group, isJSON) = DataFiles.group(of: position)
            let bytes = downloads[group.rawValue].get()
            return .bytes(isJSON ? bytes.json : bytes.csv)
        case .asset: return .bytes(theme.assets[path] ?? [])
        case .sitemap:
            let pages = entries.compactMap { entry -> String? in
                guard case .page(let job) = entry.source, job.inSitemap else { return nil }
                return entry.path
            }
            let sorted = pages.sorted { $0.utf8Precedes($1) }
            return .bytes(Array(Feeds.sitemap(sorted, base: base).utf8))
        case .feed: return .bytes(Array(Feeds.atom(builder, base: base).utf8))
        case .copy(let url): return .copy(url)
        }
    }

    /// One page's HTML.
    private func render(_ job: PageJob) -> [UInt8] {
        let page = builder.page(job)
        assert(page.path == job.path(in: builder.site) && page.inSitemap == job.inSitemap, "\(job) is listed as another page than it renders")
        return themes.with { layout.render(page, theme: $0) }
    }

    /// Every file, sorted by path, the pages rendered on all cores.
    func renderAll(timings: inout Timings) -> [OutputFile] {
        // Pages and the embeds' images are drawn on all cores, the rest in turn.
        func drawn(_ source: Source) -> Bool {
            switch source {
            case .page, .image: return true
            default: return false
            }
        }
        let made = entries.filter { drawn($0.source) }
        let rendered = ConcurrentMap.run(made.count) { self.contents(made[$0].source, path: made[$0].path) }
        timings.lap("pages and charts")
        var files = zip(made, rendered).map { OutputFile(path: $0.0.path, contents: $0.1) }
        for entry in entries where !drawn(entry.source) {
            files.append(OutputFile(path: entry.path, contents: contents(entry.source, path: entry.path)))
        }
        let sorted = files.sorted { $0.path.utf8Precedes($1.path) }
        timings.lap("feed and sitemap")
        return sorted
    }
}

extension SiteOutput {
    /// The time one page kind takes on one core: building its contexts, then rendering its templates.
    public struct PageKindTime: Sendable {
        public var kind: String
        public var pages: Int
        public var contexts: Duration
        public var templates: Duration
        public var bytes: Int
    }

    /// Builds and renders every page on the calling thread, timing page contexts and templates
    /// apart, by page kind (for `cchc-bench site-pages`; a build renders on all cores instead).
    public func timePages() -> [PageKindTime] {
        var times: [String: PageKindTime] = [:]
        var order: [String] = []
        let clock = ContinuousClock()
        for entry in entries {
            guard case .page(let job) = entry.source else { continue }
            let kind = job.kind
            var page: Page?
            let contexts = clock.measure { page = builder.page(job) }
            var html: [UInt8] = []
            let templates = clock.measure { html = layout.render(page!, theme: theme) }
            if times[kind] == nil {
                order.append(kind)
                times[kind] = PageKindTime(kind: kind, pages: 0, contexts: .zero, templates: .zero, bytes: 0)
            }
            times[kind]!.pages += 1
            times[kind]!.contexts += contexts
            times[kind]!.templates += templates
            times[kind]!.bytes += html.count
        }
        return order.map { times[$0]! }
    }
}
