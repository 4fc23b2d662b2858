extension PageBuilder {
    /// `/ke-hoach/`: every plan with its completion.
    func plansPage() -> Page {
        let page = SitePaths.plans
        let rows = site.plans.map { plan in
            PlanListRow(
                href: SitePaths.link(from: page, to: SitePaths.plan(plan.id)), number: plan.number, title: plan.title,
                issuer: agency(plan.issuer.value, from: page), issued: format.date(plan.issued),
                tasks: format.integer(plan.tasks.count), completion: completion(derivation.plans[plan.id]),
                parent: plan.parent.flatMap { lookup.plans[$0.value] }.map { parent in
                    ParentPlan(number: parent.number, href: SitePaths.link(from: page, to: SitePaths.plan(parent.id)))
                })
        }
        return Page(
            path: page, template: "plans", title: words.plans,
            breadcrumbs: [(words.plans, page)], model: PlanListPage(plans: rows, hasPlans: !rows.isEmpty))
    }

    /// `/ke-hoach/<plan>/`: the plan's facts, its text with a table of contents, its tasks.
    ///
    /// The page's own ids start with `_`, which no slug can, so they never clash with the ids of
    /// the plan text's headings.
    func planPage(_ plan: Plan) -> Page {
        let page = SitePaths.plan(plan.id)
        let text = texts.plan(plan)
        var byLead: [AgencyID: Completion] = [:]
        var leadOrder: [AgencyID] = []
        var dated: [(String, Day, TaskState)] = []
        for task in plan.tasks {
            let derived = derivation.tasks[task.id]!
            for pair in derived.pairs {
                if byLead[pair.agency] == nil { leadOrder.append(pair.agency) }
                byLead[pair.agency, default: Completion()].add(pair.state)
            }
            for occurrence in derived.occurrences {
                guard let due = occurrence.due else { continue }
                let states = derived.pairs.lazy.filter { $0.occurrence == occurrence }.map(\.state)
                guard let worst = Attention.worst(states) else { continue }
                let name = occurrence.period.map { "\(task.title) (\(words.period($0)))" } ?? task.title
                dated.append((name, due, worst))
            }
        }
        let charts = PlanCharts(
            states: stateBars(
                leadOrder.map { (lookup.agencies[$0]?.displayShort ?? $0.rawValue, byLead[$0]) },
                id: "_bieu-do-tinh-trang", title: "\(words.state) – \(words.lead)", header: words.lead),
            timeline: timeline(dated, id: "_bieu-do-thoi-han", title: words.due))
        let children = (lookup.children[plan.id] ?? []).compactMap { lookup.plans[$0] }.map { child in
            ChildPlan(
                number: child.number, title: child.title, href: SitePaths.link(from: page, to: SitePaths.plan(child.id)),
                issuer: agency(child.issuer.value, from: page))
        }
        let indices = plan.indices.compactMap { lookup.indices[$0.value] }.map { index in
            IndexLink(short: index.short, name: index.name, href: SitePaths.link(from: page, to: SitePaths.index(index.id)))
        }
        let toc = text.headings.filter { $0.level <= 3 }.map { TOCEntry(id: $0.id, text: $0.text, level: String($0.level)) }
        let model = PlanPage(
            id: plan.id.rawValue, number: plan.number, title: plan.title, issuer: agency(plan.issuer.value, from: page),
            issued: format.date(plan.issued), completion: completion(derivation.plans[plan.id]),
            tasks: plan.tasks.map { taskRow($0, from: page) }, hasTasks: !plan.tasks.isEmpty,
            toc: toc, hasToc: !toc.isEmpty, bodyHTML: labelTaskBoxes(text.html), hasBody: !text.html.isEmpty, charts: charts,
            parent: plan.parent.flatMap { lookup.plans[$0.value] }.map { parent in
                PlanLink(number: parent.number, title: parent.title, href: SitePaths.link(from: page, to: SitePaths.plan(parent.id)))
            },
            children: children.isEmpty ? nil : children, hasChildren: children.isEmpty ? nil : true,
            indices: indices.isEmpty ? nil : indices,
            embed: embedSnippet(SitePaths.embedPlan(plan.id), title: plan.number, image: .plan(plan.id), from: page))
        return Page(
            path: page, template: "plan", title: "\(plan.number): \(plan.title)",
            breadcrumbs: [(words.plans, SitePaths.plans), (plan.number, page)], model: model)
    }

    /// `/nhiem-vu/<plan>/<task>/`: everything about one task.
    func taskPage(_ task: PlanTask) -> Page {
        let page = SitePaths.task(task.id)
        let plan = lookup.plans[task.id.plan]!
        let derived = derivation.tasks[task.id]!
        let pairs = derived.pairs.map { pair in
            var row = PairRow(
                agency: agency(pair.agency, from: page), occurrence: occurrenceLabel(pair.occurrence),
                due: pair.occurrence.due.map(format.date) ?? words.noDue, status: state(pair.state))
            if let latest = pair.latest {
                let update = site.reports[latest.report].updates[latest.update]
                row.percent = update.percent.map { format.score($0) + "%" }
                if let completed = update.completed, pair.state.isDone { row.completed = format.date(completed) }
                row.reported = format.date(site.reports[latest.report].reported.value)
            }
            return row
        }
        var references: [IndexReferenceLink] = []
        for reference in task.index {
            guard let index = lookup.indices[reference.value.index] else { continue }
            var label = index.short
            var anchor = ""
            switch reference.value {
            case .index: break
            case .area(_, let area):
                label += " – " + (index.area(area)?.name ?? area)
                anchor = "#linh-vuc-\(area)"
            case .criterion(_, let code):
                label += " – \(words.criterion) \(code)" + (index.criterion(code).map { ": " + $0.criterion.name } ?? "")
                anchor = "#tieu-chi-\(Slug.make(code))"
            }
            references.append(IndexReferenceLink(label: label, href: SitePaths.link(from: page, to: SitePaths.index(index.id)) + anchor))
        }
        let model = TaskPage(
            id: task.id.description, title: task.title,
            plan: PlanLink(number: plan.number, title: plan.title, href: SitePaths.link(from: page, to: SitePaths.plan(plan.id))),
            leads: derived.leads.map { agency($0, from: page) }, supports: derived.supports.map { agency($0, from: page) },
            hasSupports: !derived.supports.isEmpty, due: dueText(task, occurrences: derived.occurrences), recurring: task.every != nil,
            pairs: pairs, completion: completion(derived.completion),
            updates: derived.updates.map { update($0, from: page) }, hasUpdates: !derived.updates.isEmpty,
            indices: references, hasIndices: !references.isEmpty, target: task.target, section: task.section)
        return Page(
            path: page, template: "task", title: task.title,
            breadcrumbs: [(words.plans, SitePaths.plans), (plan.number, SitePaths.plan(plan.id)), (task.title, page)],
            model: model)
    }
}

extension PageBuilder {
    /// Replaces GFM task-list checkboxes (form controls without labels, which assistive technology
    /// announces as unlabelled inputs) with a box drawn in text and the state in words.
    func labelTaskBoxes(_ html: String) -> String {
        guard html.containsBytes("<input type=\"checkbox\"") else { return html }
        let done = words.boxTicked, open = words.boxOpen
        return
            html
            .replacingOccurrences(
                of: "<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
                with: "<span class=\"task-box\" aria-hidden=\"true\">☑</span><span class=\"visually-hidden\">\(done)</span>"
            )
            .replacingOccurrences(
                of: "<input type=\"checkbox\" disabled=\"\" />",
                with: "<span class=\"task-box\" aria-hidden=\"true\">☐</span><span class=\"visually-hidden\">\(open)</span>")
    }
}
