// The values of the models a national site makes hundreds of thousands of times, written by hand:
// through the encoder, each property costs a container and a dynamic cast, and that doubled the
// time the pages took to make. `TemplateEncoderTests` builds sites both ways and compares every
// page, so these cannot drift from the models' declarations.

extension PageMap {
    /// Sets `value` for `name` when there is one: a nil optional is left out, as the encoder leaves it.
    @inline(__always)
    fileprivate mutating func set(_ name: String, _ value: String?) {
        if let value { self[name] = .text(value) }
    }

    @inline(__always)
    fileprivate mutating func set(_ name: String, _ value: Bool?) {
        if let value { self[name] = .flag(value) }
    }

    @inline(__always)
    fileprivate mutating func set(_ name: String, _ value: (some TemplateModel)?) {
        if let value { self[name] = value.templateValue }
    }

    @inline(__always)
    fileprivate mutating func set(_ name: String, _ value: [some TemplateModel]?) {
        if let value { self[name] = value.templateValue }
    }
}

extension AgencyLink {
    var templateValue: PageValue { .map(mapping) }
}

extension TaskLink {
    var templateValue: PageValue { .map(mapping) }
}

extension StateLabel {
    var templateValue: PageValue { .map(["state": .text(state), "label": .text(label)]) }
}

extension StateCount {
    var templateValue: PageValue { .map(["state": .text(state), "label": .text(label), "count": .text(count)]) }
}

extension CompletionFigures {
    var templateValue: PageValue {
        .map([
            "done": .text(done), "total": .text(total), "percent": .text(percent), "overdue": .text(overdue),
            "has_overdue": .flag(hasOverdue), "counts": counts.templateValue,
        ])
    }
}

extension LeadState {
    var templateValue: PageValue {
        var map = agency.mapping
        map.reserveCapacity(6)
        map["status"] = status.templateValue
        map.set("tally", tally)
        return .map(map)
    }
}

extension TaskRow {
    var templateValue: PageValue {
        var map = task.mapping
        map.reserveCapacity(15)
        map["id"] = .text(id)
        map["due"] = .text(due)
        map["leads"] = leads.templateValue
        map.set("many_leads", manyLeads)
        map.set("lead_count", leadCount)
        map.set("lead_summary", leadSummary)
        map["completion"] = completion.templateValue
        map["plan_issued"] = .text(planIssued)
        map.set("section", section)
        map.set("task_target", taskTarget)
        return .map(map)
    }
}

extension EvidenceLink {
    var templateValue: PageValue { .map(["title": .text(title), "local": .flag(local), "href": .text(href)]) }
}

extension UpdateEntry {
    var templateValue: PageValue {
        var map: PageMap = [
            "agency": agency.templateValue, "reported": .text(reported), "reported_iso": .text(reportedIso),
            "report_period": .text(reportPeriod), "status": status.templateValue, "task": task.templateValue,
            "anchor": .text(anchor), "role": .text(role),
        ]
        map.reserveCapacity(14)
        map.set("percent", percent)
        map.set("completed", completed)
        map.set("period", period)
        map.set("note_html", noteHTML)
        map.set("evidence", evidence)
        map.set("has_evidence", hasEvidence)
        return .map(map)
    }
}

extension PairRow {
    var templateValue: PageValue {
        var map: PageMap = ["agency": agency.templateValue, "occurrence": .text(occurrence), "due": .text(due), "status": status.templateValue]
        map.reserveCapacity(7)
        map.set("percent", percent)
        map.set("completed", completed)
        map.set("reported", reported)
        return .map(map)
    }
}

extension LeadTaskRow {
    var templateValue: PageValue {
        var map = task.mapping
        map.reserveCapacity(8)
        map["due"] = .text(due)
        map["status"] = status.templateValue
        map.set("tally", tally)
        map.set("latest", latest)
        return .map(map)
    }
}

extension SupportTaskRow {
    var templateValue: PageValue {
        var map = task.mapping
        map.reserveCapacity(7)
        map["due"] = .text(due)
        map["leads"] = leads.templateValue
        map["completion"] = completion.templateValue
        return .map(map)
    }
}

extension AgencyListRow {
    var templateValue: PageValue {
        var map = agency.mapping
        map.reserveCapacity(7)
        map["completion"] = completion.templateValue
        map["has_tasks"] = .flag(hasTasks)
        map.set("replaced_by", replacedBy)
        return .map(map)
    }
}

extension NavItem {
    var templateValue: PageValue { .map(["label": .text(label), "href": .text(href), "current": .flag(current)]) }
}

extension Breadcrumb {
    var templateValue: PageValue {
        var map: PageMap = ["label": .text(label)]
        map.set("href", href)
        map.set("current", current)
        return .map(map)
    }
}

extension LayoutValues {
    var templateValue: PageValue {
        var map: PageMap = [
            "lang": .text(lang), "title": .text(title), "site_title": .text(siteTitle), "province": .text(province),
            "nav": nav.templateValue, "breadcrumbs": breadcrumbs.templateValue, "has_breadcrumbs": .flag(hasBreadcrumbs),
            "stylesheet": .text(stylesheet), "feed": .text(feed), "canonical": .text(canonical), "body": .html(body),
            "is_dashboard": .flag(isDashboard), "generator": .text(generator),
        ]
        map.reserveCapacity(16)
        map.set("notice", notice)
        map.set("description", description)
        map.set("body_class", bodyClass)
        return .map(map)
    }
}

extension TaskPage {
    var templateValue: PageValue {
        var map: PageMap = [
            "id": .text(id), "title": .text(title), "plan": plan.templateValue, "leads": leads.templateValue,
            "supports": supports.templateValue, "has_supports": .flag(hasSupports), "due": .text(due), "recurring": .flag(recurring),
            "pairs": pairs.templateValue, "completion": completion.templateValue, "updates": updates.templateValue,
            "has_updates": .flag(hasUpdates), "indices": indices.templateValue, "has_indices": .flag(hasIndices),
        ]
        map.reserveCapacity(16)
        map.set("target", target)
        map.set("section", section)
        return .map(map)
    }
}

extension PlanLink {
    var templateValue: PageValue { .map(["number": .text(number), "title": .text(title), "href": .text(href)]) }
}

extension IndexReferenceLink {
    var templateValue: PageValue { .map(["label": .text(label), "href": .text(href)]) }
}
