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
///
/// A class, never changed once made: pages read a task's derivation hundreds of thousands of times
/// at national scale, and a copy of a class is one retain where a copy of a structure retains each
/// of its lists.
public final class DerivedTask: Sendable {
    /// The task's id.
    public let id: TaskID
    /// Lead agencies, `kind:` groups expanded, in the order written.
    public let leads: [AgencyID]
    /// Supporting agencies, expanded.
    public let supports: [AgencyID]
    /// The occurrences, in order.
    public let occurrences: [Occurrence]
    /// One pair per lead agency and occurrence, agency-major in lead order.
    public let pairs: [PairState]
    /// Every update on the task that counts for this build (leads' and supports'), oldest first.
    public let updates: [UpdateReference]
    /// The share of pairs done.
    public let completion: Completion

    /// The pairs of `agency` as a lead (one per occurrence, in order); none when it is not a lead.
    public func pairs(of agency: AgencyID) -> ArraySlice<PairState> {
        guard let position = leads.firstIndex(of: agency) else { return [] }
        return pairs(ofLeadAt: position)
    }

    /// The pairs of the lead at `position` in `leads`: the pairs are agency-major, one per
    /// occurrence, so each lead's are one run.
    public func pairs(ofLeadAt position: Int) -> ArraySlice<PairState> {
        let run = occurrences.count
        return pairs[position * run..<(position + 1) * run]
    }

    /// Makes the derivation of one task; `pairs` holds one pair per lead and occurrence, agency-major.
    public init(
        id: TaskID, leads: [AgencyID], supports: [AgencyID], occurrences: [Occurrence], pairs: [PairState],
        updates: [UpdateReference], completion: Completion
    ) {
        self.id = id
        self.leads = leads
        self.supports = supports
        self.occurrences = occurrences
        precondition(pairs.count == leads.count * occurrences.count, "one pair per lead and occurrence")
        self.pairs = pairs
        self.updates = updates
        self.completion = completion
    }
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
        let taskCount = site.taskCount
        // Each update with its place in that order, found once rather than in every comparison.
        typealias Keyed = (reported: Day, path: Int, position: Int, reference: UpdateReference)
        let pathRank = Derivation.pathRanks(site.reports)
        var updatesByTask: [TaskID: [Keyed]] = [:]
        updatesByTask.reserveCapacity(taskCount)
        for (r, report) in site.reports.enumerated() {
            if report.reported.value > asOf {
                ignored.insert(r)
                continue
            }
            for (u, update) in report.updates.enumerated() {
                updatesByTask[update.task.value, default: []].append(
                    (report.reported.value, pathRank[r], update.position, UpdateReference(report: r, update: u)))
            }
        }
        func precedes(_ a: Keyed, _ b: Keyed) -> Bool {
            if a.reported != b.reported { return a.reported < b.reported }
            if a.path != b.path { return a.path < b.path }
            return a.position < b.position
        }

        var tasks: [TaskID: DerivedTask] = [:]
        tasks.reserveCapacity(taskCount)
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
                let updates = (updatesByTask[task.id] ?? []).sorted(by: precedes).map(\.reference)
                // The latest update of each (agency, occurrence period) pair; later ones overwrite.
                var latest: [AgencyID: [Period?: UpdateReference]] = [:]
                for reference in updates {
                    let key: Period? = task.every == nil ? nil : site.reports[reference.report].updates[reference.update].period?.value
                    if task.every != nil && key == nil { continue }
                    latest[site.reports[reference.report].agency.value, default: [:]][key] = reference
                }
                var pairs: [PairState] = []
                var completion = Completion()
                for agency in leads {
                    for occurrence in occurrences {
                        let reference = latest[agency]?[occurrence.period]
                        let state =
                            reference.map { Derivation.state(of: site.reports[$0.report].updates[$0.update], occurrence: occurrence, asOf: asOf) }
                            ?? Derivation.state(of: nil, occurrence: occurrence, asOf: asOf)
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
                tasks[task.id] = DerivedTask(
                    id: task.id, leads: leads, supports: supports, occurrences: occurrences,
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

    /// Each report's place in the order of their paths' bytes; reports with the same path share it.
    ///
    /// The loader gives reports in that order already, so this is usually one pass.
    static func pathRanks(_ reports: [ProgressReport]) -> [Int] {
        // Strictly increasing, as the loader gives them: the rank is the position.
        if reports.indices.dropFirst().allSatisfy({ reports[$0 - 1].path.utf8Precedes(reports[$0].path) }) {
            return Array(reports.indices)
        }
        let order = reports.indices.sorted { reports[$0].path.utf8Precedes(reports[$1].path) }
        var rank = [Int](repeating: 0, count: reports.count)
        var current = 0
        for (i, r) in order.enumerated() {
            if i > 0 && reports[r].path != reports[order[i - 1]].path { current += 1 }
            rank[r] = current
        }
        return rank
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
