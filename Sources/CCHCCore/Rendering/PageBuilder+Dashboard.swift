extension PageBuilder {
    /// `/`: the reporting date, completion overall and per index, overdue count, the agencies most
    /// behind, the latest index results against the targets, the latest updates.
    func dashboardPage() -> Page {
        let page = SitePaths.dashboard
        let overall = overallCompletion
        let behind: [AgencyProgress] = Attention.mostBehind(
            site.agencies.map { member in
                (member.id, derivation.agencies[member.id] ?? Completion(), lookup.agencyOrder[member.id] ?? 0)
            }, limit: 10
        ).map { id in
            AgencyProgress(agency: agency(id, from: page), completion: completion(derivation.agencies[id]))
        }
        let latest = updatesNewestFirst.prefix(10).map { update($0, from: page) }
        let plans: [PlanProgress] = site.plans.map { plan in
            PlanProgress(
                number: plan.number, title: plan.title, href: SitePaths.link(from: page, to: SitePaths.plan(plan.id)),
                completion: completion(derivation.plans[plan.id]))
        }
        let charts = DashboardCharts(
            ring: ring(overall, id: "bieu-do-hoan-thanh", title: words.completion),
            byIndex: stateBars(
                site.indices.map { ($0.short, derivation.indices[$0.id]) }, id: "bieu-do-chi-so",
                title: words.byIndex, header: words.indices),
            heatmap: heatmap(id: "bieu-do-nhiet"))
        let indices: [IndexSummary] = site.indices.map { index in
            var row = summary(index, from: page)
            row.sparkline = scoreSparkline(index, id: "xu-huong-\(index.id)")
            return row
        }
        let model = DashboardPage(
            charts: charts, completion: completion(overall), indices: indices, hasIndices: !site.indices.isEmpty,
            behind: behind, hasBehind: !behind.isEmpty, latestUpdates: latest, hasUpdates: !latest.isEmpty,
            plans: plans, hasPlans: !plans.isEmpty,
            updatesHref: SitePaths.link(from: page, to: SitePaths.updates),
            agenciesHref: SitePaths.link(from: page, to: SitePaths.agencies), currentPeriod: periodFigures(from: page),
            embed: embedSnippet(SitePaths.embedOverview, title: "\(words.completion) – \(site.settings.title)", image: .overview, from: page))
        return Page(path: page, template: "dashboard", title: words.dashboard, breadcrumbs: [], model: model)
    }

    /// How many updates one page of `/cap-nhat/` lists.
    static let updatesPerPage = 200

    /// The number of pages of `/cap-nhat/` (at least one, which may say there are no updates).
    var updatePageCount: Int { max(1, (indexes.countedUpdates + PageBuilder.updatesPerPage - 1) / PageBuilder.updatesPerPage) }

    /// The page numbers a pagination bar lists: the first and the last page and `around` pages
    /// either side of `current`, in order, with nil where pages are left out (a gap of a single
    /// page lists that page instead). Listing every page on every page made the update pages
    /// grow with the square of their number.
    static func paginationWindow(current: Int, count: Int, around: Int = 2) -> [Int?] {
        guard count > 0 else { return [] }
        var shown = Set([1, count])
        for n in max(1, current - around)...min(count, max(1, current + around)) { shown.insert(n) }
        var out: [Int?] = []
        var previous = 0
        for n in shown.sorted() {
            if n - previous == 2 { out.append(n - 1) } else if n - previous > 2 { out.append(nil) }
            out.append(n)
            previous = n
        }
        return out
    }

    /// `/cap-nhat/` and `/cap-nhat/trang-N/`: every update, newest first, 200 to a page.
    func updatesPage(_ number: Int) -> Page {
        let page = SitePaths.updates(page: number)
        let slice = updatesNewestFirst.dropFirst((number - 1) * PageBuilder.updatesPerPage).prefix(PageBuilder.updatesPerPage)
        let all = slice.map { update($0, from: page) }
        var model = UpdatesPage(updates: all, hasUpdates: !all.isEmpty)
        let count = updatePageCount
        if count > 1 {
            let pages = PageBuilder.paginationWindow(current: number, count: count).map { n -> PageNumberLink in
                guard let n else { return PageNumberLink(gap: true) }
                return PageNumberLink(
                    number: String(n), href: SitePaths.link(from: page, to: SitePaths.updates(page: n)),
                    current: n == number ? true : nil)
            }
            model.pagination = Pagination(
                pages: pages, label: words.pageOf(number, count),
                prev: number > 1 ? SitePaths.link(from: page, to: SitePaths.updates(page: number - 1)) : nil,
                next: number < count ? SitePaths.link(from: page, to: SitePaths.updates(page: number + 1)) : nil)
        }
        var crumbs: [(label: String, path: String)] = [(words.updates, SitePaths.updates)]
        if number > 1 { crumbs.append((words.page(number), page)) }
        return Page(
            path: page, template: "updates", title: words.updates + (number > 1 ? " – \(number)" : ""),
            breadcrumbs: crumbs, model: model)
    }

    /// `/du-lieu/`: the downloads.
    func dataPage(_ files: [DataFile] = DataFiles.catalog) -> Page {
        let page = SitePaths.data
        let rows = files.map { file in
            DataFileLink(
                name: file.name, href: SitePaths.link(from: page, to: file.path), format: file.format,
                description: words[keyPath: file.description])
        }
        return Page(path: page, template: "data", title: words.data, breadcrumbs: [(words.data, page)], model: DataPage(files: rows))
    }

    /// `/404.html`, linked with absolute paths under `base_url`'s path, since it is served at any depth.
    func notFoundPage() -> Page {
        Page(path: SitePaths.notFound, template: "404", title: words.notFound, breadcrumbs: [], model: NotFoundPage(), inSitemap: false)
    }
}
