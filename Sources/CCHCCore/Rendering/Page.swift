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
    /// The values of the page template: its model (see ``PageModels``), as the engine reads them.
    var context: PageMap
    /// Whether the page goes into the sitemap.
    var inSitemap = true
    /// The page around the content: `layout`, or `embed-layout` for an embed.
    var layout = "layout"
    /// For an embed, the full page it is a part of (its canonical address).
    var fullPath: String?
    /// A class for the layout's `<body>` (``LayoutValues/bodyClass``).
    var bodyClass: String?

    /// A page drawn by `template` from `model`.
    init(
        path: String, template: String, title: String, breadcrumbs: [(label: String, path: String)], model: some TemplateModel,
        inSitemap: Bool = true
    ) {
        self.path = path
        self.template = template
        self.title = title
        self.breadcrumbs = breadcrumbs
        self.context = TemplateEncoder.encode(model)
        self.inSitemap = inSitemap
    }
}

/// The model type of each page template, for the template checks and the reference.
enum PageModels {
    static let byTemplate: [(template: String, model: any TemplateModel.Type)] = [
        ("dashboard", DashboardPage.self), ("plans", PlanListPage.self), ("plan", PlanPage.self), ("task", TaskPage.self),
        ("agencies", AgencyListPage.self), ("agency", AgencyPage.self), ("indices", IndexListPage.self), ("index", IndexPage.self),
        ("updates", UpdatesPage.self), ("data", DataPage.self), ("period", PeriodPage.self), ("period-report", PeriodReportPage.self),
        ("embed", EmbedPage.self), ("404", NotFoundPage.self),
    ]
}
