extension PageBuilder {
    /// `/ke-hoach/`: every plan with its completion.
    func plansPage() -> Page {
        let page = SitePaths.plans
        let rows: [[String: Any]] = site.plans.map { plan in
            var row: [String: Any] = [
                "href": SitePaths.link(from: page, to: SitePaths.plan(plan.id)), "number": plan.number, "title": plan.title,
                "issuer": agency(plan.issuer.value, from: page), "issued": format.date(plan.issued),
                "tasks": format.integer(plan.tasks.count), "completion": completion(derivation.plans[plan.id]),
            ]
            if let parent = plan.parent.flatMap({ lookup.plans[$0.value] }) {
                row["parent"] = ["number": parent.number, "href": SitePaths.link(from: page, to: SitePaths.plan(parent.id))]
            }
            return row
        }
        return Page(path: page, template: "plans", title: words.table["plans"]!,
                    breadcrumbs: [(words.table["plans"]!, page)], context: ["plans": rows, "has_plans": !rows.isEmpty])
    }

    /// `/ke-hoach/<plan>/`: the plan's facts, its text with a table of contents, its tasks.
    ///
    /// The page's own ids start with `_`, which no slug can, so they never clash with the ids of
    /// the plan text's headings.
    func planPage(_ plan: Plan) -> Page {
        let page = SitePaths.plan(plan.id)
        let text = texts.plan(plan)
        var context: [String: Any] = [
            "id": plan.id.rawValue, "number": plan.number, "title": plan.title,
            "issuer": agency(plan.issuer.value, from: page), "issued": format.date(plan.issued),
            "completion": completion(derivation.plans[plan.id]),
            "tasks": plan.tasks.map { taskRow($0, from: page) }, "has_tasks": !plan.tasks.isEmpty,
            "toc": text.headings.filter { $0.level <= 3 }.map { ["id": $0.id, "text": $0.text, "level": $0.level] },
            "has_toc": text.headings.contains { $0.level <= 3 },
            "body_html": labelTaskBoxes(text.html), "has_body": !text.html.isEmpty,
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
        var charts: [String: Any] = [:]
        charts["states"] = stateBars(leadOrder.map { (lookup.agencies[$0]?.displayShort ?? $0.rawValue, byLead[$0]) },
                                     id: "_bieu-do-tinh-trang", title: "\(words.table["state"]!) – \(words.table["lead"]!)", header: words.table["lead"]!)
        charts["timeline"] = timeline(dated, id: "_bieu-do-thoi-han", title: words.table["due"]!)
        context["charts"] = charts
        if let parent = plan.parent.flatMap({ lookup.plans[$0.value] }) {
            context["parent"] = ["number": parent.number, "title": parent.title, "href": SitePaths.link(from: page, to: SitePaths.plan(parent.id))]
        }
        let children: [[String: Any]] = (lookup.children[plan.id] ?? []).compactMap { lookup.plans[$0] }.map { child in
            ["number": child.number, "title": child.title, "href": SitePaths.link(from: page, to: SitePaths.plan(child.id)),
             "issuer": agency(child.issuer.value, from: page)]
        }
        if !children.isEmpty {
            context["children"] = children
            context["has_children"] = true
        }
        let indices: [[String: Any]] = plan.indices.compactMap { lookup.indices[$0.value] }.map { index in
            ["short": index.short, "name": index.name, "href": SitePaths.link(from: page, to: SitePaths.index(index.id))]
        }
        if !indices.isEmpty { context["indices"] = indices }
        return Page(path: page, template: "plan", title: "\(plan.number): \(plan.title)",
                    breadcrumbs: [(words.table["plans"]!, SitePaths.plans), (plan.number, page)], context: context)
    }

    /// `/nhiem-vu/<plan>/<task>/`: everything about one task.
    func taskPage(_ task: PlanTask) -> Page {
        let page = SitePaths.task(task.id)
        let plan = lookup.plans[task.id.plan]!
        let derived = derivation.tasks[task.id]!
        let pairs: [[String: Any]] = derived.pairs.map { pair in
            var row: [String: Any] = ["agency": agency(pair.agency, from: page), "occurrence": occurrenceLabel(pair.occurrence),
                                      "due": pair.occurrence.due.map(format.date) ?? words.table["no_due"]!, "status": state(pair.state)]
            if let latest = pair.latest {
                let update = site.reports[latest.report].updates[latest.update]
                if let percent = update.percent { row["percent"] = format.score(percent) + "%" }
                if let completed = update.completed, pair.state.isDone { row["completed"] = format.date(completed) }
                row["reported"] = format.date(site.reports[latest.report].reported.value)
            }
            return row
        }
        var references: [[String: Any]] = []
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
            references.append(["label": label, "href": SitePaths.link(from: page, to: SitePaths.index(index.id)) + anchor])
        }
        var context: [String: Any] = [
            "id": task.id.description, "title": task.title,
            "plan": ["number": plan.number, "title": plan.title, "href": SitePaths.link(from: page, to: SitePaths.plan(plan.id))],
            "leads": derived.leads.map { agency($0, from: page) },
            "supports": derived.supports.map { agency($0, from: page) }, "has_supports": !derived.supports.isEmpty,
            "due": dueText(task, occurrences: derived.occurrences), "recurring": task.every != nil,
            "pairs": pairs, "completion": completion(derived.completion),
            "updates": derived.updates.map { update($0, from: page) }, "has_updates": !derived.updates.isEmpty,
            "indices": references, "has_indices": !references.isEmpty,
        ]
        if let target = task.target { context["target"] = target }
        if let section = task.section { context["section"] = section }
        return Page(path: page, template: "task", title: task.title,
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
        return html
            .replacingOccurrences(of: "<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
                                  with: "<span class=\"task-box\" aria-hidden=\"true\">☑</span><span class=\"visually-hidden\">\(done)</span>")
            .replacingOccurrences(of: "<input type=\"checkbox\" disabled=\"\" />",
                                  with: "<span class=\"task-box\" aria-hidden=\"true\">☐</span><span class=\"visually-hidden\">\(open)</span>")
    }
}
