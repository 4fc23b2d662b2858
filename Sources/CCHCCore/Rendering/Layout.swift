import CCHCFormat
import Foundation

/// Draws each page inside the layout: the shared values (``SharedValues``) and the layout's own (``LayoutValues``).
struct Layout: Sendable {
    let site: Site
    let words: Words
    /// ``Words/table`` as a page value, made once.
    private let wordValue: PageValue
    let asOf: Day
    let base: String

    /// The main menu at the depths most pages are at, by depth, then by the current item (none first).
    private let navs: [[[NavItem]]]

    /// The menu's items: word key, target, and the path prefix of the pages in its section.
    private static let menu: [(label: KeyPath<Words, String> & Sendable, target: String, prefix: String)] = [
        (\.dashboard, SitePaths.dashboard, ""), (\.plans, SitePaths.plans, "ke-hoach/"), (\.agencies, SitePaths.agencies, "co-quan/"),
        (\.indices, SitePaths.indices, "chi-so/"), (\.updates, SitePaths.updates, "cap-nhat/"), (\.data, SitePaths.data, "du-lieu/"),
    ]

    init(site: Site, words: Words, asOf: Day, base: String) {
        self.site = site
        self.words = words
        self.wordValue = .words(words.table)
        self.asOf = asOf
        self.base = base
        navs = (0...3).map { depth in
            let root = String(repeating: "../", count: depth)
            return (-1..<Self.menu.count).map { current in Self.nav(root: root, current: current, words: words) }
        }
    }

    private static func nav(root: String, current: Int, words: Words) -> [NavItem] {
        menu.enumerated().map { index, item in
            NavItem(label: words[keyPath: item.label], href: root + SitePaths.encode(item.target), current: index == current)
        }
    }

    /// The main menu, with the current section marked.
    func nav(_ page: String) -> [NavItem] {
        let current =
            Self.menu.firstIndex { item in
                item.prefix.isEmpty
                    ? page == SitePaths.dashboard
                    : page.hasPrefix(item.prefix) || (item.prefix == "ke-hoach/" && page.hasPrefix("nhiem-vu/"))
            } ?? -1
        let depth = page.utf8.count { $0 == UInt8(ascii: "/") }
        return depth < navs.count
            ? navs[depth][current + 1]
            : Self.nav(root: SitePaths.root(of: page), current: current, words: words)
    }

    /// Renders the page's template, then the layout around it.
    func render(_ page: Page, theme: Theme) -> [UInt8] {
        // The 404 page is served for missing URLs at any depth, so it links with absolute URLs.
        let root = page.path == SitePaths.notFound ? base : SitePaths.root(of: page.path)
        let shared: PageMap = ["words": wordValue, "root": .text(root), "as_of": .text(asOf.vietnamese)]
        let body = theme.renderBytes(page.context, inside: shared, template: page.template) ?? []
        if page.layout == "embed-layout" {
            let values = EmbedLayoutValues(
                lang: words.language.rawValue, title: page.title, siteTitle: site.settings.title,
                canonical: SitePaths.absolute(page.fullPath ?? page.path, base: base), body: HTMLBytes(bytes: body),
                generator: "cchc \(cchcVersion)")
            return theme.renderBytes(TemplateEncoder.encode(values), inside: shared, template: "embed-layout", capacity: body.count + 4 * 1024)
                ?? body
        }
        var crumbs: [Breadcrumb] = []
        if !page.breadcrumbs.isEmpty {
            crumbs.append(Breadcrumb(label: words.dashboard, href: root + SitePaths.dashboard))
            for (index, crumb) in page.breadcrumbs.enumerated() {
                let last = index == page.breadcrumbs.count - 1
                crumbs.append(Breadcrumb(label: crumb.label, href: last ? nil : root + SitePaths.encode(crumb.path), current: last ? true : nil))
            }
        }
        // The 404 page's menu links from the root, absolutely, and marks no section.
        let nav =
            page.path == SitePaths.notFound
            ? nav(SitePaths.dashboard).map { NavItem(label: $0.label, href: root + $0.href, current: false) } : nav(page.path)
        let values = LayoutValues(
            lang: words.language.rawValue, title: page.title, siteTitle: site.settings.title, province: site.settings.province,
            nav: nav, breadcrumbs: crumbs, hasBreadcrumbs: !crumbs.isEmpty,
            stylesheet: root + SitePaths.stylesheet, feed: root + SitePaths.feed, canonical: SitePaths.absolute(page.path, base: base),
            body: HTMLBytes(bytes: body), isDashboard: page.path == SitePaths.dashboard, generator: "cchc \(cchcVersion)",
            notice: site.settings.notice, description: site.settings.description, bodyClass: page.bodyClass)
        let layout = TemplateEncoder.encode(values)
        // The layout is small beside a big page's body: room for both at once, so the body is copied once.
        return theme.renderBytes(layout, inside: shared, template: "layout", capacity: body.count + 8 * 1024) ?? body
    }
}
