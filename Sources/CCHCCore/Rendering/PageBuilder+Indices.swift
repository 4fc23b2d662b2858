extension PageBuilder {
    /// The latest result of an index, and the target that follows it.
    func latest(_ index: IndexDefinition) -> (result: IndexResult?, target: IndexTarget?) {
        let result = index.results.last
        let target = index.targets.first { $0.year > (result?.year ?? 0) } ?? index.targets.last
        return (result, target)
    }

    /// An index with its latest result and next target.
    func summary(_ index: IndexDefinition, from page: String) -> IndexSummary {
        let (result, target) = latest(index)
        return IndexSummary(
            id: index.id.rawValue, name: index.name, short: index.short,
            href: SitePaths.link(from: page, to: SitePaths.index(index.id)), max: format.score(index.max), unit: index.unit ?? "",
            // "100%" but "100 điểm".
            unitSuffix: index.unit.map { $0 == "%" ? "%" : " " + $0 } ?? "",
            completion: completion(derivation.indices[index.id]), publisher: index.publisher,
            result: result.map { figures($0.year, $0.score, $0.rank, $0.of) },
            target: target.map { target in
                var gap: String?
                if let score = target.score, let last = result?.score {
                    gap = format.change(index.higherIsBetter ? score - last : last - score)
                }
                let judged = TargetProgress.all(for: index).filter { $0.year == target.year }
                func label(_ measure: TargetProgress.Measure) -> LevelLabel? {
                    judged.first { $0.measure == measure }.map(levelLabel)
                }
                return TargetFigures(
                    year: String(target.year), score: target.score.map(format.score),
                    rank: target.rank.map { format.rank($0, of: target.of) }, gap: gap,
                    scoreLevel: label(.score), rankLevel: label(.rank))
            })
    }

    /// A level and its words.
    func levelLabel(_ progress: TargetProgress) -> LevelLabel {
        LevelLabel(level: progress.level.rawValue, label: words.level(progress.level))
    }

    /// Every value the targets of `index` set, judged, for its page.
    func targetProgress(_ index: IndexDefinition) -> [TargetProgressRow] {
        TargetProgress.all(for: index).map { progress in
            let measure: String
            var value: (Double) -> String = format.score
            switch progress.measure {
            case .score: measure = words.score
            case .rank:
                measure = words.rank
                value = { String(Int($0.rounded())) }
            case .area(let id): measure = "\(words.area): " + (index.areas.first { $0.id == id }?.name ?? id)
            case .criterion(let code):
                let name = index.areas.lazy.flatMap(\.criteria).first { $0.code == code }?.name
                measure = "\(words.criterion) \(code)" + (name.map { ": " + $0 } ?? "")
            }
            let target = progress.measure == .rank ? format.rank(Int(progress.target.rounded()), of: progress.of) : value(progress.target)
            return TargetProgressRow(
                measure: measure, year: String(progress.year), target: target,
                latest: progress.latest.map { "\(value($0.value)) (\($0.year))" } ?? "–",
                kept: progress.averageChange.map { words.perYear(format.change($0)) } ?? "–",
                needed: progress.neededChange.map { words.perYear(format.change($0)) } ?? "–", status: levelLabel(progress))
        }
    }

    /// A year's score and rank.
    func figures(_ year: Int, _ score: Double?, _ rank: Int?, _ of: Int?) -> YearFigures {
        YearFigures(year: String(year), score: score.map(format.score), rank: rank.map { format.rank($0, of: of) })
    }

    /// How many tasks one list of an index page shows: a national site has thousands serving one
    /// index, and listing them all made pages of several megabytes.
    static let tasksPerList = 50

    /// The tasks a list of an index page shows: all of them when they fit, else the
    /// ``tasksPerList`` most urgent (by the worst state of their pairs, ``Attention/worst(_:)``), in
    /// plan and task order; the page then says how many there are and links to the full download.
    func shortList(_ ids: [TaskID]) -> [TaskID] {
        guard ids.count > PageBuilder.tasksPerList else { return ids }
        let ranked = ids.enumerated().map { position, id in
            (position, Attention.urgency(Attention.worst(derivation.tasks[id]?.pairs.map(\.state) ?? []) ?? .noReport))
        }
        let kept = ranked.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(PageBuilder.tasksPerList).map(\.0).sorted()
        return kept.map { ids[$0] }
    }

    /// `/chi-so/`: every index with its latest result and the completion of the tasks serving it.
    func indicesPage() -> Page {
        let page = SitePaths.indices
        let rows = site.indices.map { summary($0, from: page) }
        return Page(
            path: page, template: "indices", title: words.indices,
            breadcrumbs: [(words.indices, page)], model: IndexListPage(indices: rows, hasIndices: !rows.isEmpty))
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
        func rows(_ ids: [TaskID]) -> [TaskRow] { shortList(ids).compactMap { lookup.tasks[$0] }.map { taskRow($0, from: page) } }
        func more(_ ids: [TaskID]) -> ShortenedList {
            ShortenedList(
                shortened: ids.count > PageBuilder.tasksPerList, shown: format.integer(min(ids.count, PageBuilder.tasksPerList)),
                total: format.integer(ids.count), href: SitePaths.link(from: page, to: DataFiles.tasksCSV))
        }
        let last = index.results.last
        let previous = index.results.count > 1 ? index.results[index.results.count - 2] : nil
        let (_, target) = latest(index)
        let areas = index.areas.map { area in
            let value = last?.areas[area.id]
            let criteria = area.criteria.map { criterion in
                let ids = byCriterion[criterion.code] ?? []
                return CriterionRow(
                    code: criterion.code, anchor: "tieu-chi-\(Slug.make(criterion.code))", name: criterion.name,
                    maxText: criterion.max.map(format.score) ?? "–", lastText: last?.criteria[criterion.code].map(format.score) ?? "–",
                    targetText: target?.criteria[criterion.code].map(format.score) ?? "–",
                    tasks: rows(ids), hasTasks: !ids.isEmpty, tasksMore: more(ids))
            }
            let ids = byArea[area.id] ?? []
            return AreaRow(
                id: area.id, anchor: "linh-vuc-\(area.id)", name: area.name, completion: completion(derivation.areas[index.id]?[area.id]),
                maxText: area.max.map(format.score) ?? "–", lead: area.lead.map { agency($0, from: page) },
                lastText: value.map(format.score) ?? "–",
                changeText: value.flatMap { v in previous?.areas[area.id].map { format.change(v - $0) } } ?? "–",
                targetText: target?.areas[area.id].map(format.score) ?? "–",
                criteria: criteria, hasCriteria: !criteria.isEmpty, tasks: rows(ids), hasTasks: !ids.isEmpty, tasksMore: more(ids))
        }
        let progress = targetProgress(index)
        let results = index.results.reversed().map { figures($0.year, $0.score, $0.rank, $0.of) }
        let targets = index.targets.map { figures($0.year, $0.score, $0.rank, $0.of) }
        let charts = IndexCharts(
            score: scoreTrend(index, id: "bieu-do-diem"), rank: rankTrend(index, id: "bieu-do-xep-hang"),
            areas: areaBars(index, id: "bieu-do-linh-vuc"))
        let model = IndexPage(
            summary: summary(index, from: page), charts: charts, results: results, hasResults: !results.isEmpty,
            targets: targets, hasTargets: !targets.isEmpty, targetProgress: progress, hasTargetProgress: !progress.isEmpty, areas: areas,
            hasAreas: !areas.isEmpty,
            lastYear: last.map { String($0.year) } ?? "", targetYear: target.map { String($0.year) } ?? "",
            tasks: rows(whole), hasTasks: !whole.isEmpty, tasksMore: more(whole),
            embed: embedSnippet(SitePaths.embedIndex(index.id), title: index.short, image: index.hasScores ? .index(index.id) : nil, from: page))
        return Page(
            path: page, template: "index", title: "\(index.short): \(index.name)",
            breadcrumbs: [(words.indices, SitePaths.indices), (index.short, page)], model: model)
    }
}
