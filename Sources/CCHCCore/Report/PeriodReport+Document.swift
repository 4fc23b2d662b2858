/// The period report laid out as a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP):
/// the header block as a borderless two-column table, the title and subject, numbered sections
/// with real tables, "Nơi nhận" and the signature block. Blanks are left for the number, the date,
/// and the signer's name.
extension PeriodReport {
    /// Sizes in half-points: the body's 14 pt; the header block's 13 pt (12 pt for the national title); tables' 12 pt; Nơi nhận's lines 11 pt.
    enum Size {
        static let body = 28
        static let header = 26
        static let nation = 24
        static let table = 24
        static let small = 22
    }

    /// The Word document of the report, in the words of `words`.
    func document(_ words: ReportWords) -> WordDocument {
        var document = WordDocument()
        document.title = words.documentTitle(period)
        document.languageTag = words.language == .vi ? "vi-VN" : "en-GB"
        document.fontSize = Size.body
        document.add(headerBlock(words))
        var title = WordDocument.Paragraph(words.documentKind, bold: true, size: Size.body, alignment: .center)
        title.before = 360
        document.add(title)
        document.add(WordDocument.Paragraph(words.subject(period), bold: true, size: Size.body, alignment: .center))
        document.add(rule(width: 2400, in: WordDocument.textWidth))
        document.add(body(words.opening(period, asOf: change.asOf), before: 240))

        // I. Overall.
        document.add(heading(words.overallHeading))
        document.add(body(overallText(words)))
        document.add(body(inPeriodText(words)))
        document.add(body(words.pairNote, italic: true))

        // II. Plans.
        document.add(heading(words.plansHeading))
        for (position, section) in plans.enumerated() {
            var planHeading = body(headingText(position, section, words), bold: true, before: 200)
            planHeading.keepWithNext = true
            document.add(planHeading)
            var summary = body(words.planSummary(section.completion, section.previousCompletion, doneInPeriod: section.doneInPeriod))
            summary.keepWithNext = !section.rows.isEmpty
            document.add(summary)
            if section.rows.isEmpty {
                document.add(body(words.noTasks))
            } else {
                document.add(planTable(section, words))
            }
        }

        // III. Overdue.
        document.add(heading(words.overdueHeading))
        var overdueLead = body(words.overdueLead(newly: change.newlyOverdue.count, still: change.stillOverdue.count))
        overdueLead.keepWithNext = !overdue.isEmpty
        document.add(overdueLead)
        for (number, earlier) in [(1, false), (2, true)] {
            let groups = overdue.filter { $0.sinceEarlierPeriod == earlier }
            guard !groups.isEmpty else { continue }
            var part = body(words.overduePart(number, sinceEarlierPeriod: earlier), italic: true, before: 120)
            part.keepWithNext = true
            document.add(part)
            document.add(overdueTable(groups, words))
        }

        // IV. Not reported.
        document.add(heading(words.notReportedHeading))
        var missingLead = body(words.notReportedLead(missing.count, of: change.expectedReporters.count, period))
        missingLead.keepWithNext = !missing.isEmpty
        document.add(missingLead)
        if !missing.isEmpty { document.add(missingTable(words)) }

        // V. Indices.
        document.add(heading(words.indicesHeading))
        var indicesLead = body(words.indicesLead(targets.count))
        indicesLead.keepWithNext = !targets.isEmpty
        document.add(indicesLead)
        if !targets.isEmpty {
            document.add(indexTable(words))
            var rule = body(words.levelRule, italic: true)
            rule.runs = rule.runs.map {
                var run = $0
                run.size = Size.table
                return run
            }
            rule.before = 80
            document.add(rule)
        }

        document.add(body(words.closing(period), before: 120))
        document.add(signatureBlock(words))
        return document
    }

    // MARK: - Texts (the Word document's and the printable page's)

    /// Section I's first sentence: the completion and its change since the previous period's end.
    func overallText(_ words: ReportWords) -> String {
        words.overall(change.completion, asOf: change.asOf, change.previousCompletion, previousEnd: change.previousEnd)
    }

    /// Section I's second sentence: what was done and what fell overdue in the period.
    func inPeriodText(_ words: ReportWords) -> String {
        words.inPeriod(
            done: change.done.count, late: change.done.filter { $0.state == .doneLate }.count, newlyOverdue: change.newlyOverdue.count,
            stillOverdue: change.stillOverdue.count)
    }

    /// The heading of the plan at `position` in section II.
    func headingText(_ position: Int, _ section: PlanSection, _ words: ReportWords) -> String {
        let issuer = agencies[section.plan.issuer.value]?.name ?? section.plan.issuer.value.rawValue
        return words.planHeading(position + 1, plan: section.plan, issuer: issuer)
    }

    // MARK: - Blocks

    /// The borderless two-column table at the top: issuing body and number on the left, the
    /// national title, motto and the blank date on the right.
    func headerBlock(_ words: ReportWords) -> WordDocument.Table {
        let left = 3685, right = WordDocument.textWidth + 340 - 3685
        func line(_ text: String, bold: Bool = false, italic: Bool = false, size: Int = Size.header) -> WordDocument.Paragraph {
            WordDocument.Paragraph(text, bold: bold, italic: italic, size: size, alignment: .center)
        }
        var number = line(words.number)
        number.before = 120
        var date = line(words.placeAndDate(province: settings.province), italic: true, size: Size.body)
        date.before = 120
        let leftCell = [
            line(words.superior(province: settings.province)), line(words.issuer, bold: true),
            rule(width: 1100, in: left), number,
        ]
        let rightCell = [
            line(words.nation, bold: true, size: Size.nation), line(words.motto, bold: true, size: Size.header),
            rule(width: 3100, in: right), date,
        ]
        return WordDocument.Table(
            widths: [left, right], rows: [WordDocument.Row(cells: [.init(leftCell), .init(rightCell)])],
            bordered: false, cellMargin: 0)
    }

    /// An empty, thin paragraph with a rule under it, `width` long and centred in `space`.
    func rule(width: Int, in space: Int) -> WordDocument.Paragraph {
        var paragraph = WordDocument.Paragraph([WordDocument.Run("", size: 4)], alignment: .center)
        paragraph.rule = true
        paragraph.left = max(0, (space - width) / 2)
        paragraph.right = max(0, (space - width) / 2)
        paragraph.line = 240
        return paragraph
    }

    /// A section heading: bold capitals, kept with what follows, in the outline.
    func heading(_ text: String) -> WordDocument.Paragraph {
        var paragraph = WordDocument.Paragraph(text, bold: true, size: Size.body)
        paragraph.firstLine = 567
        paragraph.before = 120
        paragraph.after = 60
        paragraph.keepWithNext = true
        paragraph.outlineLevel = 0
        return paragraph
    }

    /// A paragraph of running text: justified, first line indented 1 cm, 6 pt after.
    func body(_ text: String, bold: Bool = false, italic: Bool = false, before: Int = 0) -> WordDocument.Paragraph {
        var paragraph = WordDocument.Paragraph(text, bold: bold, italic: italic, size: Size.body)
        paragraph.firstLine = 567
        paragraph.before = before
        paragraph.after = 120
        paragraph.line = 264
        return paragraph
    }

    /// A table cell of one paragraph in the tables' size.
    func cell(_ text: String, bold: Bool = false, italic: Bool = false, alignment: WordDocument.Alignment = .left, span: Int = 1) -> WordDocument.Cell {
        var paragraph = WordDocument.Paragraph(text, bold: bold, italic: italic, size: Size.table, alignment: alignment)
        paragraph.before = 40
        paragraph.after = 40
        return WordDocument.Cell([paragraph], span: span)
    }

    /// The heading row of a table.
    func headerRow(_ titles: [String]) -> WordDocument.Row {
        WordDocument.Row(cells: titles.map { cell($0, bold: true, alignment: .center) }, isHeader: true)
    }

    /// The text of a plan's table, one row per task: number, task, leads, deadline, done/all, done
    /// in the period, overdue. The Word table and the printable page's are both made from it.
    func planCells(_ section: PlanSection, _ words: ReportWords) -> [[String]] {
        section.rows.enumerated().map { position, row in
            [
                words.integer(position + 1), row.task.title, leadText(row.task, words), dueText(row, words),
                words.fraction(row.completion.done, row.completion.total), words.integer(row.doneInPeriod),
                words.integer(row.completion.count(.overdue)),
            ]
        }
    }

    /// The totals row of a plan's table: done/all, done in the period, overdue.
    func planTotals(_ section: PlanSection, _ words: ReportWords) -> [String] {
        [
            words.fraction(section.completion.done, section.completion.total), words.integer(section.doneInPeriod),
            words.integer(section.rows.reduce(0) { $0 + $1.completion.count(.overdue) }),
        ]
    }

    /// A plan's table: one row per task, then the totals.
    func planTable(_ section: PlanSection, _ words: ReportWords) -> WordDocument.Table {
        let cells = planCells(section, words), totals = planTotals(section, words)
        let alignments: [WordDocument.Alignment] = [.center, .left, .left, .center, .center, .center, .center]
        var rows = [headerRow(words.planColumns)]
        for texts in cells {
            rows.append(WordDocument.Row(cells: zip(texts, alignments).map { cell($0, alignment: $1) }))
        }
        rows.append(
            WordDocument.Row(
                cells: [cell(words.total, bold: true, alignment: .center, span: 4)] + totals.map { cell($0, bold: true, alignment: .center) }))
        return WordDocument.Table(widths: [700, 2704, 1500, 1450, 1050, 1050, 900], rows: rows)
    }

    /// The task's leads as the plan writes them: agencies by short name, groups by their kind.
    func leadText(_ task: PlanTask, _ words: ReportWords) -> String {
        task.lead.map { reference in
            switch reference.value {
            case .agency(let id): return agencyName(id)
            case .kind(let kind): return words.kind(kind)
            }
        }.joined(separator: "; ")
    }

    /// The deadline: a date for a one-off task, the rhythm (and this period's due day) for a recurring one.
    func dueText(_ row: TaskRow, _ words: ReportWords) -> String {
        guard let every = row.task.every else { return row.occurrences.first?.due?.vietnamese ?? words.noDue }
        let current = row.occurrences.filter { PeriodChange.falls($0, in: period) }.compactMap(\.due)
        guard !current.isEmpty else { return words.every(every) }
        return words.every(every) + "\n" + words.dueThisPeriod(current)
    }

    /// The text of an overdue group's row: number, task (with the occurrence of a recurring one),
    /// plan, the overdue leads, deadline.
    func overdueCells(_ group: OverdueGroup, position: Int, _ words: ReportWords) -> [String] {
        var title = group.task.title
        if let occurrence = group.occurrence.period { title += " " + words.occurrence(occurrence) }
        return [
            words.integer(position + 1), title, group.plan.number, group.agencies.map(agencyName).joined(separator: "; "),
            group.occurrence.due?.vietnamese ?? "",
        ]
    }

    /// Overdue task occurrences, one row each with their overdue leads.
    func overdueTable(_ groups: [OverdueGroup], _ words: ReportWords) -> WordDocument.Table {
        let alignments: [WordDocument.Alignment] = [.center, .left, .center, .left, .center]
        var rows = [headerRow(words.overdueColumns)]
        for (position, group) in groups.enumerated() {
            rows.append(WordDocument.Row(cells: zip(overdueCells(group, position: position, words), alignments).map { cell($0, alignment: $1) }))
        }
        return WordDocument.Table(widths: [700, 3000, 1700, 2504, 1450], rows: rows)
    }

    /// The text of a row of the agencies that have not reported: number, agency, open, overdue.
    func missingCells(_ entry: MissingReport, position: Int, _ words: ReportWords) -> [String] {
        [words.integer(position + 1), entry.agency.name, words.integer(entry.open), words.integer(entry.overdue)]
    }

    /// The agencies that have not reported.
    func missingTable(_ words: ReportWords) -> WordDocument.Table {
        let alignments: [WordDocument.Alignment] = [.center, .left, .center, .center]
        var rows = [headerRow(words.notReportedColumns)]
        for (position, entry) in missing.enumerated() {
            rows.append(WordDocument.Row(cells: zip(missingCells(entry, position: position, words), alignments).map { cell($0, alignment: $1) }))
        }
        return WordDocument.Table(widths: [700, 4854, 2000, 1800], rows: rows)
    }

    /// The text of an index target's row: number, measure, latest result, target, pace, level.
    func targetCells(_ position: Int, _ words: ReportWords) -> [String] {
        let (index, progress) = targets[position]
        let of = progress.measure == .rank ? progress.of : nil
        return [
            words.integer(position + 1), words.measure(index.short, progress.measure),
            progress.latest.map { words.valueInYear($0.value, year: $0.year, of: of) } ?? "–",
            words.valueInYear(progress.target, year: progress.year, of: of),
            words.pace(kept: progress.averageChange, needed: progress.neededChange), words.level(progress.level),
        ]
    }

    /// The indices' latest results against their targets.
    func indexTable(_ words: ReportWords) -> WordDocument.Table {
        let alignments: [WordDocument.Alignment] = [.center, .left, .center, .center, .center, .left]
        var rows = [headerRow(words.indexColumns)]
        for position in targets.indices {
            rows.append(WordDocument.Row(cells: zip(targetCells(position, words), alignments).map { cell($0, alignment: $1) }))
        }
        return WordDocument.Table(widths: [700, 1900, 1550, 1450, 1900, 1854], rows: rows)
    }

    /// "Nơi nhận" on the left, the signer's title and a blank name on the right, without borders.
    func signatureBlock(_ words: ReportWords) -> WordDocument.Table {
        var recipients = [WordDocument.Paragraph(words.recipientsTitle, bold: true, italic: true, size: Size.table, alignment: .left)]
        recipients[0].before = 120
        for line in words.recipients {
            recipients.append(WordDocument.Paragraph(line, size: Size.small, alignment: .left))
        }
        var signer = WordDocument.Paragraph(words.signer, bold: true, size: Size.body, alignment: .center)
        signer.before = 120
        var name = WordDocument.Paragraph(words.signerName, bold: true, size: Size.body, alignment: .center)
        name.before = 1440
        return WordDocument.Table(
            widths: [4677, 4677], rows: [WordDocument.Row(cells: [.init(recipients), .init([signer, name])])],
            bordered: false, cellMargin: 0)
    }

    /// An agency's short name, or its id when it is unknown.
    func agencyName(_ id: AgencyID) -> String { agencies[id]?.displayShort ?? id.rawValue }
}
