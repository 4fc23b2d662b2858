extension PageBuilder {
    /// The latest result of an index, and the target that follows it.
    func latest(_ index: IndexDefinition) -> (result: IndexResult?, target: IndexTarget?) {
        let result = index.results.last
        let target = index.targets.first { $0.year > (result?.year ?? 0) } ?? index.targets.last
        return (result, target)
    }

    /// `{year, score, rank}` texts of an index's latest result and next target.
    func summary(_ index: IndexDefinition, from page: String) -> [String: Any] {
        let (result, target) = latest(index)
        var out: [String: Any] = [
            "id": index.id.rawValue, "name": index.name, "short": index.short,
            "href": SitePaths.link(from: page, to: SitePaths.index(index.id)),
            "max": format.score(index.max), "unit": index.unit ?? "",
            // "100%" but "100 điểm".
            "unit_suffix": index.unit.map { $0 == "%" ? "%" : " " + $0 } ?? "",
            "completion": completion(derivation.indices[index.id]),
        ]
        if let publisher = index.publisher { out["publisher"] = publisher }
        if let result {
            var r: [String: Any] = ["year": String(result.year)]
            if let score = result.score { r["score"] = format.score(score) }
            if let rank = result.rank { r["rank"] = format.rank(rank, of: result.of) }
            out["result"] = r
        }
        if let target {
            var t: [String: Any] = ["year": String(target.year)]
            if let score = target.score { t["score"] = format.score(score) }
            if let rank = target.rank { t["rank"] = format.rank(rank, of: target.of) }
            if let score = target.score, let last = result?.score {
                let gap = index.higherIsBetter ? score - last : last - score
                t["gap"] = format.change(gap)
            }
            out["target"] = t
        }
        return out
    }

    /// `/chi-so/`: every index with its latest result and the completion of the tasks serving it.
    func indicesPage() -> Page {
        let page = SitePaths.indices
        let rows = site.indices.map { summary($0, from: page) }
        return Page(path: page, template: "indices", title: words.table["indices"]!,
                    breadcrumbs: [(words.table["indices"]!, page)], context: ["indices": rows, "has_indices": !rows.isEmpty])
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
        func rows(_ ids: [TaskID]) -> [[String: Any]] { ids.compactMap { lookup.tasks[$0] }.map { taskRow($0, from: page) } }
        let last = index.results.last
        let previous = index.results.count > 1 ? index.results[index.results.count - 2] : nil
        let (_, target) = latest(index)
        let areas: [[String: Any]] = index.areas.map { area in
            var row: [String: Any] = ["id": area.id, "anchor": "linh-vuc-\(area.id)", "name": area.name,
                                      "completion": completion(derivation.areas[index.id]?[area.id])]
            row["max_text"] = area.max.map(format.score) ?? "–"
            if let lead = area.lead { row["lead"] = agency(lead, from: page) }
            let value = last?.areas[area.id]
            row["last_text"] = value.map(format.score) ?? "–"
            row["change_text"] = value.flatMap { v in previous?.areas[area.id].map { format.change(v - $0) } } ?? "–"
            row["target_text"] = target?.areas[area.id].map(format.score) ?? "–"
            row["criteria"] = area.criteria.map { criterion -> [String: Any] in
                var c: [String: Any] = ["code": criterion.code, "anchor": "tieu-chi-\(Slug.make(criterion.code))", "name": criterion.name]
                c["max_text"] = criterion.max.map(format.score) ?? "–"
                c["last_text"] = last?.criteria[criterion.code].map(format.score) ?? "–"
                c["target_text"] = target?.criteria[criterion.code].map(format.score) ?? "–"
                let tasks = rows(byCriterion[criterion.code] ?? [])
                c["tasks"] = tasks
                c["has_tasks"] = !tasks.isEmpty
                return c
            }
            row["has_criteria"] = !area.criteria.isEmpty
            let tasks = rows(byArea[area.id] ?? [])
            row["tasks"] = tasks
            row["has_tasks"] = !tasks.isEmpty
            return row
        }
        let results: [[String: Any]] = index.results.reversed().map { result in
            var row: [String: Any] = ["year": String(result.year)]
            if let score = result.score { row["score"] = format.score(score) }
            if let rank = result.rank { row["rank"] = format.rank(rank, of: result.of) }
            return row
        }
        let targets: [[String: Any]] = index.targets.map { t in
            var row: [String: Any] = ["year": String(t.year)]
            if let score = t.score { row["score"] = format.score(score) }
            if let rank = t.rank { row["rank"] = format.rank(rank, of: t.of) }
            return row
        }
        var context = summary(index, from: page)
        var charts: [String: Any] = ["score": scoreTrend(index, id: "bieu-do-diem")]
        charts["rank"] = rankTrend(index, id: "bieu-do-xep-hang")
        charts["areas"] = areaBars(index, id: "bieu-do-linh-vuc")
        context["charts"] = charts
        context["results"] = results
        context["has_results"] = !results.isEmpty
        context["targets"] = targets
        context["has_targets"] = !targets.isEmpty
        context["areas"] = areas
        context["has_areas"] = !areas.isEmpty
        context["last_year"] = last.map { String($0.year) } ?? ""
        context["target_year"] = target.map { String($0.year) } ?? ""
        let wholeRows = rows(whole)
        context["tasks"] = wholeRows
        context["has_tasks"] = !wholeRows.isEmpty
        return Page(path: page, template: "index", title: "\(index.short): \(index.name)",
                    breadcrumbs: [(words.table["indices"]!, SitePaths.indices), (index.short, page)], context: context)
    }
}
