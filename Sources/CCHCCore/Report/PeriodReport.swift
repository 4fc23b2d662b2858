/// The facts of the period report that the Sở Nội vụ sends to the UBND tỉnh: what was done in the
/// period, what is overdue and who has not reported, by plan, and the indices against their targets.
///
/// Made from one ``PeriodChange`` (the states at the reporting date and at the previous period's
/// end) and the ``TargetProgress`` of every index, so the report says what the site says. The Word
/// document (`cchc report`) is drawn from it (``PeriodReport/document(_:)``); the printable HTML
/// report can be too.
public struct PeriodReport: Sendable {
    /// One task's row in its plan's table.
    public struct TaskRow: Sendable {
        /// The task.
        public var task: PlanTask
        /// Its lead agencies, expanded.
        public var leads: [AgencyID]
        /// The task's occurrences.
        public var occurrences: [Occurrence]
        /// Its pairs' states at the reporting date.
        public var completion: Completion
        /// Its pairs done in the period.
        public var doneInPeriod: Int
    }

    /// One plan's section.
    public struct PlanSection: Sendable {
        /// The plan.
        public var plan: Plan
        /// Its completion at the reporting date.
        public var completion: Completion
        /// Its completion at the previous period's end.
        public var previousCompletion: Completion
        /// Its pairs done in the period.
        public var doneInPeriod: Int
        /// One row per task, in the plan's order.
        public var rows: [TaskRow]
    }

    /// The lead agencies overdue on one occurrence of a task.
    public struct OverdueGroup: Sendable {
        /// The plan.
        public var plan: Plan
        /// The task.
        public var task: PlanTask
        /// The occurrence, with its due day.
        public var occurrence: Occurrence
        /// The overdue lead agencies, in the task's lead order.
        public var agencies: [AgencyID]
        /// True when they were overdue at the previous period's end already; false when they fell
        /// overdue in the period.
        public var sinceEarlierPeriod: Bool
    }

    /// An agency that has not reported, with its open work.
    public struct MissingReport: Sendable {
        /// The agency.
        public var agency: Agency
        /// Its pairs in the period still open (neither done nor dropped) at the reporting date.
        public var open: Int
        /// Of those, the overdue ones.
        public var overdue: Int
    }

    /// The site's settings (province, language).
    public let settings: SiteSettings
    /// The site's agencies by id, for names.
    public let agencies: [AgencyID: Agency]
    /// The period reported on and the comparison with the one before.
    public let change: PeriodChange
    /// One section per plan, in the site's plan order.
    public let plans: [PlanSection]
    /// The overdue pairs at the reporting date grouped by task occurrence, those that fell overdue
    /// in the period first, each part ordered by due day, then plan and task order.
    public let overdue: [OverdueGroup]
    /// The agencies expected to report that have not, in `agencies.yml` order.
    public let missing: [MissingReport]
    /// The total score and rank targets of every index, in index order, then target order.
    public let targets: [(index: IndexDefinition, progress: TargetProgress)]

    /// The report of the period of kind `period.kind` holding `asOf`, for a loaded site (whose own
    /// derivation is reused when it is of `asOf`).
    public init(_ loaded: LoadedSite, period: Period, asOf: Day) {
        let change = PeriodChange(site: loaded.site, lookup: loaded.lookup, asOf: asOf, rhythm: period.kind, current: loaded.derivation)
        self.init(loaded, change: change)
    }

    /// The report of one period's change (a period page's, so the printable report and the page agree).
    public init(_ loaded: LoadedSite, change: PeriodChange) {
        let site = loaded.site
        let asOf = change.asOf
        self.settings = site.settings
        self.agencies = loaded.lookup.agencies
        self.change = change
        var doneByTask: [TaskID: Int] = [:]
        for pair in change.done { doneByTask[pair.task, default: 0] += 1 }
        // One pass over the tasks: each task's row, and the open and overdue pairs in the period of
        // the agencies that have not reported.
        let missingIDs = Set(change.notReported)
        var open: [AgencyID: (open: Int, overdue: Int)] = [:]
        plans = site.plans.map { plan in
            let counted = plan.issued <= asOf && !missingIDs.isEmpty
            let rows = plan.tasks.compactMap { task -> TaskRow? in
                guard let derived = change.current.tasks[task.id] else { return nil }
                if counted {
                    for pair in derived.pairs where missingIDs.contains(pair.agency) && PeriodChange.falls(pair.occurrence, in: change.period) {
                        guard !pair.state.isDone, pair.state != .dropped else { continue }
                        open[pair.agency, default: (0, 0)].open += 1
                        if pair.state == .overdue { open[pair.agency, default: (0, 0)].overdue += 1 }
                    }
                }
                return TaskRow(
                    task: task, leads: derived.leads, occurrences: derived.occurrences,
                    completion: derived.completion, doneInPeriod: doneByTask[task.id] ?? 0)
            }
            return PlanSection(
                plan: plan, completion: change.current.plans[plan.id] ?? Completion(),
                previousCompletion: change.previous.plans[plan.id] ?? Completion(),
                doneInPeriod: rows.reduce(0) { $0 + $1.doneInPeriod }, rows: rows)
        }
        var groups: [OverdueGroup] = []
        for (pairs, earlier) in [(change.newlyOverdue, false), (change.stillOverdue, true)] {
            var part: [OverdueGroup] = []
            var position: [TaskID: [Occurrence: Int]] = [:]
            for pair in pairs {
                if let at = position[pair.task]?[pair.occurrence] {
                    part[at].agencies.append(pair.agency)
                } else if let plan = loaded.lookup.plans[pair.task.plan], let task = loaded.lookup.tasks[pair.task] {
                    position[pair.task, default: [:]][pair.occurrence] = part.count
                    part.append(
                        OverdueGroup(
                            plan: plan, task: task, occurrence: pair.occurrence, agencies: [pair.agency],
                            sinceEarlierPeriod: earlier))
                }
            }
            // Stable: groups of one due day keep plan, task and occurrence order.
            groups += part.enumerated().sorted { a, b in
                let x = a.element.occurrence.due, y = b.element.occurrence.due
                if x != y, let x, let y { return x < y }
                return a.offset < b.offset
            }.map(\.element)
        }
        overdue = groups
        missing = change.notReported.compactMap { id in
            loaded.lookup.agencies[id].map { MissingReport(agency: $0, open: open[id]?.open ?? 0, overdue: open[id]?.overdue ?? 0) }
        }
        var targets: [(IndexDefinition, TargetProgress)] = []
        for index in site.indices {
            for progress in TargetProgress.all(for: index) where progress.measure == .score || progress.measure == .rank {
                targets.append((index, progress))
            }
        }
        self.targets = targets
    }

    /// The period reported on.
    public var period: Period { change.period }
}
