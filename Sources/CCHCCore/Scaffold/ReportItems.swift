/// The task occurrences an agency has to report on in a period: the one list behind
/// `cchc new report` (a YAML skeleton) and `cchc forms` (an Excel form).
///
/// Which task occurrences are listed (the agency leads or supports the task, directly or through
/// `kind:`; the plan was issued by the period's last day):
/// - a one-off task, unless it is already closed for the agency: for a lead, its own pair is done,
///   done late or dropped; for a support, its own latest update says done or dropped, or every lead
///   pair is closed. Tasks due before the period that are still open (overdue) are listed too: they
///   still need reporting.
/// - a recurring task: each occurrence whose period overlaps the report's period (the months, quarters
///   … inside it, or the longer occurrence that contains it), unless closed for the agency as above.
///
/// States are those of the site's own reporting date; nothing reads the wall clock.
enum ReportItems {
    /// One listed occurrence.
    struct Item {
        var plan: Plan
        var task: PlanTask
        var occurrence: Occurrence
        var isLead: Bool
        /// The lead's own derived state (leads only).
        var state: TaskState?
        /// The states of the lead pairs of the occurrence (supports only).
        var leadSummary: Completion?
        /// The agency's own latest update on this occurrence.
        var previous: TaskUpdate?
    }

    /// The open occurrences of `agency` in `period`, in plan and task order.
    static func open(_ loaded: LoadedSite, agency: AgencyID, period: Period) -> [Item] {
        all(loaded, period: period, only: [agency])[agency] ?? []
    }

    /// The open occurrences in `period` of every agency (or of the agencies in `only`), each
    /// agency's in plan and task order. One pass over the plans, so a form for each of thousands
    /// of agencies costs one walk, not one per agency.
    static func all(_ loaded: LoadedSite, period: Period, only: Set<AgencyID>? = nil) -> [AgencyID: [Item]] {
        let site = loaded.site, lookup = loaded.lookup, derivation = loaded.derivation
        var out: [AgencyID: [Item]] = [:]
        for plan in site.plans where plan.issued <= period.lastDay {
            for task in plan.tasks {
                guard let derived = derivation.tasks[task.id] else { continue }
                let occurrences = derived.occurrences.filter { occurrence in
                    guard let every = occurrence.period else { return true }
                    return every.firstDay <= period.lastDay && period.firstDay <= every.lastDay
                }
                guard !occurrences.isEmpty else { continue }
                var roles: [(AgencyID, Bool)] = []
                var seen = Set<AgencyID>()
                for id in lookup.expand(task.lead) where only?.contains(id) ?? true {
                    if seen.insert(id).inserted { roles.append((id, true)) }
                }
                for id in lookup.expand(task.support) where only?.contains(id) ?? true {
                    if seen.insert(id).inserted { roles.append((id, false)) }
                }
                guard !roles.isEmpty else { continue }
                // Each agency's latest update, for the task and per occurrence: `updates` is in
                // latest-update order, so the last one written wins.
                var latest: [AgencyID: TaskUpdate] = [:]
                var latestInPeriod: [AgencyID: [Period: TaskUpdate]] = [:]
                for reference in derived.updates {
                    let report = site.reports[reference.report]
                    let update = report.updates[reference.update]
                    let agency = report.agency.value
                    guard seen.contains(agency) else { continue }
                    latest[agency] = update
                    if let period = update.period?.value { latestInPeriod[agency, default: [:]][period] = update }
                }
                // The lead pairs of each listed occurrence, in one walk over the task's pairs.
                var pairsOf: [Occurrence: [PairState]] = [:]
                let listed = Set(occurrences)
                for pair in derived.pairs where listed.contains(pair.occurrence) { pairsOf[pair.occurrence, default: []].append(pair) }
                for occurrence in occurrences {
                    let pairs = pairsOf[occurrence] ?? []
                    var leadStates: [AgencyID: TaskState] = [:]
                    var summary = Completion()
                    for pair in pairs {
                        summary.add(pair.state)
                        if leadStates[pair.agency] == nil { leadStates[pair.agency] = pair.state }
                    }
                    let allClosed = summary.total > 0 && summary.done + summary.count(.dropped) == summary.total
                    for (agency, isLead) in roles {
                        let previous: TaskUpdate?
                        if let every = occurrence.period { previous = latestInPeriod[agency]?[every] } else { previous = latest[agency] }
                        var item = Item(plan: plan, task: task, occurrence: occurrence, isLead: isLead, state: nil, leadSummary: nil, previous: previous)
                        if isLead {
                            let state = leadStates[agency]
                            if let state, state.isDone || state == .dropped { continue }
                            item.state = state
                        } else {
                            if let status = previous?.status, status == .done || status == .dropped { continue }
                            if allClosed { continue }
                            item.leadSummary = summary
                        }
                        out[agency, default: []].append(item)
                    }
                }
            }
        }
        return out
    }
}
