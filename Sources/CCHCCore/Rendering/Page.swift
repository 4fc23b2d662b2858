/// One HTML page to render: where it goes, which template draws it, and the values it gets.
struct Page {
    /// The output path relative to the site root, e.g. `ke-hoach/x/index.html`.
    var path: String
    /// The template that renders the page's main content.
    var template: String
    /// The page's title (also used in `<title>` with the site's title).
    var title: String
    /// Links from the dashboard down to this page, last one being this page.
    var breadcrumbs: [(label: String, path: String)]
    /// The values of the page template (see docs/templates.md).
    var context: PageMap
    /// Whether the page goes into the sitemap.
    var inSitemap = true
}
