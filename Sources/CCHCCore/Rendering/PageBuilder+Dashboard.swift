extension PageBuilder {
    /// `/`: the reporting date, completion overall and per index, overdue count, the agencies most
    /// behind, the latest index results against the targets, the latest updates.
    func dashboardPage() -> Page {
        let page = SitePaths.dashboard
        var overall = Completion()
        for completion in derivation.plans.values { overall.add(completion) }
        let behind: [PageMap] = site.agencies
            .compactMap { member -> (Agency, Completion)? in
                guard let c = derivation.agencies[member.id], c.count(.overdue) > 0 else { return nil }
                return (member, c)
            }
            .sorted { a, b in
                if a.1.count(.overdue) != b.1.count(.overdue) { return a.1.count(.overdue) > b.1.count(.overdue) }
                if (a.1.share ?? 0) != (b.1.share ?? 0) { return (a.1.share ?? 0) < (b.1.share ?? 0) }
                return (lookup.agencyOrder[a.0.id] ?? 0) < (lookup.agencyOrder[b.0.id] ?? 0)
            }
            .prefix(10)
            .map { member, c in
                var row = agency(member.id, from: page)
                row.reserveCapacity(8)
                row["completion"] = .map(completion(c))
                return row
            }
        let latest = updatesNewestFirst.prefix(10).map { update($0, from: page) }
        let plans: [PageMap] = site.plans.map { plan in
            [
                "number": .text(plan.number), "title": .text(plan.title), "href": .text(SitePaths.link(from: page, to: SitePaths.plan(plan.id))),
                "completion": .map(completion(derivation.plans[plan.id])),
            ]
        }
        var charts: PageMap = [
            "ring": .html(ring(overall, id: "bieu-do-hoan-thanh", title: words.table["completion"]!))
        ]
        charts["by_index"] = stateBars(
            site.indices.map { ($0.short, derivation.indices[$0.id]) }, id: "bieu-do-chi-so",
            title: words.table["by_index"]!, header: words.table["indices"]!
        ).map(PageValue.html)
        charts["heatmap"] = heatmap(id: "bieu-do-nhiet").map(PageValue.html)
        let indices: [PageMap] = site.indices.map { index in
            var row = summary(index, from: page)
            if let spark = scoreSparkline(index, id: "xu-huong-\(index.id)") { row["sparkline"] = .html(spark) }
            return row
        }
        let context: PageMap = [
            "charts": .map(charts),
            "completion": .map(completion(overall)),
            "indices": .maps(indices), "has_indices": .flag(!site.indices.isEmpty),
            "behind": .maps(behind), "has_behind": .flag(!behind.isEmpty),
            "latest_updates": .maps(latest), "has_updates": .flag(!latest.isEmpty),
            "plans": .maps(plans), "has_plans": .flag(!plans.isEmpty),
            "updates_href": .text(SitePaths.link(from: page, to: SitePaths.updates)),
            "agencies_href": .text(SitePaths.link(from: page, to: SitePaths.agencies)),
        ]
        return Page(path: page, template: "dashboard", title: words.table["dashboard"]!, breadcrumbs: [], context: context)
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
        var context: PageMap = ["updates": .maps(all), "has_updates": .flag(!all.isEmpty)]
        let count = updatePageCount
        if count > 1 {
            var pagination: PageMap = [
                "pages": .maps(
                    PageBuilder.paginationWindow(current: number, count: count).map { n -> PageMap in
                        guard let n else { return ["gap": true] }
                        var item: PageMap = ["number": .text(String(n)), "href": .text(SitePaths.link(from: page, to: SitePaths.updates(page: n)))]
                        if n == number { item["current"] = true }
                        return item
                    }),
                "label": .text(words.language == .vi ? "Trang \(number)/\(count)" : "Page \(number) of \(count)"),
            ]
            if number > 1 { pagination["prev"] = .text(SitePaths.link(from: page, to: SitePaths.updates(page: number - 1))) }
            if number < count { pagination["next"] = .text(SitePaths.link(from: page, to: SitePaths.updates(page: number + 1))) }
            context["pagination"] = .map(pagination)
        }
        var crumbs: [(label: String, path: String)] = [(words.table["updates"]!, SitePaths.updates)]
        if number > 1 { crumbs.append((words.language == .vi ? "Trang \(number)" : "Page \(number)", page)) }
        return Page(
            path: page, template: "updates", title: words.table["updates"]! + (number > 1 ? " – \(number)" : ""),
            breadcrumbs: crumbs, context: context)
    }

    /// `/du-lieu/`: the downloads.
    func dataPage(_ files: [DataFile] = DataFiles.catalog) -> Page {
        let page = SitePaths.data
        let rows: [PageMap] = files.map { file in
            [
                "name": .text(file.name), "href": .text(SitePaths.link(from: page, to: file.path)), "format": .text(file.format),
                "description": .text(file.description(words.language)),
            ]
        }
        return Page(
            path: page, template: "data", title: words.table["data"]!,
            breadcrumbs: [(words.table["data"]!, page)], context: ["files": .maps(rows)])
    }

    /// `/404.html`, linked with absolute paths under `base_url`'s path, since it is served at any depth.
    func notFoundPage() -> Page {
        Page(
            path: SitePaths.notFound, template: "404", title: words.table["not_found"]!, breadcrumbs: [],
            context: [:], inSitemap: false)
    }
}
