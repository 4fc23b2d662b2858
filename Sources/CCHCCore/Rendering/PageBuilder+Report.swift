extension PageBuilder {
    /// The most task rows the printable report's plan tables hold. A province's plans have a few
    /// hundred tasks; beyond this the page would pass a megabyte, and the plans' parts keep only
    /// their summary (the Word document has every row).
    static let reportTaskRows = 400
    /// The most overdue leads one row of the printable report names: every agency of a province (30 to
    /// 60), while a national group led by thousands of communes stays a line.
    static let reportAgenciesPerRow = 60

    /// `/ky-bao-cao/<period>/bao-cao/`: the period report as a printable page, the same content as
    /// `cchc report PERIOD` writes into a Word document, made from the period page's own change.
    func periodReportPage(_ period: Period) -> Page {
        let page = SitePaths.periodReport(period)
        let history = periods
        let change = history.change(of: period) ?? history.changes[0]
        let report = PeriodReport(loaded, change: change)
        let reportWords = ReportWords(site.settings.language, province: site.settings.province)
        func columns(_ texts: [String]) -> [ReportColumn] { texts.map(ReportColumn.init) }

        let taskRows = report.plans.reduce(0) { $0 + $1.rows.count }
        let showRows = taskRows <= PageBuilder.reportTaskRows
        let plans = report.plans.enumerated().map { position, section -> ReportPlan in
            let totals = report.planTotals(section, reportWords)
            let rows =
                showRows
                ? zip(section.rows, report.planCells(section, reportWords)).map { row, texts in
                    ReportTaskRow(
                        number: texts[0], task: taskLink(row.task.id, from: page), leads: texts[2], due: texts[3], done: texts[4],
                        doneInPeriod: texts[5], overdue: texts[6])
                } : []
            return ReportPlan(
                heading: report.headingText(position, section, reportWords),
                href: SitePaths.link(from: page, to: SitePaths.plan(section.plan.id)),
                summary: reportWords.planSummary(section.completion, section.previousCompletion, doneInPeriod: section.doneInPeriod),
                rows: rows, hasRows: !rows.isEmpty, noTasks: section.rows.isEmpty ? reportWords.noTasks : nil,
                totalLabel: reportWords.total, totalDone: totals[0], totalDoneInPeriod: totals[1], totalOverdue: totals[2])
        }

        var parts: [ReportOverduePart] = []
        for (number, earlier) in [(1, false), (2, true)] {
            let groups = report.overdue.filter { $0.sinceEarlierPeriod == earlier }
            guard !groups.isEmpty else { continue }
            // The groups are in deadline order: the first ones have waited longest.
            let shown = groups.prefix(PageBuilder.pairsPerList)
            let rows = shown.enumerated().map { position, group -> ReportOverdueRow in
                let texts = report.overdueCells(group, position: position, reportWords)
                let named = group.agencies.prefix(PageBuilder.reportAgenciesPerRow)
                let rest = group.agencies.count - named.count
                return ReportOverdueRow(
                    number: texts[0], task: taskLink(group.task.id, from: page),
                    occurrence: group.occurrence.period.map(reportWords.occurrence), plan: texts[2],
                    agencies: named.enumerated().map { at, id in
                        ReportAgency(agency: agency(id, from: page), separator: at < named.count - 1 || rest > 0 ? "; " : "")
                    }, agenciesMore: rest > 0 ? reportWords.andOthers(rest) : nil,
                    due: texts[4])
            }
            parts.append(
                ReportOverduePart(
                    heading: reportWords.overduePart(number, sinceEarlierPeriod: earlier), rows: rows,
                    more: ShortenedList(
                        shortened: groups.count > rows.count, shown: format.integer(rows.count), total: format.integer(groups.count),
                        href: SitePaths.link(from: page, to: DataFiles.tasksCSV))))
        }

        let missing = report.missing.prefix(PageBuilder.agenciesPerList).enumerated().map { position, entry in
            let texts = report.missingCells(entry, position: position, reportWords)
            return ReportMissingRow(number: texts[0], agency: agency(entry.agency.id, from: page), open: texts[2], overdue: texts[3])
        }
        let targets = report.targets.indices.map { position in
            let texts = report.targetCells(position, reportWords)
            let level = report.targets[position].progress.level
            return ReportTargetRow(
                number: texts[0], measure: texts[1], latest: texts[2], target: texts[3], pace: texts[4],
                level: LevelLabel(level: level.rawValue, label: texts[5]))
        }

        // The command that writes the same document: `cchc report` counts to the period's last day
        // unless told the reporting date of a period still running.
        let command = "cchc report \(period.description)" + (change.asOf == period.lastDay ? "" : " --as-of \(change.asOf.iso)")
        let model = PeriodReportPage(
            period: words.period(period), periodHref: SitePaths.link(from: page, to: SitePaths.period(period)),
            command: command,
            header: ReportHeader(
                superior: reportWords.superior(province: site.settings.province), issuer: reportWords.issuer, number: reportWords.number,
                nation: reportWords.nation, motto: reportWords.motto, placeAndDate: reportWords.placeAndDate(province: site.settings.province)),
            kind: reportWords.documentKind, subject: reportWords.subject(period), opening: reportWords.opening(period, asOf: change.asOf),
            overallHeading: reportWords.overallHeading,
            overall: report.overallText(reportWords), inPeriod: report.inPeriodText(reportWords),
            pairNote: reportWords.pairNote, plansHeading: reportWords.plansHeading, planColumns: columns(reportWords.planColumns),
            plans: plans, plansShortened: showRows ? nil : reportWords.tablesLeftOut(tasks: taskRows, command: command),
            overdueHeading: reportWords.overdueHeading,
            overdueLead: reportWords.overdueLead(newly: change.newlyOverdue.count, still: change.stillOverdue.count),
            overdueColumns: columns(reportWords.overdueColumns), overdueParts: parts,
            notReportedHeading: reportWords.notReportedHeading,
            notReportedLead: reportWords.notReportedLead(report.missing.count, of: change.expectedReporters.count, period),
            notReportedColumns: columns(reportWords.notReportedColumns), notReported: Array(missing), hasNotReported: !missing.isEmpty,
            notReportedMore: ShortenedList(
                shortened: report.missing.count > missing.count, shown: format.integer(missing.count),
                total: format.integer(report.missing.count), href: SitePaths.link(from: page, to: SitePaths.agencies)),
            indicesHeading: reportWords.indicesHeading, indicesLead: reportWords.indicesLead(report.targets.count),
            indexColumns: columns(reportWords.indexColumns), targets: targets, hasTargets: !targets.isEmpty,
            levelRule: reportWords.levelRule, closing: reportWords.closing(period), recipientsTitle: reportWords.recipientsTitle,
            recipients: columns(reportWords.recipients), signer: reportWords.signer, signerName: reportWords.signerName)
        let newest = SitePaths.period(history.changes[0].period)
        var crumbs: [(label: String, path: String)] = [(words.periods, newest)]
        if SitePaths.period(period) != newest { crumbs.append((words.period(period), SitePaths.period(period))) }
        crumbs.append((words.report, page))
        var built = Page(
            path: page, template: "period-report", title: "\(words.report): \(words.period(period))", breadcrumbs: crumbs, model: model)
        built.bodyClass = "page-period-report"
        return built
    }
}
