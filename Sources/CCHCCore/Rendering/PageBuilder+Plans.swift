extension PageBuilder {
    /// `/ke-hoach/`: every plan with its completion.
    func plansPage() -> Page {
        let page = SitePaths.plans
        let rows: [PageMap] = site.plans.map { plan in
            var row: PageMap = [
                "href": .text(SitePaths.link(from: page, to: SitePaths.plan(plan.id))), "number": .text(plan.number), "title": .text(plan.title),
                "issuer": .map(agency(plan.issuer.value, from: page)), "issued": .text(format.date(plan.issued)),
                "tasks": .text(format.integer(plan.tasks.count)), "completion": .map(completion(derivation.plans[plan.id])),
            ]
            if let parent = plan.parent.flatMap({ lookup.plans[$0.value] }) {
                row["parent"] = ["number": .text(parent.number), "href": .text(SitePaths.link(from: page, to: SitePaths.plan(parent.id)))]
            }
            return row
        }
        return Page(
            path: page, template: "plans", title: words.table["plans"]!,
            breadcrumbs: [(words.table["plans"]!, page)], context: ["plans": .maps(rows), "has_plans": .flag(!rows.isEmpty)])
    }

    /// `/ke-hoach/<plan>/`: the plan's facts, its text with a table of contents, its tasks.
    ///
    /// The page's own ids start with `_`, which no slug can, so they never clash with the ids of
    /// the plan text's headings.
    func planPage(_ plan: Plan) -> Page {
        let page = SitePaths.plan(plan.id)
        let text = texts.plan(plan)
        var context: PageMap = [
            "id": .text(plan.id.rawValue), "number": .text(plan.number), "title": .text(plan.title),
            "issuer": .map(agency(plan.issuer.value, from: page)), "issued": .text(format.date(plan.issued)),
            "completion": .map(completion(derivation.plans[plan.id])),
            "tasks": .maps(plan.tasks.map { taskRow($0, from: page) }), "has_tasks": .flag(!plan.tasks.isEmpty),
            "toc": .maps(text.headings.filter { $0.level <= 3 }.map { ["id": .text($0.id), "text": .text($0.text), "level": .text(String($0.level))] }),
            "has_toc": .flag(text.headings.contains { $0.level <= 3 }),
            "body_html": .text(labelTaskBoxes(text.html)), "has_body": .flag(!text.html.isEmpty),
        ]
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
                let states = derived.pairs.filter { $0.occurrence == occurrence }.map(\.state)
                guard let worst = states.min(by: { PageBuilder.urgency($0) < PageBuilder.urgency($1) }) else { continue }
                let name = occurrence.period.map { "\(task.title) (\(words.period($0)))" } ?? task.title
                dated.append((name, due, worst))
            }
        }
        var charts = PageMap()
        charts["states"] = stateBars(
            leadOrder.map { (lookup.agencies[$0]?.displayShort ?? $0.rawValue, byLead[$0]) },
            id: "_bieu-do-tinh-trang", title: "\(words.table["state"]!) – \(words.table["lead"]!)", header: words.table["lead"]!
        )
        .map(PageValue.html)
        charts["timeline"] = timeline(dated, id: "_bieu-do-thoi-han", title: words.table["due"]!).map(PageValue.html)
        context["charts"] = .map(charts)
        if let parent = plan.parent.flatMap({ lookup.plans[$0.value] }) {
            context["parent"] = [
                "number": .text(parent.number), "title": .text(parent.title), "href": .text(SitePaths.link(from: page, to: SitePaths.plan(parent.id))),
            ]
        }
        let children: [PageMap] = (lookup.children[plan.id] ?? []).compactMap { lookup.plans[$0] }.map { child in
            [
                "number": .text(child.number), "title": .text(child.title), "href": .text(SitePaths.link(from: page, to: SitePaths.plan(child.id))),
                "issuer": .map(agency(child.issuer.value, from: page)),
            ]
        }
        if !children.isEmpty {
            context["children"] = .maps(children)
            context["has_children"] = true
        }
        let indices: [PageMap] = plan.indices.compactMap { lookup.indices[$0.value] }.map { index in
            ["short": .text(index.short), "name": .text(index.name), "href": .text(SitePaths.link(from: page, to: SitePaths.index(index.id)))]
        }
        if !indices.isEmpty { context["indices"] = .maps(indices) }
        return Page(
            path: page, template: "plan", title: "\(plan.number): \(plan.title)",
            breadcrumbs: [(words.table["plans"]!, SitePaths.plans), (plan.number, page)], context: context)
    }

    /// `/nhiem-vu/<plan>/<task>/`: everything about one task.
    func taskPage(_ task: PlanTask) -> Page {
        let page = SitePaths.task(task.id)
        let plan = lookup.plans[task.id.plan]!
        let derived = derivation.tasks[task.id]!
        let pairs: [PageMap] = derived.pairs.map { pair in
            var row: PageMap = [
                "agency": .map(agency(pair.agency, from: page)), "occurrence": .text(occurrenceLabel(pair.occurrence)),
                "due": .text(pair.occurrence.due.map(format.date) ?? words.table["no_due"]!), "status": .map(state(pair.state)),
            ]
            if let latest = pair.latest {
                row.reserveCapacity(7)
                let update = site.reports[latest.report].updates[latest.update]
                if let percent = update.percent { row["percent"] = .text(format.score(percent) + "%") }
                if let completed = update.completed, pair.state.isDone { row["completed"] = .text(format.date(completed)) }
                row["reported"] = .text(format.date(site.reports[latest.report].reported.value))
            }
            return row
        }
        var references: [PageMap] = []
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
                label += " – \(words.table["criterion"]!) \(code)" + (index.criterion(code).map { ": " + $0.criterion.name } ?? "")
                anchor = "#tieu-chi-\(Slug.make(code))"
            }
            references.append(["label": .text(label), "href": .text(SitePaths.link(from: page, to: SitePaths.index(index.id)) + anchor)])
        }
        var context: PageMap = [
            "id": .text(task.id.description), "title": .text(task.title),
            "plan": ["number": .text(plan.number), "title": .text(plan.title), "href": .text(SitePaths.link(from: page, to: SitePaths.plan(plan.id)))],
            "leads": .maps(derived.leads.map { agency($0, from: page) }),
            "supports": .maps(derived.supports.map { agency($0, from: page) }), "has_supports": .flag(!derived.supports.isEmpty),
            "due": .text(dueText(task, occurrences: derived.occurrences)), "recurring": .flag(task.every != nil),
            "pairs": .maps(pairs), "completion": .map(completion(derived.completion)),
            "updates": .maps(derived.updates.map { update($0, from: page) }), "has_updates": .flag(!derived.updates.isEmpty),
            "indices": .maps(references), "has_indices": .flag(!references.isEmpty),
        ]
        if let target = task.target { context["target"] = .text(target) }
        if let section = task.section { context["section"] = .text(section) }
        return Page(
            path: page, template: "task", title: task.title,
            breadcrumbs: [(words.table["plans"]!, SitePaths.plans), (plan.number, SitePaths.plan(plan.id)), (task.title, page)],
            context: context)
    }
}

extension PageBuilder {
    /// Replaces GFM task-list checkboxes (form controls without labels, which assistive technology
    /// announces as unlabelled inputs) with a box drawn in text and the state in words.
    func labelTaskBoxes(_ html: String) -> String {
        guard html.containsBytes("<input type=\"checkbox\"") else { return html }
        let done = words.language == .vi ? "Đã xong:" : "Done:", open = words.language == .vi ? "Chưa xong:" : "Not done:"
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
