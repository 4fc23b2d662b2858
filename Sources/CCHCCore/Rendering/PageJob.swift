/// One page of the site, named before it is built, so its path is known up front.
enum PageJob: Sendable, Hashable {
    case dashboard, plans, agencies, indices, data, notFound
    /// Page `n` of the updates, from 1.
    case updates(Int)
    /// A plan, by its position in `Site.plans`.
    case plan(Int)
    /// A task, by its plan's position and its own in the plan.
    case task(Int, Int)
    /// An agency, by its position in `Site.agencies`.
    case agency(Int)
    /// An index, by its position in `Site.indices`.
    case index(Int)
    /// What changed in a reporting period (one of ``PeriodHistory/periods(_:asOf:rhythm:)``).
    case period(Period)
    /// A period's report as a printable page.
    case periodReport(Period)
    /// The embed of the overall completion.
    case embedOverview
    /// A plan's embed, by its position in `Site.plans`.
    case embedPlan(Int)
    /// An agency's embed, by its position in `Site.agencies`.
    case embedAgency(Int)
    /// An index's embed, by its position in `Site.indices`.
    case embedIndex(Int)

    /// Every page of `site`, in build order, with `updatePages` pages of updates.
    static func jobs(_ site: Site, asOf: Day, updatePages: Int) -> [PageJob] {
        var jobs: [PageJob] = [.dashboard, .plans, .agencies, .indices, .data, .notFound]
        for number in 1...max(1, updatePages) { jobs.append(.updates(number)) }
        for (p, plan) in site.plans.enumerated() {
            jobs.append(.plan(p))
            for t in plan.tasks.indices { jobs.append(.task(p, t)) }
        }
        for a in site.agencies.indices { jobs.append(.agency(a)) }
        for i in site.indices.indices { jobs.append(.index(i)) }
        for period in PeriodHistory.periods(site, asOf: asOf) { jobs += [.period(period), .periodReport(period)] }
        jobs.append(.embedOverview)
        for p in site.plans.indices { jobs.append(.embedPlan(p)) }
        for a in site.agencies.indices { jobs.append(.embedAgency(a)) }
        for i in site.indices.indices { jobs.append(.embedIndex(i)) }
        return jobs
    }

    /// The output path of the page.
    func path(in site: Site) -> String {
        switch self {
        case .dashboard: return SitePaths.dashboard
        case .plans: return SitePaths.plans
        case .agencies: return SitePaths.agencies
        case .indices: return SitePaths.indices
        case .data: return SitePaths.data
        case .notFound: return SitePaths.notFound
        case .updates(let number): return SitePaths.updates(page: number)
        case .plan(let p): return SitePaths.plan(site.plans[p].id)
        case .task(let p, let t): return SitePaths.task(site.plans[p].tasks[t].id)
        case .agency(let a): return SitePaths.agency(site.agencies[a].id)
        case .index(let i): return SitePaths.index(site.indices[i].id)
        case .period(let period): return SitePaths.period(period)
        case .periodReport(let period): return SitePaths.periodReport(period)
        case .embedOverview: return SitePaths.embedOverview
        case .embedPlan(let p): return SitePaths.embedPlan(site.plans[p].id)
        case .embedAgency(let a): return SitePaths.embedAgency(site.agencies[a].id)
        case .embedIndex(let i): return SitePaths.embedIndex(site.indices[i].id)
        }
    }

    /// Whether the page is listed in the sitemap: all but the 404 page and the embeds (fragments
    /// of the full pages, which are the ones a search should find; they also say `noindex`).
    var inSitemap: Bool {
        switch self {
        case .notFound, .embedOverview, .embedPlan, .embedAgency, .embedIndex: return false
        default: return true
        }
    }
}

/// A chart of an embed written as an SVG file of its own, to be put on another site with `<img>`.
enum EmbedImage: Sendable, Hashable {
    /// The overall completion ring.
    case overview
    /// A plan's completion ring.
    case plan(PlanID)
    /// An agency's completion ring.
    case agency(AgencyID)
    /// An index's score trend (an index with a score).
    case index(IndexID)

    /// Every embed image of `site`, in the order of the embeds.
    static func all(_ site: Site) -> [EmbedImage] {
        [.overview] + site.plans.map { .plan($0.id) } + site.agencies.map { .agency($0.id) }
            + site.indices.filter(\.hasScores).map { .index($0.id) }
    }

    /// The file's path.
    var path: String {
        switch self {
        case .overview: return SitePaths.embedRing(ofEmbed: SitePaths.embedOverview)
        case .plan(let id): return SitePaths.embedRing(ofEmbed: SitePaths.embedPlan(id))
        case .agency(let id): return SitePaths.embedRing(ofEmbed: SitePaths.embedAgency(id))
        case .index(let id): return SitePaths.embedScores(id)
        }
    }
}

extension IndexDefinition {
    /// Whether a result has a total score, so the index has a score trend to draw.
    var hasScores: Bool { results.contains { $0.score != nil } }
}

extension PageBuilder {
    /// Builds the page `job` names.
    func page(_ job: PageJob) -> Page {
        switch job {
        case .dashboard: return dashboardPage()
        case .plans: return plansPage()
        case .agencies: return agenciesPage()
        case .indices: return indicesPage()
        case .data: return dataPage()
        case .notFound: return notFoundPage()
        case .updates(let number): return updatesPage(number)
        case .plan(let p): return planPage(site.plans[p])
        case .task(let p, let t): return taskPage(site.plans[p].tasks[t])
        case .agency(let a): return agencyPage(site.agencies[a])
        case .index(let i): return indexPage(site.indices[i])
        case .period(let period): return periodPage(period)
        case .periodReport(let period): return periodReportPage(period)
        case .embedOverview: return embedOverviewPage()
        case .embedPlan(let p): return embedPlanPage(site.plans[p])
        case .embedAgency(let a): return embedAgencyPage(site.agencies[a])
        case .embedIndex(let i): return embedIndexPage(site.indices[i])
        }
    }
}

extension PageJob {
    /// The kind of page, as benchmarks name it.
    var kind: String {
        switch self {
        case .dashboard: return "dashboard"
        case .plans, .agencies, .indices, .data, .notFound: return "lists"
        case .updates: return "updates"
        case .plan: return "plan"
        case .task: return "task"
        case .agency: return "agency"
        case .index: return "index"
        case .period, .periodReport: return "period"
        case .embedOverview, .embedPlan, .embedAgency, .embedIndex: return "embed"
        }
    }
}
