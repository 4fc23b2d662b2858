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

/// Renders a loaded site into the files of the static site, in a stable order.
public enum SiteRenderer {
    /// Everything the build writes, sorted by path; `baseURL` overrides `base_url` (e.g. for preview).
    public static func render(_ loaded: LoadedSite, theme: Theme, baseURL override: String? = nil) -> [OutputFile] {
        var timings = Timings()
        return render(loaded, theme: theme, baseURL: override, timings: &timings)
    }

    /// `render(_:theme:baseURL:)`, recording the time of each stage.
    public static func render(_ loaded: LoadedSite, theme: Theme, baseURL override: String?, timings outer: inout Timings) -> [OutputFile] {
        var timings = Timings()
        defer { outer.append(timings) }
        let site = loaded.site
        let words = Words(site.settings.language)
        let base = override.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? site.settings.baseURL
        let unsafe = site.settings.unsafeHTML

        // Markdown: plan texts and notes, on all cores.
        let planTexts = ConcurrentMap.run(site.plans.count) { Markdown.render(site.plans[$0].body, unsafeHTML: unsafe, headingOffset: 2) }
        var noteJobs: [(UpdateReference, String)] = []
        for (r, report) in site.reports.enumerated() where !loaded.derivation.ignoredReports.contains(r) {
            for (u, update) in report.updates.enumerated() {
                if let note = update.note { noteJobs.append((UpdateReference(report: r, update: u), note)) }
            }
        }
        let notes = noteJobs
        let noteHTML = ConcurrentMap.run(notes.count) { Markdown.renderInline(notes[$0].1, unsafeHTML: unsafe) }
        timings.lap("markdown")
        let builder = PageBuilder(
            loaded: loaded, words: words, format: Formatter(language: site.settings.language),
            planTexts: Dictionary(uniqueKeysWithValues: zip(site.plans.map(\.id), planTexts)),
            notes: Dictionary(uniqueKeysWithValues: zip(noteJobs.map(\.0), noteHTML)),
            roles: AgencyRoles.all(loaded), tasksServing: AgencyRoles.tasksServing(site),
            updatesNewestFirst: PageBuilder.newestFirst(loaded))

        timings.lap("page indexes")
        let dataFiles = DataFiles.make(loaded, words: words)
        timings.lap("downloads")
        // The pages, as closures so each is built on the thread that renders it.
        var jobs: [@Sendable () -> Page] = [
            { builder.dashboardPage() }, { builder.plansPage() }, { builder.agenciesPage() }, { builder.indicesPage() },
            { builder.dataPage(dataFiles) }, { builder.notFoundPage() },
        ]
        for number in 1...builder.updatePageCount { jobs.append { builder.updatesPage(number) } }
        for plan in site.plans {
            jobs.append { builder.planPage(plan) }
            for task in plan.tasks { jobs.append { builder.taskPage(task) } }
        }
        for agency in site.agencies { jobs.append { builder.agencyPage(agency) } }
        for index in site.indices { jobs.append { builder.indexPage(index) } }

        let pageJobs = jobs
        let common = CommonContext(site: site, words: words, asOf: loaded.asOf, base: base)
        let rendered = ConcurrentMap.run(jobs.count) { i -> (String, [UInt8], Bool) in
            let page = pageJobs[i]()
            return (page.path, Array(common.render(page, theme: theme).utf8), page.inSitemap)
        }

        timings.lap("pages and charts")
        var files: [OutputFile] = rendered.map { OutputFile(path: $0.0, contents: .bytes($0.1)) }
        for file in dataFiles { files.append(OutputFile(path: file.path, contents: .bytes(file.bytes))) }
        for (path, bytes) in theme.assets { files.append(OutputFile(path: path, contents: .bytes(bytes))) }
        let sitemapPages = rendered.filter(\.2).map(\.0).sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }
        files.append(OutputFile(path: SitePaths.sitemap, contents: .bytes(Array(Feeds.sitemap(sitemapPages, base: base).utf8))))
        files.append(OutputFile(path: SitePaths.feed, contents: .bytes(Array(Feeds.atom(builder, base: base).utf8))))
        for path in site.files {
            files.append(OutputFile(path: path, contents: .copy(site.source(ofFile: path, root: loaded.root))))
        }
        let sorted = files.sorted { Array($0.path.utf8).lexicographicallyPrecedes($1.path.utf8) }
        timings.lap("feed and sitemap")
        return sorted
    }
}

/// The values every page's layout gets (see docs/templates.md).
struct CommonContext: Sendable {
    let site: Site
    let words: Words
    let wordTable: [String: String]
    let asOf: Day
    let base: String

    init(site: Site, words: Words, asOf: Day, base: String) {
        self.site = site
        self.words = words
        self.wordTable = words.table
        self.asOf = asOf
        self.base = base
    }

    /// The main menu, with the current section marked.
    func nav(_ page: String) -> [[String: Any]] {
        let items: [(String, String, String)] = [
            ("dashboard", SitePaths.dashboard, ""), ("plans", SitePaths.plans, "ke-hoach/"), ("agencies", SitePaths.agencies, "co-quan/"),
            ("indices", SitePaths.indices, "chi-so/"), ("updates", SitePaths.updates, "cap-nhat/"), ("data", SitePaths.data, "du-lieu/"),
        ]
        return items.map { key, target, prefix in
            let current = prefix.isEmpty ? page == SitePaths.dashboard
                : page.hasPrefix(prefix) || (prefix == "ke-hoach/" && page.hasPrefix("nhiem-vu/"))
            return ["label": wordTable[key]!, "href": SitePaths.link(from: page, to: target), "current": current]
        }
    }

    /// Renders the page's template, then the layout around it.
    func render(_ page: Page, theme: Theme) -> String {
        // The 404 page is served for missing URLs at any depth, so it links with absolute URLs.
        let root = page.path == SitePaths.notFound ? base : SitePaths.root(of: page.path)
        var context = page.context
        context["words"] = wordTable
        context["root"] = root
        context["as_of"] = asOf.vietnamese
        let body = theme.render(context, template: page.template) ?? ""
        var crumbs: [[String: Any]] = []
        if !page.breadcrumbs.isEmpty {
            crumbs.append(["label": wordTable["dashboard"]!, "href": root + SitePaths.dashboard])
            for (index, crumb) in page.breadcrumbs.enumerated() {
                var item: [String: Any] = ["label": crumb.label]
                if index == page.breadcrumbs.count - 1 { item["current"] = true } else { item["href"] = root + SitePaths.encode(crumb.path) }
                crumbs.append(item)
            }
        }
        var layout: [String: Any] = [
            "lang": words.language.rawValue, "title": page.title, "site_title": site.settings.title,
            "province": site.settings.province, "root": root, "as_of": asOf.vietnamese, "words": wordTable,
            "nav": page.path == SitePaths.notFound ? nav(SitePaths.dashboard).map { item in
                var item = item
                item["href"] = root + (item["href"] as! String)
                item["current"] = false
                return item
            } : nav(page.path),
            "breadcrumbs": crumbs, "has_breadcrumbs": !crumbs.isEmpty,
            "stylesheet": root + SitePaths.stylesheet, "feed": root + SitePaths.feed,
            "canonical": SitePaths.absolute(page.path, base: base), "body": body,
            "is_dashboard": page.path == SitePaths.dashboard, "generator": "cchc \(cchcVersion)",
        ]
        if let notice = site.settings.notice { layout["notice"] = notice }
        if let description = site.settings.description { layout["description"] = description }
        return theme.render(layout, template: "layout") ?? body
    }
}
