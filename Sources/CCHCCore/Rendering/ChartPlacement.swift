import CCHCCharts
import CCHCFormat

/// Puts the charts on pages: the core's model turned into the chart module's inputs.
///
/// Every chart comes with its numbers in a real table (inside `<details>`), so nothing is told by
/// the picture alone.
extension PageBuilder {
    var chartLanguage: SiteLanguage { words.language }

    static func chartState(_ state: TaskState) -> CCHCCharts.TaskState {
        switch state {
        case .done: return .done
        case .doneLate: return .doneLate
        case .inProgress: return .inProgress
        case .notStarted: return .notStarted
        case .overdue: return .overdue
        case .dropped: return .dropped
        case .noReport: return .noReport
        }
    }

    /// The core's state for a chart's state: the inverse of ``chartState(_:)``, found among the seven.
    static func coreState(_ state: CCHCCharts.TaskState) -> TaskState {
        TaskState.allCases.first { chartState($0) == state }!
    }

    /// A state bar row for `completion`: its count in each state, zero for none.
    static func chartRow(_ name: String, _ completion: Completion?) -> StateBarsChart.Row {
        StateBarsChart.Row(name: name) { completion?.count(coreState($0)) ?? 0 }
    }

    static func chartDate(_ day: Day) -> ChartDate { ChartDate(day.year, day.month, day.day) }

    /// The chart's figure, as the bytes a page copies in.
    private func figure(_ chart: some Chart) -> HTMLBytes { HTMLBytes(bytes: chart.render().htmlBytes) }

    // MARK: - Index charts

    /// The score trend of an index, with its targets; SIPAS-style method breaks are not known to the
    /// content format, so none is marked.
    func scoreTrend(_ index: IndexDefinition, id: String) -> HTMLBytes {
        HTMLBytes(bytes: scoreTrendChart(index, id: id).htmlBytes)
    }

    /// The score trend drawn, for a page or a file of its own.
    func scoreTrendChart(_ index: IndexDefinition, id: String) -> ChartOutput {
        let points = index.results.compactMap { r in r.score.map { ScoreTrendChart.Point(year: r.year, score: $0) } }
        let targets = index.targets.compactMap { t in t.score.map { ScoreTrendChart.Target(year: t.year, score: $0) } }
        return ScoreTrendChart(
            id: id, title: words.scoreChartTitle(index.short),
            points: points, maximum: index.max, unit: index.unit == "%" ? "%" : nil, targets: targets,
            language: chartLanguage
        ).render()
    }

    /// The rank trend of an index (1 at the top).
    func rankTrend(_ index: IndexDefinition, id: String) -> HTMLBytes? {
        let points = index.results.compactMap { r -> RankTrendChart.Point? in
            guard let rank = r.rank, let of = r.of else { return nil }
            return RankTrendChart.Point(year: r.year, rank: rank, of: of)
        }
        guard !points.isEmpty else { return nil }
        return figure(
            RankTrendChart(
                id: id, title: words.rankChartTitle(index.short),
                points: points, language: chartLanguage))
    }

    /// Each area's last result against its maximum and target, with the change from the year before.
    func areaBars(_ index: IndexDefinition, id: String) -> HTMLBytes? {
        guard !index.areas.isEmpty, let last = index.results.last else { return nil }
        let previous = index.results.count > 1 ? index.results[index.results.count - 2] : nil
        let target = latest(index).target
        let rows = index.areas.map { area in
            AreaBarsChart.Row(
                name: area.name, score: last.areas[area.id], maximum: area.max ?? index.max,
                target: target?.areas[area.id], previous: previous?.areas[area.id])
        }
        return figure(
            AreaBarsChart(
                id: id, title: words.areaChartTitle(year: last.year),
                rows: rows, rowHeader: words.area, language: chartLanguage))
    }

    /// A small score trend for a table cell.
    func scoreSparkline(_ index: IndexDefinition, id: String) -> HTMLBytes? {
        let points = index.results.compactMap { r in r.score.map { SparklineChart.Point(year: r.year, value: $0) } }
        guard points.count > 1 else { return nil }
        // Only the SVG, for a table cell.
        return HTMLBytes(
            bytes: SparklineChart(
                id: id, title: words.sparklineTitle(index.short), points: points,
                range: 0...index.max, lowerIsBetter: !index.higherIsBetter, language: chartLanguage
            ).render().svgBytes)
    }

    // MARK: - Task charts

    /// Stacked state bars, one row per (name, completion).
    func stateBars(_ rows: [(String, Completion?)], id: String, title: String, header: String) -> HTMLBytes? {
        guard !rows.isEmpty else { return nil }
        return figure(
            StateBarsChart(
                id: id, title: title, rows: rows.map { PageBuilder.chartRow($0.0, $0.1) },
                rowHeader: header, unitNoun: words.assignments, language: chartLanguage))
    }

    /// A completion ring.
    func ring(_ completion: Completion?, id: String, title: String) -> HTMLBytes {
        HTMLBytes(bytes: ringChart(completion, id: id, title: title).htmlBytes)
    }

    /// A completion ring drawn, for a page or a file of its own.
    func ringChart(_ completion: Completion?, id: String, title: String) -> ChartOutput {
        let c = completion ?? Completion()
        return CompletionRingChart(
            id: id, title: title, share: c.share,
            caption: "\(format.integer(c.done))/\(format.integer(c.total))", language: chartLanguage
        ).render()
    }

    /// Pairs placed by due date, coloured and shaped by state, with a line at the reporting date.
    func timeline(_ items: [(String, Day, TaskState)], id: String, title: String) -> HTMLBytes? {
        guard !items.isEmpty else { return nil }
        let tasks = items.map { DeadlineTimelineChart.Task(name: $0.0, due: PageBuilder.chartDate($0.1), state: PageBuilder.chartState($0.2)) }
        return figure(
            DeadlineTimelineChart(
                id: id, title: title, tasks: tasks, reportDate: PageBuilder.chartDate(derivation.asOf),
                language: chartLanguage))
    }

    /// The most rows the dashboard's heatmap draws; the agencies page lists them all.
    static let heatmapRows = 40

    /// Agencies × indices: the completion share of each agency's pairs on tasks serving each index,
    /// for the first agencies (in file order) that have such pairs.
    func heatmap(id: String) -> HTMLBytes? {
        guard !site.indices.isEmpty else { return nil }
        var tallies: [AgencyID: [IndexID: Completion]] = [:]
        for plan in site.plans {
            for task in plan.tasks {
                let indices = Set(task.index.map(\.value.index))
                guard !indices.isEmpty, let derived = derivation.tasks[task.id] else { continue }
                for pair in derived.pairs {
                    for index in indices { tallies[pair.agency, default: [:]][index, default: Completion()].add(pair.state) }
                }
            }
        }
        let all = site.agencies.filter { tallies[$0.id] != nil }
        let rows = all.prefix(PageBuilder.heatmapRows).map { agency in
            HeatmapChart.Row(name: agency.displayShort, shares: site.indices.map { tallies[agency.id]?[$0.id]?.share })
        }
        guard !rows.isEmpty else { return nil }
        return figure(
            HeatmapChart(
                id: id, title: words.heatmapTitle(shown: rows.count, of: all.count, format: format),
                columns: site.indices.map(\.short), rows: rows, rowHeader: words.agency,
                language: chartLanguage))
    }
}
