extension PageBuilder {
    /// The latest result of an index, and the target that follows it.
    func latest(_ index: IndexDefinition) -> (result: IndexResult?, target: IndexTarget?) {
        let result = index.results.last
        let target = index.targets.first { $0.year > (result?.year ?? 0) } ?? index.targets.last
        return (result, target)
    }

    /// `{year, score, rank}` texts of an index's latest result and next target.
    func summary(_ index: IndexDefinition, from page: String) -> PageMap {
        let (result, target) = latest(index)
        var out: PageMap = [
            "id": .text(index.id.rawValue), "name": .text(index.name), "short": .text(index.short),
            "href": .text(SitePaths.link(from: page, to: SitePaths.index(index.id))),
            "max": .text(format.score(index.max)), "unit": .text(index.unit ?? ""),
            // "100%" but "100 điểm".
            "unit_suffix": .text(index.unit.map { $0 == "%" ? "%" : " " + $0 } ?? ""),
            "completion": .map(completion(derivation.indices[index.id])),
        ]
        if let publisher = index.publisher { out["publisher"] = .text(publisher) }
        if let result {
            var r: PageMap = ["year": .text(String(result.year))]
            if let score = result.score { r["score"] = .text(format.score(score)) }
            if let rank = result.rank { r["rank"] = .text(format.rank(rank, of: result.of)) }
            out["result"] = .map(r)
        }
        if let target {
            var t: PageMap = ["year": .text(String(target.year))]
            if let score = target.score { t["score"] = .text(format.score(score)) }
            if let rank = target.rank { t["rank"] = .text(format.rank(rank, of: target.of)) }
            if let score = target.score, let last = result?.score {
                let gap = index.higherIsBetter ? score - last : last - score
                t["gap"] = .text(format.change(gap))
            }
            out["target"] = .map(t)
        }
        return out
    }

    /// `/chi-so/`: every index with its latest result and the completion of the tasks serving it.
    func indicesPage() -> Page {
        let page = SitePaths.indices
        let rows = site.indices.map { summary($0, from: page) }
        return Page(
            path: page, template: "indices", title: words.table["indices"]!,
            breadcrumbs: [(words.table["indices"]!, page)], context: ["indices": .maps(rows), "has_indices": .flag(!rows.isEmpty)])
    }

    /// `/chi-so/<index>/`: results and ranks by year, areas and criteria, and the tasks that serve each.
    func indexPage(_ index: IndexDefinition) -> Page {
        let page = SitePaths.index(index.id)
        // Tasks by what they refer to.
        var whole: [TaskID] = [], byArea: [String: [TaskID]] = [:], byCriterion: [String: [TaskID]] = [:]
        // Each task's references are gone through before the next task's, so a task already
        // listed under a heading is the last one there: one comparison, not a search.
        for id in tasksServing[index.id] ?? [] {
            guard let task = lookup.tasks[id] else { continue }
            for reference in task.index where reference.value.index == index.id {
                switch reference.value {
                case .index: if whole.last != id { whole.append(id) }
                case .area(_, let area): if byArea[area]?.last != id { byArea[area, default: []].append(id) }
                case .criterion(_, let code): if byCriterion[code]?.last != id { byCriterion[code, default: []].append(id) }
                }
            }
        }
        func rows(_ ids: [TaskID]) -> [PageMap] { ids.compactMap { lookup.tasks[$0] }.map { taskRow($0, from: page) } }
        let last = index.results.last
        let previous = index.results.count > 1 ? index.results[index.results.count - 2] : nil
        let (_, target) = latest(index)
        let areas: [PageMap] = index.areas.map { area in
            var row: PageMap = [
                "id": .text(area.id), "anchor": "linh-vuc-\(area.id)", "name": .text(area.name),
                "completion": .map(completion(derivation.areas[index.id]?[area.id])),
            ]
            row.reserveCapacity(12)
            row["max_text"] = .text(area.max.map(format.score) ?? "–")
            if let lead = area.lead { row["lead"] = .map(agency(lead, from: page)) }
            let value = last?.areas[area.id]
            row["last_text"] = .text(value.map(format.score) ?? "–")
            row["change_text"] = .text(value.flatMap { v in previous?.areas[area.id].map { format.change(v - $0) } } ?? "–")
            row["target_text"] = .text(target?.areas[area.id].map(format.score) ?? "–")
            row["criteria"] = .maps(
                area.criteria.map { criterion -> PageMap in
                    var c: PageMap = ["code": .text(criterion.code), "anchor": "tieu-chi-\(Slug.make(criterion.code))", "name": .text(criterion.name)]
                    c.reserveCapacity(8)
                    c["max_text"] = .text(criterion.max.map(format.score) ?? "–")
                    c["last_text"] = .text(last?.criteria[criterion.code].map(format.score) ?? "–")
                    c["target_text"] = .text(target?.criteria[criterion.code].map(format.score) ?? "–")
                    let tasks = rows(byCriterion[criterion.code] ?? [])
                    c["tasks"] = .maps(tasks)
                    c["has_tasks"] = .flag(!tasks.isEmpty)
                    return c
                })
            row["has_criteria"] = .flag(!area.criteria.isEmpty)
            let tasks = rows(byArea[area.id] ?? [])
            row["tasks"] = .maps(tasks)
            row["has_tasks"] = .flag(!tasks.isEmpty)
            return row
        }
        let results: [PageMap] = index.results.reversed().map { result in
            var row: PageMap = ["year": .text(String(result.year))]
            if let score = result.score { row["score"] = .text(format.score(score)) }
            if let rank = result.rank { row["rank"] = .text(format.rank(rank, of: result.of)) }
            return row
        }
        let targets: [PageMap] = index.targets.map { t in
            var row: PageMap = ["year": .text(String(t.year))]
            if let score = t.score { row["score"] = .text(format.score(score)) }
            if let rank = t.rank { row["rank"] = .text(format.rank(rank, of: t.of)) }
            return row
        }
        var context = summary(index, from: page)
        var charts: PageMap = ["score": .html(scoreTrend(index, id: "bieu-do-diem"))]
        charts["rank"] = rankTrend(index, id: "bieu-do-xep-hang").map(PageValue.html)
        charts["areas"] = areaBars(index, id: "bieu-do-linh-vuc").map(PageValue.html)
        context["charts"] = .map(charts)
        context["results"] = .maps(results)
        context["has_results"] = .flag(!results.isEmpty)
        context["targets"] = .maps(targets)
        context["has_targets"] = .flag(!targets.isEmpty)
        context["areas"] = .maps(areas)
        context["has_areas"] = .flag(!areas.isEmpty)
        context["last_year"] = .text(last.map { String($0.year) } ?? "")
        context["target_year"] = .text(target.map { String($0.year) } ?? "")
        let wholeRows = rows(whole)
        context["tasks"] = .maps(wholeRows)
        context["has_tasks"] = .flag(!wholeRows.isEmpty)
        return Page(
            path: page, template: "index", title: "\(index.short): \(index.name)",
            breadcrumbs: [(words.table["indices"]!, SitePaths.indices), (index.short, page)], context: context)
    }
}
