import Foundation

/// The values every page's layout gets (see docs/templates.md).
struct CommonContext: Sendable {
    let site: Site
    let words: Words
    let wordTable: [String: String]
    let asOf: Day
    let base: String

    /// The main menu at the depths most pages are at, by depth, then by the current item (none first).
    /// Only strings and flags, never changed after `init`: safe to share across threads.
    nonisolated(unsafe) private let navs: [[[[String: Any]]]]

    /// The menu's items: word key, target, and the path prefix of the pages in its section.
    private static let menu: [(key: String, target: String, prefix: String)] = [
        ("dashboard", SitePaths.dashboard, ""), ("plans", SitePaths.plans, "ke-hoach/"), ("agencies", SitePaths.agencies, "co-quan/"),
        ("indices", SitePaths.indices, "chi-so/"), ("updates", SitePaths.updates, "cap-nhat/"), ("data", SitePaths.data, "du-lieu/"),
    ]

    init(site: Site, words: Words, asOf: Day, base: String) {
        self.site = site
        self.words = words
        self.wordTable = words.table
        self.asOf = asOf
        self.base = base
        let table = words.table
        navs = (0...3).map { depth in
            let root = String(repeating: "../", count: depth)
            return (-1..<Self.menu.count).map { current in Self.nav(root: root, current: current, words: table) }
        }
    }

    private static func nav(root: String, current: Int, words: [String: String]) -> [[String: Any]] {
        menu.enumerated().map { index, item in
            ["label": words[item.key]!, "href": root + SitePaths.encode(item.target), "current": index == current]
        }
    }

    /// The main menu, with the current section marked.
    func nav(_ page: String) -> [[String: Any]] {
        let current = Self.menu.firstIndex { item in
            item.prefix.isEmpty ? page == SitePaths.dashboard
                : page.hasPrefix(item.prefix) || (item.prefix == "ke-hoach/" && page.hasPrefix("nhiem-vu/"))
        } ?? -1
        let depth = page.utf8.count { $0 == UInt8(ascii: "/") }
        return depth < navs.count ? navs[depth][current + 1]
            : Self.nav(root: SitePaths.root(of: page), current: current, words: wordTable)
    }

    /// Renders the page's template, then the layout around it.
    func render(_ page: Page, theme: Theme) -> [UInt8] {
        // The 404 page is served for missing URLs at any depth, so it links with absolute URLs.
        let root = page.path == SitePaths.notFound ? base : SitePaths.root(of: page.path)
        var context = page.context
        context["words"] = wordTable
        context["root"] = root
        context["as_of"] = asOf.vietnamese
        let body = theme.renderBytes(context, template: page.template) ?? []
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
            "canonical": SitePaths.absolute(page.path, base: base), "body": HTMLBytes(bytes: body),
            "is_dashboard": page.path == SitePaths.dashboard, "generator": "cchc \(cchcVersion)",
        ]
        if let notice = site.settings.notice { layout["notice"] = notice }
        if let description = site.settings.description { layout["description"] = description }
        // The layout is small beside a big page's body: room for both at once, so the body is copied once.
        return theme.renderBytes(layout, template: "layout", capacity: body.count + 8 * 1024) ?? body
    }
}
