// One model per page kind: what its template (`templates/<kind>.mustache`) may name. Besides its
// own, every page template sees the shared values (``SharedValues``).

/// The values every page template and the layout see, besides their own.
struct SharedValues: TemplateModel {
    /// The site's own words in its language, `words.<name>` (``Words``: `plans`, `lead`, `due`, …).
    var words: [String: String]
    /// What leads from the page to the site root: `""`, `"../../"`; the absolute `base_url` on the 404 page.
    var root: String
    /// The reporting date.
    var asOf: String
}

/// The dashboard, `/` (template `dashboard`).
struct DashboardPage: TemplateModel {
    /// The charts, as HTML: `ring` (overall completion), `by_index` and `heatmap` when there is something to draw.
    var charts: DashboardCharts
    /// The completion of every pair of every plan.
    var completion: CompletionFigures
    /// Every index with its latest result, target and a `sparkline`.
    var indices: [IndexSummary]
    /// Whether the site has indices.
    var hasIndices: Bool
    /// The agencies most behind (``Attention/mostBehind(_:limit:)``), at most 10: each agency's link and `completion`.
    var behind: [AgencyProgress]
    /// Whether any agency is behind.
    var hasBehind: Bool
    /// The ten latest updates.
    var latestUpdates: [UpdateEntry]
    /// Whether there are updates.
    var hasUpdates: Bool
    /// Every plan with its completion.
    var plans: [PlanProgress]
    /// Whether there are plans.
    var hasPlans: Bool
    /// The link to the list of updates.
    var updatesHref: String
    /// The link to the list of agencies.
    var agenciesHref: String
    /// What changed in the period holding the reporting date, with the link to its page (not
    /// `period`: a name an update's own `period` would fall back to inside the update partial).
    var currentPeriod: PeriodFigures
    /// The code that embeds the page's summary on another site (``EmbedSnippet``).
    var embed: EmbedSnippet
}

/// The dashboard's charts.
struct DashboardCharts: TemplateModel {
    /// The overall completion as a ring.
    var ring: HTMLBytes
    /// The states of the tasks serving each index, as bars.
    var byIndex: HTMLBytes?
    /// The completion of each agency on each index, as a heat map.
    var heatmap: HTMLBytes?
}

/// An agency with its completion (the dashboard's agencies most behind).
struct AgencyProgress: TemplateModel {
    /// The agency: `id`, `name`, `short`, `href` are the row's own.
    @Flattened var agency: AgencyLink
    /// Its pairs as a lead.
    var completion: CompletionFigures
}

/// A plan with its completion (the dashboard's plans).
struct PlanProgress: TemplateModel {
    /// Its number.
    var number: String
    /// Its title.
    var title: String
    /// The link to its page.
    var href: String
    /// The completion of its pairs.
    var completion: CompletionFigures
}

/// The list of plans, `/ke-hoach/` (template `plans`).
struct PlanListPage: TemplateModel {
    /// Every plan, in file order.
    var plans: [PlanListRow]
    /// Whether there are plans.
    var hasPlans: Bool
}

/// A plan in the list of plans.
struct PlanListRow: TemplateModel {
    /// The link to its page.
    var href: String
    /// Its number.
    var number: String
    /// Its title.
    var title: String
    /// The agency that issued it.
    var issuer: AgencyLink
    /// The day it was issued.
    var issued: String
    /// How many tasks it sets.
    var tasks: String
    /// The completion of its pairs.
    var completion: CompletionFigures
    /// The plan it carries out, if any: `{number, href}`.
    var parent: ParentPlan?
}

/// The plan a plan carries out, in the list of plans.
struct ParentPlan: TemplateModel {
    /// Its number.
    var number: String
    /// The link to its page.
    var href: String
}

/// A plan's page, `/ke-hoach/<plan>/` (template `plan`).
struct PlanPage: TemplateModel {
    /// The plan's id.
    var id: String
    /// Its number.
    var number: String
    /// Its title.
    var title: String
    /// The agency that issued it.
    var issuer: AgencyLink
    /// The day it was issued.
    var issued: String
    /// The completion of its pairs.
    var completion: CompletionFigures
    /// Its tasks, in order.
    var tasks: [TaskRow]
    /// Whether it sets tasks.
    var hasTasks: Bool
    /// The headings of its text down to level 3: `{id, text, level}`.
    var toc: [TOCEntry]
    /// Whether its text has such headings.
    var hasToc: Bool
    /// Its text as HTML (use with triple braces).
    var bodyHTML: String
    /// Whether it has a text.
    var hasBody: Bool
    /// The charts: `states` (each lead's states) and `timeline` (the deadlines), when there is something to draw.
    var charts: PlanCharts
    /// The plan it carries out, if any.
    var parent: PlanLink?
    /// The plans that carry it out, with their `issuer`, when there are any.
    var children: [ChildPlan]?
    /// Present, and true, when there are such plans.
    var hasChildren: Bool?
    /// The indices it serves, when it names any: `{short, name, href}`.
    var indices: [IndexLink]?
    /// The code that embeds the page's summary on another site (``EmbedSnippet``).
    var embed: EmbedSnippet
}

/// An entry of a plan's table of contents.
struct TOCEntry: TemplateModel {
    /// The heading's id.
    var id: String
    /// The heading's text.
    var text: String
    /// Its level, "1" to "3".
    var level: String
}

/// A plan's charts.
struct PlanCharts: TemplateModel {
    /// The states of each lead's pairs, as bars.
    var states: HTMLBytes?
    /// The deadlines on a timeline.
    var timeline: HTMLBytes?
}

/// A plan that carries out another.
struct ChildPlan: TemplateModel {
    /// Its number.
    var number: String
    /// Its title.
    var title: String
    /// The link to its page.
    var href: String
    /// The agency that issued it.
    var issuer: AgencyLink
}

/// An index, linked: `{short, name, href}`.
struct IndexLink: TemplateModel {
    /// Its short name.
    var short: String
    /// Its full name.
    var name: String
    /// The link to its page.
    var href: String
}

/// A task's page, `/nhiem-vu/<plan>/<task>/` (template `task`).
struct TaskPage: TemplateModel {
    /// The task's id, `plan/task`.
    var id: String
    /// Its title.
    var title: String
    /// The plan that sets it.
    var plan: PlanLink
    /// Its lead agencies.
    var leads: [AgencyLink]
    /// Its supporting agencies.
    var supports: [AgencyLink]
    /// Whether it has supporting agencies.
    var hasSupports: Bool
    /// Its deadline in words.
    var due: String
    /// Whether it recurs.
    var recurring: Bool
    /// One row per lead agency and occurrence.
    var pairs: [PairRow]
    /// The completion of its pairs.
    var completion: CompletionFigures
    /// Every update on it that counts, oldest first.
    var updates: [UpdateEntry]
    /// Whether there are updates.
    var hasUpdates: Bool
    /// What it serves: `{label, href}` (an index, an area or a criterion).
    var indices: [IndexReferenceLink]
    /// Whether it serves any index.
    var hasIndices: Bool
    /// Its own target, if any.
    var target: String?
    /// The plan's section it sits in, if the plan says.
    var section: String?
}

/// One lead agency on one occurrence of a task.
struct PairRow: TemplateModel {
    /// The lead agency.
    var agency: AgencyLink
    /// The occurrence: its period for a recurring task, else its deadline.
    var occurrence: String
    /// The day it falls due, or the words for none.
    var due: String
    /// Its derived state.
    var status: StateLabel
    /// The progress last reported, "70%".
    var percent: String?
    /// The day it was completed, when it is done.
    var completed: String?
    /// The day of the update that decided the state.
    var reported: String?
}

/// What a task serves, linked: `{label, href}`.
struct IndexReferenceLink: TemplateModel {
    /// "PAR Index", "PAR Index – Area", "PAR Index – Tiêu chí 1.2: name".
    var label: String
    /// The link to the index page, at the area or criterion.
    var href: String
}

/// The list of agencies, `/co-quan/` (template `agencies`).
struct AgencyListPage: TemplateModel {
    /// The agencies by kind, in the content format's order of kinds; kinds without agencies are left out.
    var groups: [AgencyGroup]
}

/// The agencies of one kind.
struct AgencyGroup: TemplateModel {
    /// The kind, as in agencies.yml (`department`).
    var kind: String
    /// The kind in words.
    var label: String
    /// Its agencies, in file order.
    var agencies: [AgencyListRow]
}

/// An agency in the list of agencies.
struct AgencyListRow: TemplateModel {
    /// The agency: `id`, `name`, `short`, `href` are the row's own.
    @Flattened var agency: AgencyLink
    /// Its pairs as a lead.
    var completion: CompletionFigures
    /// Whether it leads any pair.
    var hasTasks: Bool
    /// The agency that took over its tasks, if any.
    var replacedBy: AgencyLink?
}

/// An agency's page, `/co-quan/<agency>/` (template `agency`).
struct AgencyPage: TemplateModel {
    /// The agency: `id`, `name`, `short`, `href` are the page's own.
    @Flattened var agency: AgencyLink
    /// The charts: `ring` (its completion), `states` (by plan) and `timeline` (its deadlines).
    var charts: AgencyCharts
    /// Its kind in words.
    var kind: String
    /// Its pairs as a lead.
    var completion: CompletionFigures
    /// The tasks it leads, overdue first (``Attention/leadTaskPrecedes(_:_:)``).
    var leadTasks: [LeadTaskRow]
    /// Whether it leads any task.
    var hasLeadTasks: Bool
    /// The tasks it supports, in plan order.
    var supportTasks: [SupportTaskRow]
    /// Whether it supports any task.
    var hasSupportTasks: Bool
    /// Its other names, joined by "; ".
    var aliases: String?
    /// The agency that took over its tasks, if any.
    var replacedBy: AgencyLink?
    /// The agencies whose tasks it took over, when there are any.
    var replaces: [AgencyLink]?
    /// Its own pairs in the period holding the reporting date: done, newly and still overdue, and whether it reported.
    var currentPeriod: PeriodFigures
    /// The code that embeds the page's summary on another site (``EmbedSnippet``).
    var embed: EmbedSnippet
}

/// An agency page's charts.
struct AgencyCharts: TemplateModel {
    /// Its completion as a ring.
    var ring: HTMLBytes
    /// The states of its pairs by plan, as bars.
    var states: HTMLBytes?
    /// Its deadlines on a timeline.
    var timeline: HTMLBytes?
}

/// A task an agency leads, on its page.
struct LeadTaskRow: TemplateModel {
    /// The task: `title`, `href`, `plan_number`, `plan_href` are the row's own.
    @Flattened var task: TaskLink
    /// Its deadline in words.
    var due: String
    /// The state shown for the agency.
    var status: StateLabel
    /// For a recurring task, how many of the agency's occurrences are done: "3/6".
    var tally: String?
    /// The agency's latest update on it.
    var latest: UpdateEntry?
}

/// A task an agency supports, on its page.
struct SupportTaskRow: TemplateModel {
    /// The task: `title`, `href`, `plan_number`, `plan_href` are the row's own.
    @Flattened var task: TaskLink
    /// Its deadline in words.
    var due: String
    /// Its lead agencies.
    var leads: [AgencyLink]
    /// The completion of its pairs.
    var completion: CompletionFigures
}

/// The list of indices, `/chi-so/` (template `indices`).
struct IndexListPage: TemplateModel {
    /// Every index with its latest result and target.
    var indices: [IndexSummary]
    /// Whether the site has indices.
    var hasIndices: Bool
}

/// An index's page, `/chi-so/<index>/` (template `index`).
struct IndexPage: TemplateModel {
    /// The index with its latest result and target: its names are the page's own.
    @Flattened var summary: IndexSummary
    /// The charts: `score` (by year), `rank` and `areas` when there is something to draw.
    var charts: IndexCharts
    /// Its results, newest first.
    var results: [YearFigures]
    /// Whether it has results.
    var hasResults: Bool
    /// Its targets, in year order.
    var targets: [YearFigures]
    /// Whether it has targets.
    var hasTargets: Bool
    /// Every value its targets set, judged on track or not (``TargetProgress``), by target year.
    var targetProgress: [TargetProgressRow]
    /// Whether there is any.
    var hasTargetProgress: Bool
    /// Its areas, each with its criteria and the tasks serving them.
    var areas: [AreaRow]
    /// Whether it has areas.
    var hasAreas: Bool
    /// The year of the latest result, or empty.
    var lastYear: String
    /// The year of the next target, or empty.
    var targetYear: String
    /// The tasks serving the whole index (``ShortenedList``: at most 50).
    var tasks: [TaskRow]
    /// Whether any task serves the whole index.
    var hasTasks: Bool
    /// Whether `tasks` is shortened, and where the full list is.
    var tasksMore: ShortenedList
    /// The code that embeds the page's summary on another site (``EmbedSnippet``).
    var embed: EmbedSnippet
}

/// An index page's charts.
struct IndexCharts: TemplateModel {
    /// The scores by year, with the targets.
    var score: HTMLBytes
    /// The ranks by year.
    var rank: HTMLBytes?
    /// The latest scores of the areas.
    var areas: HTMLBytes?
}

/// An area of an index, on its page.
struct AreaRow: TemplateModel {
    /// The area's id.
    var id: String
    /// Its id on the page (`linh-vuc-<id>`).
    var anchor: String
    /// Its name.
    var name: String
    /// The completion of the tasks serving it.
    var completion: CompletionFigures
    /// Its maximum, or "–".
    var maxText: String
    /// The agency that leads work on it, if set.
    var lead: AgencyLink?
    /// Its latest score, or "–".
    var lastText: String
    /// The change from the result before, signed, or "–".
    var changeText: String
    /// Its target score, or "–".
    var targetText: String
    /// Its criteria.
    var criteria: [CriterionRow]
    /// Whether it has criteria.
    var hasCriteria: Bool
    /// The tasks serving the area as a whole (at most 50).
    var tasks: [TaskRow]
    /// Whether any task serves it.
    var hasTasks: Bool
    /// Whether `tasks` is shortened.
    var tasksMore: ShortenedList
}

/// A criterion of an index area, on the index page.
struct CriterionRow: TemplateModel {
    /// Its code ("1.2").
    var code: String
    /// Its id on the page (`tieu-chi-<code>`).
    var anchor: String
    /// Its name.
    var name: String
    /// Its maximum, or "–".
    var maxText: String
    /// Its latest score, or "–".
    var lastText: String
    /// Its target score, or "–".
    var targetText: String
    /// The tasks serving it (at most 50).
    var tasks: [TaskRow]
    /// Whether any task serves it.
    var hasTasks: Bool
    /// Whether `tasks` is shortened.
    var tasksMore: ShortenedList
}

/// Whether a list of tasks is shortened: over 50 tasks, the list holds the 50 most urgent (by the
/// worst state of their pairs) in plan order, and the page links to the task download, whose
/// `index` column says what each task serves.
struct ShortenedList: TemplateModel {
    /// Whether the list is shortened.
    var shortened: Bool
    /// How many tasks the list shows.
    var shown: String
    /// How many tasks there are.
    var total: String
    /// The link to the full list (`du-lieu/nhiem-vu.csv`).
    var href: String
}

/// The updates, `/cap-nhat/` and `/cap-nhat/trang-N/` (template `updates`).
struct UpdatesPage: TemplateModel {
    /// This page's updates, newest first, 200 to a page.
    var updates: [UpdateEntry]
    /// Whether there are updates.
    var hasUpdates: Bool
    /// With more than one page, the links between them.
    var pagination: Pagination?
}

/// The links between the pages of a paged list.
struct Pagination: TemplateModel {
    /// The first and last pages and two either side of the current one; a gap where pages are left out.
    var pages: [PageNumberLink]
    /// "Trang 2/5".
    var label: String
    /// The link to the page before, if any.
    var prev: String?
    /// The link to the page after, if any.
    var next: String?
}

/// A page in a pagination bar: `{number, href, current?}`, or `{gap}` where pages are left out.
struct PageNumberLink: TemplateModel {
    /// Its number.
    var number: String?
    /// The link to it.
    var href: String?
    /// Present, and true, on the current page.
    var current: Bool?
    /// Present, and true, for a gap.
    var gap: Bool?
}

/// The downloads, `/du-lieu/` (template `data`).
struct DataPage: TemplateModel {
    /// Each file: `{name, href, format, description}`.
    var files: [DataFileLink]
}

/// A download.
struct DataFileLink: TemplateModel {
    /// Its file name.
    var name: String
    /// The link to it.
    var href: String
    /// "CSV" or "JSON".
    var format: String
    /// What it holds, in words.
    var description: String
}

/// The page for addresses that do not exist, `/404.html` (template `404`): the shared values only.
struct NotFoundPage: TemplateModel {}

/// The page around each page's content (template `layout`).
struct LayoutValues: TemplateModel {
    /// `vi` or `en`.
    var lang: String
    /// The page's title.
    var title: String
    /// `title` in site.yml.
    var siteTitle: String
    /// `province` in site.yml.
    var province: String
    /// The main menu: `{label, href, current}`.
    var nav: [NavItem]
    /// The links from the dashboard down to the page; the last has `current` and no `href`.
    var breadcrumbs: [Breadcrumb]
    /// Whether there are breadcrumbs (not on the dashboard).
    var hasBreadcrumbs: Bool
    /// The link to `assets/style.css`.
    var stylesheet: String
    /// The link to `feed.xml`.
    var feed: String
    /// The page's absolute address under `base_url`.
    var canonical: String
    /// The page's content, drawn by its template (use with triple braces).
    var body: HTMLBytes
    /// Whether the page is the dashboard.
    var isDashboard: Bool
    /// "cchc VERSION".
    var generator: String
    /// `notice` in site.yml, if set.
    var notice: String?
    /// `description` in site.yml, if set.
    var description: String?
    /// A class for `<body>` on a page styled apart (`page-period-report`, the printable report,
    /// which prints without the site's header and footer); none on the other pages.
    var bodyClass: String? = nil
}

/// An item of the main menu.
struct NavItem: TemplateModel {
    /// Its words.
    var label: String
    /// The link.
    var href: String
    /// Whether the page is in its section.
    var current: Bool
}

/// A link of the breadcrumbs.
struct Breadcrumb: TemplateModel {
    /// Its words.
    var label: String
    /// The link, on all but the last.
    var href: String?
    /// Present, and true, on the last (the page itself).
    var current: Bool?
}
