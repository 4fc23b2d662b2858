extension PageBuilder {
    /// How many pairs one list of a period page shows: a national period has tens of thousands
    /// of pairs overdue, and a row is some 600 bytes.
    static let pairsPerList = 100
    /// How many agencies the period page's list of those that did not report shows.
    static let agenciesPerList = 300

    /// `/ky-bao-cao/<period>/`: what changed in the period, with the full lists (shortened on a big site).
    func periodPage(_ period: Period) -> Page {
        let page = SitePaths.period(period)
        let history = periods
        let change = history.change(of: period) ?? history.changes[0]
        func list(_ pairs: [PeriodChange.Pair]) -> PeriodPairList {
            var shown = pairs
            if pairs.count > PageBuilder.pairsPerList {
                // The earliest deadlines first: they have been waiting longest.
                shown = Array(
                    pairs.enumerated().sorted { a, b in
                        let x = a.element.occurrence.due, y = b.element.occurrence.due
                        if x != y { return y == nil || (x != nil && x! < y!) }
                        return a.offset < b.offset
                    }.prefix(PageBuilder.pairsPerList).map(\.element))
            }
            let rows = shown.map { pair in
                PeriodPairRow(
                    task: taskLink(pair.task, from: page), agency: agency(pair.agency, from: page),
                    due: occurrenceDue(pair.occurrence), status: state(pair.state), previousStatus: state(pair.previousState))
            }
            return PeriodPairList(
                pairs: rows, count: format.integer(pairs.count), hasPairs: !pairs.isEmpty,
                more: ShortenedList(
                    shortened: pairs.count > rows.count, shown: format.integer(rows.count), total: format.integer(pairs.count),
                    href: SitePaths.link(from: page, to: DataFiles.tasksCSV)))
        }
        let missing = change.notReported
        let shownMissing = missing.prefix(PageBuilder.agenciesPerList).map { agency($0, from: page) }
        let links = history.changes.map { other in
            PeriodLink(
                label: words.period(other.period), href: SitePaths.link(from: page, to: SitePaths.period(other.period)),
                current: other.period == period)
        }
        let model = PeriodPage(
            period: words.period(period), code: period.description, isCurrent: change.period == history.changes[0].period,
            end: format.date(change.asOf), previousEnd: format.date(change.previousEnd),
            completion: completion(change.completion), previousCompletion: completion(change.previousCompletion),
            done: list(change.done), newlyOverdue: list(change.newlyOverdue), stillOverdue: list(change.stillOverdue),
            expectedCount: format.integer(change.expectedReporters.count), notReportedCount: format.integer(missing.count),
            notReported: shownMissing, hasNotReported: !missing.isEmpty,
            notReportedMore: ShortenedList(
                shortened: missing.count > shownMissing.count, shown: format.integer(shownMissing.count),
                total: format.integer(missing.count), href: SitePaths.link(from: page, to: SitePaths.agencies)),
            periods: links, reportHref: SitePaths.link(from: page, to: SitePaths.periodReport(period)))
        let newest = SitePaths.period(history.changes[0].period)
        var crumbs: [(label: String, path: String)] = [(words.periods, newest)]
        if page != newest { crumbs.append((words.period(period), page)) }
        return Page(path: page, template: "period", title: "\(words.inPeriod): \(words.period(period))", breadcrumbs: crumbs, model: model)
    }

    /// An occurrence's deadline, with its period for a recurring task: "Quý III/2024 (30/09/2024)".
    func occurrenceDue(_ occurrence: Occurrence) -> String {
        let due = occurrence.due.map(format.date) ?? words.noDue
        return occurrence.period.map { "\(words.period($0)) (\(due))" } ?? due
    }

    /// The current period's numbers for the dashboard, linked from `page`.
    func periodFigures(from page: String) -> PeriodFigures {
        let change = periods.changes[0]
        return PeriodFigures(
            period: words.period(change.period), href: SitePaths.link(from: page, to: SitePaths.period(change.period)),
            previousEnd: format.date(change.previousEnd), done: format.integer(change.done.count),
            newlyOverdue: format.integer(change.newlyOverdue.count), stillOverdue: format.integer(change.stillOverdue.count),
            previousPercent: format.percent(change.previousCompletion.share), percent: format.percent(change.completion.share),
            expectedCount: format.integer(change.expectedReporters.count), notReportedCount: format.integer(change.notReported.count))
    }

    /// The current period's numbers of one agency as a lead, for its page.
    func periodFigures(of id: AgencyID, from page: String) -> PeriodFigures {
        let history = periods
        let change = history.changes[0]
        let counts = history.latestByAgency[id] ?? (0, 0, 0)
        let report: (String, String)
        if history.latestNotReported.contains(id) {
            report = (words.notReported, "not-reported")
        } else if history.latestExpected.contains(id) {
            report = (words.hasReported, "reported")
        } else {
            report = (words.noReportDue, "not-due")
        }
        return PeriodFigures(
            period: words.period(change.period), href: SitePaths.link(from: page, to: SitePaths.period(change.period)),
            previousEnd: format.date(change.previousEnd), done: format.integer(counts.done),
            newlyOverdue: format.integer(counts.newlyOverdue), stillOverdue: format.integer(counts.stillOverdue),
            previousPercent: format.percent(change.previous.agencies[id]?.share), percent: format.percent(change.current.agencies[id]?.share),
            reportStatus: report.0, reportState: report.1)
    }
}
