/// Checks what no single file can check alone: references between files, reporters, occurrences.
enum Validator {
    /// Records every cross-file problem of `site`, given the reporting date.
    static func validate(_ site: Site, lookup: SiteLookup, asOf: Day, log: inout DiagnosticLog) {
        let agencyIDs = site.agencies.map(\.id.rawValue)
        func checkAgency(_ id: AgencyID, at location: SourceLocation, role: String) {
            guard lookup.agencies[id] == nil else { return }
            var message = "unknown agency `\(id)` in \(role)"
            if let near = Suggestion.nearest(to: id.rawValue, in: agencyIDs) {
                message += "; did you mean `\(near)`?"
            } else {
                message += "; add it to content/agencies.yml or correct the id"
            }
            log.error(location, message)
        }

        // Agencies.
        for agency in site.agencies {
            guard let next = agency.replacedByReference else { continue }
            if next.value == agency.id {
                log.error(next.location, "agency `\(agency.id)` is `replaced_by` itself; name the agency that carries on its work")
            } else {
                checkAgency(next.value, at: next.location, role: "`replaced_by` of `\(agency.id)`")
            }
        }

        // Indices.
        for index in site.indices {
            for area in index.areas {
                if let lead = area.leadReference { checkAgency(lead.value, at: lead.location, role: "the lead of area `\(area.id)`") }
            }
        }

        // Plans and tasks.
        var warnedKinds = Set<String>()
        for plan in site.plans {
            if !plan.issuer.value.rawValue.isEmpty { checkAgency(plan.issuer.value, at: plan.issuer.location, role: "`issuer`") }
            if let parent = plan.parent {
                if parent.value == plan.id {
                    log.error(parent.location, "plan `\(plan.id)` names itself as `parent`; name the plan it carries out")
                } else if lookup.plans[parent.value] == nil {
                    var message = "unknown parent plan `\(parent.value)`"
                    if let near = Suggestion.nearest(to: parent.value.rawValue, in: site.plans.map(\.id.rawValue)) {
                        message += "; did you mean `\(near)`?"
                    } else {
                        message += "; it must be the file name (without .md) of a plan in content/plans/"
                    }
                    log.error(parent.location, message)
                } else if hasCycle(from: plan.id, lookup: lookup) {
                    log.error(parent.location, "plan `\(plan.id)` is its own ancestor through `parent`; break the cycle")
                }
            }
            for index in plan.indices where lookup.indices[index.value] == nil {
                log.error(index.location, unknownIndex(index.value, site: site))
            }
            for task in plan.tasks {
                for reference in task.lead + task.support {
                    switch reference.value {
                    case .agency(let id):
                        checkAgency(id, at: reference.location, role: "task `\(task.id.local)`")
                    case .kind(let kind):
                        if (lookup.agenciesOfKind[kind] ?? []).isEmpty {
                            let key = "\(reference.location)"
                            if warnedKinds.insert(key).inserted {
                                log.warning(reference.location, "`kind:\(kind.rawValue)` matches no agency in content/agencies.yml, so it adds no one")
                            }
                        }
                    }
                }
                for reference in task.index { checkIndexReference(reference, site: site, lookup: lookup, log: &log) }
                if task.every != nil && plan.isComplete {
                    if let until = task.until, until.value.lastDay < Occurrences.start(task, issued: plan.issued) {
                        log.error(
                            until.location,
                            "`until` \(until.value) ends before the task's first occurrence (\(Occurrences.start(task, issued: plan.issued).vietnamese)); check `until` and `due`"
                        )
                    } else if Occurrences.isTruncated(task, issued: plan.issued) {
                        // Only `until` can carry a task past the limit: without it, a task ends with its first year.
                        log.error(task.until?.location ?? task.location, "the task recurs more than \(Occurrences.limit) times; check `until`")
                    }
                }
            }
        }

        // Progress reports. What the checks need of a task is found once, at its first update:
        // a national site has hundreds of thousands of updates on tens of thousands of tasks.
        var facts: [TaskID: TaskFacts] = [:]
        facts.reserveCapacity(lookup.tasks.count)
        for r in site.reports.indices {
            let reporter = site.reports[r].agency.value
            let isComplete = site.reports[r].isComplete
            if isComplete { checkAgency(reporter, at: site.reports[r].agency.location, role: "`agency`") }
            if isComplete && site.reports[r].reported.value > asOf {
                let reported = site.reports[r].reported
                log.warning(
                    reported.location,
                    "the report is dated \(reported.value.vietnamese), after the reporting date \(asOf.vietnamese), so it is ignored for this build; set a later `--as-of` or `as_of` to include it"
                )
            }
            let checksReporter = isComplete && lookup.agencies[reporter]?.isComplete == true
            for u in site.reports[r].updates.indices {
                let taskReference = site.reports[r].updates[u].task
                let task: TaskFacts
                if let known = facts[taskReference.value] {
                    task = known
                } else if let found = lookup.tasks[taskReference.value] {
                    task = TaskFacts(found, lookup: lookup)
                    facts[taskReference.value] = task
                } else {
                    var message = "unknown task `\(taskReference.value)`"
                    if lookup.plans[taskReference.value.plan] == nil {
                        message += "; there is no plan `\(taskReference.value.plan)` in content/plans/"
                    } else if let plan = lookup.plans[taskReference.value.plan],
                        let near = Suggestion.nearest(to: taskReference.value.local, in: plan.tasks.map(\.id.local))
                    {
                        message += "; did you mean `\(plan.id)/\(near)`?"
                    } else {
                        message += "; plan `\(taskReference.value.plan)` has no task with that id"
                    }
                    log.error(taskReference.location, message)
                    continue
                }
                if checksReporter && !task.involves(reporter) {
                    log.error(
                        SourceLocation(path: taskReference.location.path, line: taskReference.location.line),
                        "`\(reporter)` reports on task `\(task.id)` but is neither its lead nor its support; remove the update or correct the task's `lead`/`support`"
                    )
                }
                guard task.planIsComplete else { continue }
                let updatePeriod = site.reports[r].updates[u].period
                if let every = task.every {
                    guard let period = updatePeriod else {
                        log.error(
                            taskReference.location,
                            "task `\(task.id)` recurs every \(every.rawValue): add `period:` naming the occurrence this update is about (e.g. `\(task.periods.first?.description ?? "2024-09")`)"
                        )
                        continue
                    }
                    if period.value.kind != every {
                        log.error(
                            period.location,
                            "`period: \(period.value)` is not a \(every.rawValue); task `\(task.id)` recurs every \(every.rawValue), so use one of its occurrences (\(describe(task.periods)))"
                        )
                    } else if !task.hasPeriod(period.value) {
                        log.error(
                            period.location,
                            "`period: \(period.value)` is not an occurrence of task `\(task.id)`; its occurrences are \(describe(task.periods))")
                    }
                } else if let period = updatePeriod {
                    log.warning(period.location, "task `\(task.id)` is not recurring, so `period: \(period.value)` is ignored; remove it")
                }
            }
        }
    }

    /// What the checks of updates need of one task.
    struct TaskFacts {
        var id: TaskID
        var every: Recurrence?
        var planIsComplete: Bool
        /// Its leads and supports, expanded; a set when there are many.
        var agencies: [AgencyID]
        var agencySet: Set<AgencyID>?
        /// The periods of its occurrences, for a recurring task of a complete plan.
        var periods: [Period] = []
        var periodSet: Set<Period> = []

        init(_ task: PlanTask, lookup: SiteLookup) {
            id = task.id
            every = task.every
            let plan = lookup.plans[task.id.plan]
            planIsComplete = plan?.isComplete ?? false
            agencies = lookup.expand(task.lead) + lookup.expand(task.support)
            agencySet = agencies.count > 16 ? Set(agencies) : nil
            if let plan, planIsComplete, task.every != nil {
                periods = Occurrences.of(task, issued: plan.issued).compactMap(\.period)
                periodSet = Set(periods)
            }
        }

        /// Whether `agency` leads or supports the task.
        func involves(_ agency: AgencyID) -> Bool { agencySet?.contains(agency) ?? agencies.contains(agency) }

        /// Whether `period` is one of the task's occurrences.
        func hasPeriod(_ period: Period) -> Bool { periods.count > 8 ? periodSet.contains(period) : periods.contains(period) }
    }

    /// A short list of periods for a message.
    static func describe(_ periods: [Period]) -> String {
        guard let first = periods.first, let last = periods.last else { return "none" }
        if periods.count <= 4 { return periods.map(\.description).joined(separator: ", ") }
        return "\(first) to \(last)"
    }

    /// The message for an index id that names no file.
    static func unknownIndex(_ id: IndexID, site: Site) -> String {
        var message = "unknown index `\(id)`"
        if let near = Suggestion.nearest(to: id.rawValue, in: site.indices.map(\.id.rawValue)) {
            message += "; did you mean `\(near)`?"
        } else {
            message += "; it must be the file name (without .yml) of an index in content/indices/"
        }
        return message
    }

    /// Checks an `index:` reference of a task.
    static func checkIndexReference(_ reference: Located<IndexReference>, site: Site, lookup: SiteLookup, log: inout DiagnosticLog) {
        guard let index = lookup.indices[reference.value.index] else {
            log.error(reference.location, unknownIndex(reference.value.index, site: site))
            return
        }
        switch reference.value {
        case .index: break
        case .area(_, let area):
            if index.area(area) == nil {
                var message = "index `\(index.id)` has no area `\(area)`"
                if let near = Suggestion.nearest(to: area, in: index.areas.map(\.id)) { message += "; did you mean `\(index.id)/\(near)`?" }
                log.error(reference.location, message)
            }
        case .criterion(_, let code):
            if index.criterion(code) == nil {
                log.error(reference.location, "index `\(index.id)` has no criterion with code `\(code)`; add it to the index's areas or correct the code")
            }
        }
    }

    /// Whether following `parent` from `start` comes back to it.
    static func hasCycle(from start: PlanID, lookup: SiteLookup) -> Bool {
        var seen: Set<PlanID> = [start]
        var current = lookup.plans[start]?.parent?.value
        while let id = current {
            if id == start { return true }
            guard seen.insert(id).inserted else { return false }
            current = lookup.plans[id]?.parent?.value
        }
        return false
    }
}
