extension PageBuilder {
    /// `/co-quan/`: a table of all agencies with completion and overdue counts, in file order.
    func agenciesPage() -> Page {
        let page = SitePaths.agencies
        var groups: [PageMap] = []
        for kind in AgencyKind.allCases {
            let members = site.agencies.filter { $0.kind == kind }
            guard !members.isEmpty else { continue }
            let rows: [PageMap] = members.map { member in
                var row = agency(member.id, from: page)
                row.reserveCapacity(8)
                row["completion"] = .map(completion(derivation.agencies[member.id]))
                row["has_tasks"] = .flag((derivation.agencies[member.id]?.total ?? 0) > 0)
                if let next = member.replacedBy { row["replaced_by"] = .map(agency(next, from: page)) }
                return row
            }
            groups.append(["kind": .text(kind.rawValue), "label": .text(words.kind(kind)), "agencies": .maps(rows)])
        }
        return Page(
            path: page, template: "agencies", title: words.table["agencies"]!,
            breadcrumbs: [(words.table["agencies"]!, page)], context: ["groups": .maps(groups)])
    }

    /// `/co-quan/<agency>/`: its tasks as lead and as support, overdue first, and its completion.
    func agencyPage(_ member: Agency) -> Page {
        let page = SitePaths.agency(member.id)
        var leadRows: [(Int, Day?, TaskID, PageMap)] = []
        var supportRows: [(TaskID, PageMap)] = []
        let roles = self.roles[member.id] ?? AgencyRoles()
        // State bars by plan and the deadline timeline, from the agency's own lead tasks only
        // (which come in plan order), gathered in the same pass.
        var byPlan: [(String, Completion?)] = []
        var dated: [(String, Day, TaskState)] = []
        var currentPlan: PlanID?
        var tally = Completion()
        for (position, taskID) in (roles.lead + roles.support).enumerated() {
            do {
                let task = lookup.tasks[taskID]!
                let derived = derivation.tasks[task.id]!
                if position < roles.lead.count {
                    if taskID.plan != currentPlan {
                        if let plan = currentPlan, tally.total > 0 { byPlan.append((lookup.plans[plan]?.number ?? plan.rawValue, tally)) }
                        currentPlan = taskID.plan
                        tally = Completion()
                    }
                    for pair in derived.pairs(of: member.id) {
                        tally.add(pair.state)
                        if let due = pair.occurrence.due {
                            let name = pair.occurrence.period.map { "\(task.title) (\(words.period($0)))" } ?? task.title
                            dated.append((name, due, pair.state))
                        }
                    }
                }
                if roles.leadSet.contains(task.id) {
                    let pairs = derived.pairs(of: member.id)
                    let summary = summaryState(pairs)
                    var row = taskLink(task.id, from: page)
                    row.reserveCapacity(12)
                    row["due"] = .text(dueText(task, occurrences: derived.occurrences))
                    row["status"] = .map(state(summary))
                    if pairs.count > 1 { row["tally"] = "\(pairs.count { $0.state.isDone })/\(pairs.count)" }
                    if let latest = derived.updates.last(where: { site.reports[$0.report].agency.value == member.id }) {
                        row["latest"] = .map(update(latest, from: page))
                    }
                    let due = pairs.first(where: { $0.state == summary })?.occurrence.due
                    leadRows.append((PageBuilder.urgency(summary), due, task.id, row))
                } else {
                    var row = taskLink(task.id, from: page)
                    row.reserveCapacity(10)
                    row["due"] = .text(dueText(task, occurrences: derived.occurrences))
                    row["leads"] = .maps(derived.leads.map { agency($0, from: page) })
                    row["completion"] = .map(completion(derived.completion))
                    supportRows.append((task.id, row))
                }
            }
        }
        leadRows.sort { a, b in
            if a.0 != b.0 { return a.0 < b.0 }
            let far = Day(year: 9999, month: 12, day: 31)!
            if (a.1 ?? far) != (b.1 ?? far) { return (a.1 ?? far) < (b.1 ?? far) }
            return a.2 < b.2
        }
        var context = agency(member.id, from: page)
        context.reserveCapacity(16)
        if let plan = currentPlan, tally.total > 0 { byPlan.append((lookup.plans[plan]?.number ?? plan.rawValue, tally)) }
        var charts: PageMap = ["ring": .html(ring(derivation.agencies[member.id], id: "bieu-do-hoan-thanh", title: words.table["completion"]!))]
        charts["states"] = stateBars(
            byPlan, id: "bieu-do-tinh-trang", title: "\(words.table["state"]!) – \(words.table["plans"]!)", header: words.table["plans"]!
        ).map(PageValue.html)
        charts["timeline"] = timeline(dated, id: "bieu-do-thoi-han", title: words.table["due"]!).map(PageValue.html)
        context["charts"] = .map(charts)
        context["kind"] = .text(words.kind(member.kind))
        context["completion"] = .map(completion(derivation.agencies[member.id]))
        context["lead_tasks"] = .maps(leadRows.map(\.3))
        context["has_lead_tasks"] = .flag(!leadRows.isEmpty)
        context["support_tasks"] = .maps(supportRows.map(\.1))
        context["has_support_tasks"] = .flag(!supportRows.isEmpty)
        if !member.aliases.isEmpty { context["aliases"] = .text(member.aliases.joined(separator: "; ")) }
        if let next = member.replacedBy { context["replaced_by"] = .map(agency(next, from: page)) }
        let predecessors = (lookup.predecessors[member.id] ?? []).map { agency($0, from: page) }
        if !predecessors.isEmpty { context["replaces"] = .maps(predecessors) }
        return Page(
            path: page, template: "agency", title: member.name,
            breadcrumbs: [(words.table["agencies"]!, SitePaths.agencies), (member.name, page)], context: context)
    }
}
