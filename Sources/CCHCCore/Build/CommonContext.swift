import Foundation

/// The values every page's layout gets (see docs/templates.md).
struct CommonContext: Sendable {
    let site: Site
    let words: Words
    let wordTable: [String: String]
    /// ``wordTable`` as a page value, made once.
    private let wordValue: PageValue
    let asOf: Day
    let base: String

    /// The main menu at the depths most pages are at, by depth, then by the current item (none first).
    private let navs: [[[PageMap]]]

    /// The menu's items: word key, target, and the path prefix of the pages in its section.
    private static let menu: [(key: String, target: String, prefix: String)] = [
        ("dashboard", SitePaths.dashboard, ""), ("plans", SitePaths.plans, "ke-hoach/"), ("agencies", SitePaths.agencies, "co-quan/"),
        ("indices", SitePaths.indices, "chi-so/"), ("updates", SitePaths.updates, "cap-nhat/"), ("data", SitePaths.data, "du-lieu/"),
    ]

    init(site: Site, words: Words, asOf: Day, base: String) {
        self.site = site
        self.words = words
        self.wordTable = words.table
        self.wordValue = .words(words.table)
        self.asOf = asOf
        self.base = base
        let table = words.table
        navs = (0...3).map { depth in
            let root = String(repeating: "../", count: depth)
            return (-1..<Self.menu.count).map { current in Self.nav(root: root, current: current, words: table) }
        }
    }

    private static func nav(root: String, current: Int, words: [String: String]) -> [PageMap] {
        menu.enumerated().map { index, item in
            ["label": .text(words[item.key]!), "href": .text(root + SitePaths.encode(item.target)), "current": .flag(index == current)]
        }
    }

    /// The main menu, with the current section marked.
    func nav(_ page: String) -> [PageMap] {
        let current =
            Self.menu.firstIndex { item in
                item.prefix.isEmpty
                    ? page == SitePaths.dashboard
                    : page.hasPrefix(item.prefix) || (item.prefix == "ke-hoach/" && page.hasPrefix("nhiem-vu/"))
            } ?? -1
        let depth = page.utf8.count { $0 == UInt8(ascii: "/") }
        return depth < navs.count
            ? navs[depth][current + 1]
            : Self.nav(root: SitePaths.root(of: page), current: current, words: wordTable)
    }

    /// Renders the page's template, then the layout around it.
    func render(_ page: Page, theme: Theme) -> [UInt8] {
        // The 404 page is served for missing URLs at any depth, so it links with absolute URLs.
        let root = page.path == SitePaths.notFound ? base : SitePaths.root(of: page.path)
        let shared: PageMap = ["words": wordValue, "root": .text(root), "as_of": .text(asOf.vietnamese)]
        let body = theme.renderBytes(page.context, inside: shared, template: page.template) ?? []
        var crumbs: [PageMap] = []
        if !page.breadcrumbs.isEmpty {
            crumbs.append(["label": .text(wordTable["dashboard"]!), "href": .text(root + SitePaths.dashboard)])
            for (index, crumb) in page.breadcrumbs.enumerated() {
                var item: PageMap = ["label": .text(crumb.label)]
                if index == page.breadcrumbs.count - 1 { item["current"] = true } else { item["href"] = .text(root + SitePaths.encode(crumb.path)) }
                crumbs.append(item)
            }
        }
        var layout: PageMap = [
            "lang": .text(words.language.rawValue), "title": .text(page.title), "site_title": .text(site.settings.title),
            "province": .text(site.settings.province), "root": .text(root), "as_of": .text(asOf.vietnamese), "words": wordValue,
            "nav": .maps(
                page.path == SitePaths.notFound
                    ? nav(SitePaths.dashboard).map { item in
                        var item = item
                        item["href"] = .text(root + (item.text("href") ?? ""))
                        item["current"] = false
                        return item
                    } : nav(page.path)),
            "breadcrumbs": .maps(crumbs), "has_breadcrumbs": .flag(!crumbs.isEmpty),
            "stylesheet": .text(root + SitePaths.stylesheet), "feed": .text(root + SitePaths.feed),
            "canonical": .text(SitePaths.absolute(page.path, base: base)), "body": .html(HTMLBytes(bytes: body)),
            "is_dashboard": .flag(page.path == SitePaths.dashboard), "generator": "cchc \(cchcVersion)",
        ]
        if let notice = site.settings.notice { layout["notice"] = .text(notice) }
        if let description = site.settings.description { layout["description"] = .text(description) }
        // The layout is small beside a big page's body: room for both at once, so the body is copied once.
        return theme.renderBytes(layout, template: "layout", capacity: body.count + 8 * 1024) ?? body
    }
}
