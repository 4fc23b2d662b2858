extension PageBuilder {
    /// `/co-quan/`: a table of all agencies with completion and overdue counts, in file order.
    func agenciesPage() -> Page {
        let page = SitePaths.agencies
        var groups: [AgencyGroup] = []
        for kind in AgencyKind.allCases {
            let members = site.agencies.filter { $0.kind == kind }
            guard !members.isEmpty else { continue }
            let rows = members.map { member in
                AgencyListRow(
                    agency: agency(member.id, from: page), completion: completion(derivation.agencies[member.id]),
                    hasTasks: (derivation.agencies[member.id]?.total ?? 0) > 0,
                    replacedBy: member.replacedBy.map { agency($0, from: page) })
            }
            groups.append(AgencyGroup(kind: kind.rawValue, label: words.kind(kind), agencies: rows))
        }
        return Page(
            path: page, template: "agencies", title: words.agencies,
            breadcrumbs: [(words.agencies, page)], model: AgencyListPage(groups: groups))
    }

    /// `/co-quan/<agency>/`: its tasks as lead and as support, overdue first, and its completion.
    func agencyPage(_ member: Agency) -> Page {
        let page = SitePaths.agency(member.id)
        var leadRows: [(state: TaskState, due: Day?, task: TaskID, row: LeadTaskRow)] = []
        var supportRows: [SupportTaskRow] = []
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
                    let latest = derived.updates.last { site.reports[$0.report].agency.value == member.id }
                    let row = LeadTaskRow(
                        task: taskLink(task.id, from: page), due: dueText(task, occurrences: derived.occurrences),
                        status: state(summary),
                        tally: pairs.count > 1 ? "\(pairs.count { $0.state.isDone })/\(pairs.count)" : nil,
                        latest: latest.map { update($0, from: page) })
                    let due = pairs.first(where: { $0.state == summary })?.occurrence.due
                    leadRows.append((summary, due, task.id, row))
                } else {
                    supportRows.append(
                        SupportTaskRow(
                            task: taskLink(task.id, from: page), due: dueText(task, occurrences: derived.occurrences),
                            leads: derived.leads.map { agency($0, from: page) },
                            completion: completion(derived.completion)))
                }
            }
        }
        leadRows.sort { a, b in Attention.leadTaskPrecedes((a.state, a.due, a.task), (b.state, b.due, b.task)) }
        if let plan = currentPlan, tally.total > 0 { byPlan.append((lookup.plans[plan]?.number ?? plan.rawValue, tally)) }
        let charts = AgencyCharts(
            ring: ring(derivation.agencies[member.id], id: "bieu-do-hoan-thanh", title: words.completion),
            states: stateBars(byPlan, id: "bieu-do-tinh-trang", title: "\(words.state) – \(words.plans)", header: words.plans),
            timeline: timeline(dated, id: "bieu-do-thoi-han", title: words.due))
        let predecessors = (lookup.predecessors[member.id] ?? []).map { agency($0, from: page) }
        let model = AgencyPage(
            agency: agency(member.id, from: page), charts: charts, kind: words.kind(member.kind),
            completion: completion(derivation.agencies[member.id]),
            leadTasks: leadRows.map(\.row), hasLeadTasks: !leadRows.isEmpty,
            supportTasks: supportRows, hasSupportTasks: !supportRows.isEmpty,
            aliases: member.aliases.isEmpty ? nil : member.aliases.joined(separator: "; "),
            replacedBy: member.replacedBy.map { agency($0, from: page) },
            replaces: predecessors.isEmpty ? nil : predecessors, currentPeriod: periodFigures(of: member.id, from: page),
            embed: embedSnippet(SitePaths.embedAgency(member.id), title: member.name, image: .agency(member.id), from: page))
        return Page(
            path: page, template: "agency", title: member.name,
            breadcrumbs: [(words.agencies, SitePaths.agencies), (member.name, page)], model: model)
    }
}
