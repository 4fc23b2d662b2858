import CCHCFormat

/// Turns the loaded, derived site into page contexts: every number and date is formatted here,
/// never in a template.
struct PageBuilder: Sendable {
    let loaded: LoadedSite
    let words: Words
    let format: NumberText
    /// Plan texts and notes as HTML.
    let texts: MarkdownTexts
    /// The orders and groupings that several pages use.
    let indexes: PageIndexes
    /// Links to agencies and tasks, by the depth of the linking page.
    let links: LinkTables
    /// `base_url` (or the preview's own), for the absolute addresses of the embeds.
    let base: String

    var site: Site { loaded.site }
    var lookup: SiteLookup { loaded.lookup }
    var derivation: Derivation { loaded.derivation }
    /// Each agency's tasks as lead and as support, in plan order.
    var roles: [AgencyID: AgencyRoles] { indexes.roles.get() }
    /// The tasks that refer to each index, in plan and task order.
    var tasksServing: [IndexID: [TaskID]] { indexes.tasksServing.get() }
    /// Every counted update, newest first.
    var updatesNewestFirst: [UpdateReference] { indexes.updatesNewestFirst.get() }
    /// What changed in each period with a page, newest first.
    var periods: PeriodHistory { indexes.periods.get() }

    // MARK: - Small pieces

    func agencyName(_ id: AgencyID) -> String { lookup.agencies[id]?.name ?? id.rawValue }

    /// An agency linked from `page` (shared by every page at the same depth, see ``LinkTables``).
    func agency(_ id: AgencyID, from page: String) -> AgencyLink {
        links.agencies(from: page)?[id] ?? LinkTables.agency(id, lookup.agencies[id], root: SitePaths.root(of: page))
    }

    /// A derived state and its words; `state` is the CSS modifier (`done-late`).
    func state(_ state: TaskState) -> StateLabel {
        StateLabel(state: state.rawValue, label: words.state(state))
    }

    /// The deadline of a task in words.
    func dueText(_ task: PlanTask, occurrences: [Occurrence]) -> String {
        if let every = task.every {
            guard let first = occurrences.first?.due, let last = occurrences.last?.due else { return words.recurrence(every) }
            return words.recurringDeadlines(every, first: format.date(first), last: format.date(last), count: occurrences.count)
        }
        guard let due = task.due else { return words.noDue }
        switch due {
        case .day(let day): return format.date(day)
        case .period(let period): return "\(words.period(period)) (\(format.date(period.lastDay)))"
        }
    }

    /// The label of an occurrence: its period for a recurring task, its deadline otherwise.
    func occurrenceLabel(_ occurrence: Occurrence) -> String {
        if let period = occurrence.period { return words.period(period) }
        return occurrence.due.map(format.date) ?? words.noDue
    }

    /// The state to show for one lead on a task (``Attention/shownState(of:asOf:)``).
    func summaryState(_ pairs: ArraySlice<PairState>) -> TaskState {
        Attention.shownState(of: pairs, asOf: derivation.asOf)
    }

    /// The figures of a completion tally (none: an empty one).
    func completion(_ completion: Completion?) -> CompletionFigures {
        let c = completion ?? Completion()
        return CompletionFigures(
            done: format.integer(c.done), total: format.integer(c.total), percent: format.percent(c.share),
            overdue: format.integer(c.count(.overdue)), hasOverdue: c.count(.overdue) > 0, counts: counts(c))
    }

    /// The states a tally has, in the order of ``TaskState``, with their counts.
    func counts(_ c: Completion) -> [StateCount] {
        TaskState.allCases.compactMap { s in
            let n = c.count(s)
            return n == 0 ? nil : StateCount(state: s.rawValue, label: words.state(s), count: format.integer(n))
        }
    }

    /// A task linked from `page`.
    func taskLink(_ id: TaskID, from page: String) -> TaskLink {
        links.tasks(from: page)?[id]
            ?? LinkTables.task(id, lookup.tasks[id], plan: lookup.plans[id.plan], root: SitePaths.root(of: page))
    }

    /// One update as lists show it.
    func update(_ reference: UpdateReference, from page: String) -> UpdateEntry {
        let report = site.reports[reference.report]
        let update = report.updates[reference.update]
        let task = update.task.value
        let isLead = derivation.tasks[task]?.leads.contains(report.agency.value) ?? false
        var entry = UpdateEntry(
            agency: agency(report.agency.value, from: page), reported: format.date(report.reported.value),
            reportedIso: report.reported.value.iso, reportPeriod: words.period(report.period),
            status: StateLabel(state: update.status.rawValue, label: words.status(update.status)),
            task: taskLink(task, from: page), anchor: "cap-nhat-\(reference.report)-\(reference.update)",
            role: isLead ? words.lead : words.support)
        entry.percent = update.percent.map { format.score($0) + "%" }
        entry.completed = update.completed.map(format.date)
        if let period = update.period, lookup.tasks[task]?.every != nil { entry.period = words.period(period.value) }
        entry.noteHTML = texts.note(reference)
        if !update.evidence.isEmpty {
            entry.evidence = update.evidence.map { item in
                EvidenceLink(
                    title: item.title, local: item.isLocalFile,
                    href: item.isLocalFile ? SitePaths.link(from: page, to: item.url) : item.url)
            }
            entry.hasEvidence = true
        }
        return entry
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
    func taskRow(_ task: PlanTask, from page: String) -> TaskRow {
        let derived = derivation.tasks[task.id]!
        let plan = lookup.plans[task.id.plan]!
        var tally = Completion()
        let leads: [LeadState] = derived.leads.enumerated().map { position, id in
            let pairs = derived.pairs(ofLeadAt: position)
            let summary = summaryState(pairs)
            tally.add(summary)
            return LeadState(
                agency: agency(id, from: page), status: state(summary),
                tally: pairs.count > 1 ? "\(pairs.count { $0.state.isDone })/\(pairs.count)" : nil)
        }
        var row = TaskRow(
            task: taskLink(task.id, from: page), id: task.id.local, due: dueText(task, occurrences: derived.occurrences),
            leads: leads, completion: completion(derived.completion), planIssued: format.date(plan.issued),
            section: task.section, taskTarget: task.target)
        if leads.count > 6 {
            // A `kind:` group makes long lists: show the tally, with the list folded under it.
            row.manyLeads = true
            row.leadCount = format.integer(leads.count)
            row.leadSummary = counts(tally)
        }
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
    /// What changed in each period with a page (``PeriodHistory``).
    let periods: Once<PeriodHistory>

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
        periods = Once { PeriodHistory(loaded) }
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
