/// A pointer to one update: which report, which update in it.
public struct UpdateReference: Hashable, Sendable {
    /// The report's position in `Site.reports`.
    public var report: Int
    /// The update's position in that report.
    public var update: Int
}

/// The derived state of one lead agency on one occurrence of a task.
public struct PairState: Hashable, Sendable {
    /// The task.
    public var task: TaskID
    /// The lead agency.
    public var agency: AgencyID
    /// The occurrence.
    public var occurrence: Occurrence
    /// The state.
    public var state: TaskState
    /// The update that decided the state, if any.
    public var latest: UpdateReference?
}

/// Everything derived about one task.
public struct DerivedTask: Sendable {
    /// The task's id.
    public var id: TaskID
    /// Lead agencies, `kind:` groups expanded, in the order written.
    public var leads: [AgencyID]
    /// Supporting agencies, expanded.
    public var supports: [AgencyID]
    /// The occurrences, in order.
    public var occurrences: [Occurrence]
    /// One pair per lead agency and occurrence, agency-major in lead order.
    public var pairs: [PairState]
    /// Every update on the task that counts for this build (leads' and supports'), oldest first.
    public var updates: [UpdateReference]
    /// The share of pairs done.
    public var completion: Completion
}

/// The derivation: one pure function of the loaded site and the reporting date.
///
/// Every page, download and test reads states and shares from here, so they all agree.
public struct Derivation: Sendable {
    /// The reporting date it was derived for.
    public let asOf: Day
    /// Tasks by id.
    public let tasks: [TaskID: DerivedTask]
    /// Completion per plan.
    public let plans: [PlanID: Completion]
    /// Completion per agency, over its lead pairs in all plans.
    public let agencies: [AgencyID: Completion]
    /// Completion per index, over the tasks that refer to it in any way.
    public let indices: [IndexID: Completion]
    /// Completion per index area, over tasks that refer to the area or one of its criteria.
    public let areas: [IndexID: [String: Completion]]
    /// Completion per criterion code, over tasks that refer to it.
    public let criteria: [IndexID: [String: Completion]]
    /// Reports dated after the reporting date, which count for nothing.
    public let ignoredReports: Set<Int>

    /// Derives every state of `site` as of `asOf`.
    public init(site: Site, lookup: SiteLookup, asOf: Day) {
        self.asOf = asOf
        var ignored = Set<Int>()
        // Updates per task, in the latest-update order: reported, then path bytes, then position.
        var updatesByTask: [TaskID: [UpdateReference]] = [:]
        for (r, report) in site.reports.enumerated() {
            if report.reported.value > asOf {
                ignored.insert(r)
                continue
            }
            for (u, update) in report.updates.enumerated() {
                updatesByTask[update.task.value, default: []].append(UpdateReference(report: r, update: u))
            }
        }
        func precedes(_ a: UpdateReference, _ b: UpdateReference) -> Bool {
            let ra = site.reports[a.report], rb = site.reports[b.report]
            if ra.reported.value != rb.reported.value { return ra.reported.value < rb.reported.value }
            if ra.path != rb.path { return Array(ra.path.utf8).lexicographicallyPrecedes(rb.path.utf8) }
            return ra.updates[a.update].position < rb.updates[b.update].position
        }

        var tasks: [TaskID: DerivedTask] = [:]
        var plans: [PlanID: Completion] = [:]
        var agencies: [AgencyID: Completion] = [:]
        var indices: [IndexID: Completion] = [:]
        var areas: [IndexID: [String: Completion]] = [:]
        var criteria: [IndexID: [String: Completion]] = [:]

        for plan in site.plans {
            var planCompletion = Completion()
            for task in plan.tasks {
                let leads = lookup.expand(task.lead)
                let supports = lookup.expand(task.support)
                let occurrences = Occurrences.of(task, issued: plan.issued)
                let updates = (updatesByTask[task.id] ?? []).sorted(by: precedes)
                // The latest update of each (agency, occurrence period) pair; later ones overwrite.
                var latest: [AgencyID: [Period?: UpdateReference]] = [:]
                for reference in updates {
                    let report = site.reports[reference.report]
                    let update = report.updates[reference.update]
                    let key: Period? = task.every == nil ? nil : update.period?.value
                    if task.every != nil && key == nil { continue }
                    latest[report.agency.value, default: [:]][key] = reference
                }
                var pairs: [PairState] = []
                var completion = Completion()
                for agency in leads {
                    for occurrence in occurrences {
                        let reference = latest[agency]?[occurrence.period]
                        let update = reference.map { site.reports[$0.report].updates[$0.update] }
                        let state = Derivation.state(of: update, occurrence: occurrence, asOf: asOf)
                        pairs.append(PairState(task: task.id, agency: agency, occurrence: occurrence, state: state, latest: reference))
                        completion.add(state)
                        agencies[agency, default: Completion()].add(state)
                    }
                }
                planCompletion.add(completion)
                var countedIndices = Set<IndexID>(), countedAreas = Set<String>(), countedCriteria = Set<String>()
                for reference in task.index {
                    let indexID = reference.value.index
                    guard let index = lookup.indices[indexID] else { continue }
                    if countedIndices.insert(indexID).inserted { indices[indexID, default: Completion()].add(completion) }
                    var areaID: String?
                    switch reference.value {
                    case .index: break
                    case .area(_, let area): areaID = index.area(area)?.id
                    case .criterion(_, let code):
                        if let found = index.criterion(code) {
                            areaID = found.area.id
                            if countedCriteria.insert("\(indexID)#\(code)").inserted {
                                criteria[indexID, default: [:]][code, default: Completion()].add(completion)
                            }
                        }
                    }
                    if let areaID, countedAreas.insert("\(indexID)/\(areaID)").inserted {
                        areas[indexID, default: [:]][areaID, default: Completion()].add(completion)
                    }
                }
                tasks[task.id] = DerivedTask(id: task.id, leads: leads, supports: supports, occurrences: occurrences,
                                             pairs: pairs, updates: updates, completion: completion)
            }
            plans[plan.id] = planCompletion
        }
        self.tasks = tasks
        self.plans = plans
        self.agencies = agencies
        self.indices = indices
        self.areas = areas
        self.criteria = criteria
        self.ignoredReports = ignored
    }

    /// The state table of the spec, for one pair given its latest update.
    public static func state(of update: TaskUpdate?, occurrence: Occurrence, asOf: Day) -> TaskState {
        switch update?.status {
        case .done?:
            if let due = occurrence.due, let completed = update?.completed, completed > due { return .doneLate }
            return .done
        case .dropped?:
            return .dropped
        default:
            if let due = occurrence.due, due < asOf { return .overdue }
            switch update?.status {
            case .inProgress?: return .inProgress
            case .notStarted?: return .notStarted
            default: return .noReport
            }
        }
    }
}
