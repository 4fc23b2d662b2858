import Foundation

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
