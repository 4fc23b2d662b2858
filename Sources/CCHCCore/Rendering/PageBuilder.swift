/// Turns the loaded, derived site into page contexts: every number and date is formatted here,
/// never in a template.
struct PageBuilder: Sendable {
    let loaded: LoadedSite
    let words: Words
    let format: Formatter
    /// Plan texts and notes as HTML.
    let texts: MarkdownTexts
    /// The orders and groupings that several pages use.
    let indexes: PageIndexes
    /// Links to agencies and tasks, by the depth of the linking page.
    let links: LinkTables

    var site: Site { loaded.site }
    var lookup: SiteLookup { loaded.lookup }
    var derivation: Derivation { loaded.derivation }
    /// Each agency's tasks as lead and as support, in plan order.
    var roles: [AgencyID: AgencyRoles] { indexes.roles.get() }
    /// The tasks that refer to each index, in plan and task order.
    var tasksServing: [IndexID: [TaskID]] { indexes.tasksServing.get() }
    /// Every counted update, newest first.
    var updatesNewestFirst: [UpdateReference] { indexes.updatesNewestFirst.get() }

    // MARK: - Small pieces

    func agencyName(_ id: AgencyID) -> String { lookup.agencies[id]?.name ?? id.rawValue }

    /// `{name, short, href}` of an agency, linked from `page`.
    ///
    /// This and ``taskLink(_:from:)`` hand out dictionaries shared by every page at the same depth:
    /// a caller that adds entries reserves room first, so the copy is made once, at its final size.
    func agency(_ id: AgencyID, from page: String) -> PageMap {
        links.agencies(from: page)?[id] ?? LinkTables.agency(id, lookup.agencies[id], root: SitePaths.root(of: page))
    }

    /// `{state, label}` of a derived state; `state` is the CSS modifier (`done-late`).
    func state(_ state: TaskState) -> PageMap {
        ["state": .text(state.rawValue), "label": .text(words.state(state))]
    }

    /// The deadline of a task in words.
    func dueText(_ task: PlanTask, occurrences: [Occurrence]) -> String {
        if let every = task.every {
            let what: String
            switch every {
            case .month: what = words.language == .vi ? "Hằng tháng" : "Monthly"
            case .quarter: what = words.language == .vi ? "Hằng quý" : "Quarterly"
            case .half: what = words.language == .vi ? "6 tháng một lần" : "Half-yearly"
            case .year: what = words.language == .vi ? "Hằng năm" : "Yearly"
            }
            guard let first = occurrences.first?.due, let last = occurrences.last?.due else { return what }
            return "\(what) (\(format.date(first)) – \(format.date(last)), \(occurrences.count) \(words.language == .vi ? "kỳ" : "times"))"
        }
        guard let due = task.due else { return words.table["no_due"]! }
        switch due {
        case .day(let day): return format.date(day)
        case .period(let period): return "\(words.period(period)) (\(format.date(period.lastDay)))"
        }
    }

    /// The label of an occurrence: its period for a recurring task, its deadline otherwise.
    func occurrenceLabel(_ occurrence: Occurrence) -> String {
        if let period = occurrence.period { return words.period(period) }
        return occurrence.due.map(format.date) ?? words.table["no_due"]!
    }

    /// The state to show for one lead on a task: overdue if any occurrence is, else the occurrence in focus
    /// (the last one due by the reporting date, or the first one).
    func summaryState(_ pairs: ArraySlice<PairState>) -> TaskState {
        if pairs.contains(where: { $0.state == .overdue }) { return .overdue }
        let due = pairs.last { ($0.occurrence.due ?? .init(year: 9999, month: 12, day: 31)!) <= derivation.asOf }
        return (due ?? pairs.first)?.state ?? .noReport
    }

    /// How urgent a state is, for "overdue first" lists.
    static func urgency(_ state: TaskState) -> Int {
        switch state {
        case .overdue: return 0
        case .inProgress: return 1
        case .notStarted: return 2
        case .noReport: return 3
        case .doneLate: return 4
        case .done: return 5
        case .dropped: return 6
        }
    }

    /// `{done, total, percent, counts: [{state,label,count}]}` of a completion tally.
    func completion(_ completion: Completion?) -> PageMap {
        let c = completion ?? Completion()
        return [
            "done": .text(format.integer(c.done)), "total": .text(format.integer(c.total)), "percent": .text(format.percent(c.share)),
            "overdue": .text(format.integer(c.count(.overdue))), "has_overdue": .flag(c.count(.overdue) > 0), "counts": .maps(counts(c)),
        ]
    }

    /// `[{state, label, count}]` of the states a tally has, in the order of ``TaskState``.
    func counts(_ c: Completion) -> [PageMap] {
        TaskState.allCases.compactMap { s in
            let n = c.count(s)
            return n == 0 ? nil : ["state": .text(s.rawValue), "label": .text(words.state(s)), "count": .text(format.integer(n))]
        }
    }

    /// `{title, href}` of a task.
    func taskLink(_ id: TaskID, from page: String) -> PageMap {
        links.tasks(from: page)?[id]
            ?? LinkTables.task(id, lookup.tasks[id], plan: lookup.plans[id.plan], root: SitePaths.root(of: page))
    }

    /// One update as lists show it.
    func update(_ reference: UpdateReference, from page: String) -> PageMap {
        let report = site.reports[reference.report]
        let update = report.updates[reference.update]
        let task = update.task.value
        let isLead = derivation.tasks[task]?.leads.contains(report.agency.value) ?? false
        var out: PageMap = [
            "agency": .map(agency(report.agency.value, from: page)),
            "reported": .text(format.date(report.reported.value)),
            "reported_iso": .text(report.reported.value.iso),
            "report_period": .text(words.period(report.period)),
            "status": ["state": .text(update.status.rawValue), "label": .text(words.status(update.status))],
            "task": .map(taskLink(task, from: page)),
            "anchor": "cap-nhat-\(reference.report)-\(reference.update)",
            "role": .text(isLead ? words.table["lead"]! : words.table["support"]!),
        ]
        out.reserveCapacity(14)
        if let percent = update.percent { out["percent"] = .text(format.score(percent) + "%") }
        if let completed = update.completed { out["completed"] = .text(format.date(completed)) }
        if let period = update.period, lookup.tasks[task]?.every != nil {
            out["period"] = .text(words.period(period.value))
        }
        if let note = texts.note(reference) { out["note_html"] = .text(note) }
        if !update.evidence.isEmpty {
            let evidence: [PageMap] = update.evidence.map { item in
                [
                    "title": .text(item.title), "local": .flag(item.isLocalFile),
                    "href": .text(item.isLocalFile ? SitePaths.link(from: page, to: item.url) : item.url),
                ]
            }
            out["evidence"] = .maps(evidence)
            out["has_evidence"] = true
        }
        return out
    }

    /// Sorts every counted update of `loaded`, newest first (reported, then path, then position, reversed).
    static func newestFirst(_ loaded: LoadedSite) -> [UpdateReference] {
        let site = loaded.site, derivation = loaded.derivation
        var all: [UpdateReference] = []
        for (r, report) in site.reports.enumerated() where !derivation.ignoredReports.contains(r) {
            for u in report.updates.indices { all.append(UpdateReference(report: r, update: u)) }
        }
        return all.sorted { a, b in
            let ra = site.reports[a.report], rb = site.reports[b.report]
            if ra.reported.value != rb.reported.value { return ra.reported.value > rb.reported.value }
            if ra.path != rb.path { return rb.path.utf8Precedes(ra.path) }
            return a.update > b.update
        }
    }

    /// A row for a task in a plan's or an index's table: title, deadline, each lead's state.
    func taskRow(_ task: PlanTask, from page: String) -> PageMap {
        let derived = derivation.tasks[task.id]!
        let plan = lookup.plans[task.id.plan]!
        var tally = Completion()
        let leads: [PageMap] = derived.leads.enumerated().map { position, id in
            let pairs = derived.pairs(ofLeadAt: position)
            var entry = agency(id, from: page)
            entry.reserveCapacity(6)
            let summary = summaryState(pairs)
            tally.add(summary)
            entry["status"] = .map(state(summary))
            if pairs.count > 1 {
                entry["tally"] = "\(pairs.count { $0.state.isDone })/\(pairs.count)"
            }
            return entry
        }
        var row = taskLink(task.id, from: page)
        row.reserveCapacity(16)
        row["id"] = .text(task.id.local)
        row["due"] = .text(dueText(task, occurrences: derived.occurrences))
        row["leads"] = .maps(leads)
        if leads.count > 6 {
            // A `kind:` group makes long lists: show the tally, with the list folded under it.
            row["many_leads"] = true
            row["lead_count"] = .text(format.integer(leads.count))
            row["lead_summary"] = .maps(counts(tally))
        }
        row["completion"] = .map(completion(derived.completion))
        row["plan_issued"] = .text(format.date(plan.issued))
        if let section = task.section { row["section"] = .text(section) }
        if let target = task.target { row["task_target"] = .text(target) }
        return row
    }
}

/// What several pages share: each agency's roles, the tasks serving each index, the updates
/// newest first. A full build makes them up front; the preview when a page first needs one.
final class PageIndexes: Sendable {
    /// The number of counted updates (those of reports that are not ignored).
    let countedUpdates: Int
    /// ``AgencyRoles/all(_:)``.
    let roles: Once<[AgencyID: AgencyRoles]>
    /// ``AgencyRoles/tasksServing(_:)``.
    let tasksServing: Once<[IndexID: [TaskID]]>
    /// ``PageBuilder/newestFirst(_:)``.
    let updatesNewestFirst: Once<[UpdateReference]>

    /// The indexes of `loaded`, each made when first asked for (a full build asks for all of them at once).
    init(_ loaded: LoadedSite) {
        var counted = 0
        for (r, report) in loaded.site.reports.enumerated() where !loaded.derivation.ignoredReports.contains(r) {
            counted += report.updates.count
        }
        countedUpdates = counted
        roles = Once { AgencyRoles.all(loaded) }
        tasksServing = Once { AgencyRoles.tasksServing(loaded.site) }
        updatesNewestFirst = Once { PageBuilder.newestFirst(loaded) }
    }
}

/// The tasks an agency leads and supports, found once for all agency pages.
struct AgencyRoles: Sendable {
    var lead: [TaskID] = []
    var leadSet: Set<TaskID> = []
    var support: [TaskID] = []

    /// Every agency's roles, in plan and task order.
    static func all(_ loaded: LoadedSite) -> [AgencyID: AgencyRoles] {
        var out: [AgencyID: AgencyRoles] = [:]
        for plan in loaded.site.plans {
            for task in plan.tasks {
                guard let derived = loaded.derivation.tasks[task.id] else { continue }
                for id in derived.leads {
                    out[id, default: AgencyRoles()].lead.append(task.id)
                    out[id, default: AgencyRoles()].leadSet.insert(task.id)
                }
                for id in derived.supports where !derived.leads.contains(id) {
                    out[id, default: AgencyRoles()].support.append(task.id)
                }
            }
        }
        return out
    }
}

extension AgencyRoles {
    /// The tasks that refer to each index in any way, in plan and task order.
    static func tasksServing(_ site: Site) -> [IndexID: [TaskID]] {
        var out: [IndexID: [TaskID]] = [:]
        for plan in site.plans {
            for task in plan.tasks {
                var seen = Set<IndexID>()
                for reference in task.index where seen.insert(reference.value.index).inserted {
                    out[reference.value.index, default: []].append(task.id)
                }
            }
        }
        return out
    }
}
