/// What changed in one reporting period: the states at the reporting date compared with the states
/// at the end of the previous period of the site's reporting rhythm.
///
/// Both sides are plain ``Derivation``s of the same site (two calls of the one derivation), so every
/// count here agrees with the pages: a pair is "done this period" when it is done (on time or late)
/// at the reporting date and was not at the previous period's last day, and so on. Nothing reads
/// the clock: the value is a function of the site, the reporting date and the rhythm.
///
/// Pages for the period (`/ky-bao-cao/<period>/`), the dashboard's "since the last period" block,
/// embeds and `cchc report` all read this one value.
public struct PeriodChange: Sendable {
    /// One (task, lead agency, occurrence) pair whose state changed or stayed overdue.
    public struct Pair: Sendable, Hashable {
        /// The task.
        public var task: TaskID
        /// The lead agency.
        public var agency: AgencyID
        /// The occurrence (its due day, and its period for a recurring task).
        public var occurrence: Occurrence
        /// The state at the reporting date.
        public var state: TaskState
        /// The state at the end of the previous period.
        public var previousState: TaskState
    }

    /// The period of the rhythm that holds the reporting date (`2024-Q3`).
    public let period: Period
    /// The reporting date.
    public let asOf: Day
    /// The last day of the previous period (`2024-06-30` for `2024-Q3`): the other side of the comparison.
    public let previousEnd: Day
    /// Every state as of the reporting date.
    public let current: Derivation
    /// Every state as of `previousEnd`.
    public let previous: Derivation
    /// Pairs done (on time or late) at the reporting date that were not done at `previousEnd`, in
    /// plan, task and pair order.
    public let done: [Pair]
    /// Pairs overdue at the reporting date that were not overdue at `previousEnd`.
    public let newlyOverdue: [Pair]
    /// Pairs overdue at both dates.
    public let stillOverdue: [Pair]
    /// Lead agencies expected to report in the period, in `agencies.yml` order: those with at least
    /// one pair that was open (neither done nor dropped) at `previousEnd` and falls in the period (a
    /// one-off task, or an occurrence whose period overlaps this one) of a plan issued by the
    /// reporting date.
    public let expectedReporters: [AgencyID]
    /// The expected reporters with no progress file for the period, in `agencies.yml` order.
    public let notReported: [AgencyID]
    /// The progress files that count for the period (their `period` is this period or one inside
    /// it, and they are dated by the reporting date), by their position in `Site.reports`.
    public let reports: [Int]

    /// Completion over every pair of every plan at the reporting date.
    public var completion: Completion { PeriodChange.total(current) }
    /// Completion over every pair of every plan at `previousEnd`.
    public var previousCompletion: Completion { PeriodChange.total(previous) }

    /// Overdue pairs at the reporting date (newly overdue and still overdue), ordered by due day,
    /// then plan, task and pair order.
    public var overdue: [Pair] {
        (newlyOverdue + stillOverdue).enumerated().sorted { a, b in
            let x = a.element.occurrence.due, y = b.element.occurrence.due
            if x != y, let x, let y { return x < y }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Compares the states at `asOf` with those at the end of the previous period of kind `rhythm`
    /// (by default the site's `reporting` setting). `current`, when given, must be the derivation of
    /// `site` at `asOf` (a loaded site has it): it saves one of the two derivations; `previous`, the
    /// derivation at the previous period's last day, saves the other (the site's period pages chain
    /// them: one period's `current` is the next one's `previous`). One of another date is not used.
    public init(
        site: Site, lookup: SiteLookup, asOf: Day, rhythm: PeriodKind? = nil, current: Derivation? = nil, previous: Derivation? = nil
    ) {
        let period = Period(containing: asOf, kind: rhythm ?? site.settings.reporting)
        let previousEnd = period.previous.lastDay
        let now = current.flatMap { $0.asOf == asOf ? $0 : nil } ?? Derivation(site: site, lookup: lookup, asOf: asOf)
        let before = previous.flatMap { $0.asOf == previousEnd ? $0 : nil } ?? Derivation(site: site, lookup: lookup, asOf: previousEnd)
        self.period = period
        self.asOf = asOf
        self.previousEnd = previousEnd
        self.current = now
        self.previous = before

        var done: [Pair] = [], newlyOverdue: [Pair] = [], stillOverdue: [Pair] = []
        var expected = Set<AgencyID>()
        for plan in site.plans {
            for task in plan.tasks {
                guard let a = now.tasks[task.id], let b = before.tasks[task.id] else { continue }
                // Leads and occurrences do not depend on the date, so the two lists of pairs line up.
                for (x, y) in zip(a.pairs, b.pairs) {
                    let pair = Pair(task: x.task, agency: x.agency, occurrence: x.occurrence, state: x.state, previousState: y.state)
                    if x.state.isDone && !y.state.isDone { done.append(pair) }
                    if x.state == .overdue {
                        if y.state == .overdue { stillOverdue.append(pair) } else { newlyOverdue.append(pair) }
                    }
                    if plan.issued <= asOf, !y.state.isDone, y.state != .dropped, PeriodChange.falls(x.occurrence, in: period) {
                        expected.insert(x.agency)
                    }
                }
            }
        }
        self.done = done
        self.newlyOverdue = newlyOverdue
        self.stillOverdue = stillOverdue

        var reports: [Int] = []
        var reported = Set<AgencyID>()
        for (index, report) in site.reports.enumerated() where report.reported.value <= asOf && period.holds(report.period) {
            reports.append(index)
            reported.insert(report.agency.value)
        }
        self.reports = reports
        let ordered = site.agencies.map(\.id).filter(expected.contains)
        expectedReporters = ordered
        notReported = ordered.filter { !reported.contains($0) }
    }

    /// Whether an occurrence is one the period's reports are about: a one-off task's only one, or a
    /// recurring task's whose period overlaps `period`.
    static func falls(_ occurrence: Occurrence, in period: Period) -> Bool {
        guard let own = occurrence.period else { return true }
        return own.firstDay <= period.lastDay && period.firstDay <= own.lastDay
    }

    /// Every plan's completion added up.
    static func total(_ derivation: Derivation) -> Completion {
        var sum = Completion()
        for completion in derivation.plans.values { sum.add(completion) }
        return sum
    }
}

extension Period {
    /// The period of the same kind just before this one (`2024-Q1` → `2023-Q4`).
    public var previous: Period {
        if number == 1 { return Period(kind: kind, year: year - 1, number: 12 / kind.months) ?? self }
        return Period(kind: kind, year: year, number: number - 1)!
    }

    /// Whether `other` lies inside this period: the same period or a shorter one within it
    /// (`2024-Q3` holds `2024-Q3`, `2024-07`, `2024-08` and `2024-09`, not `2024-H2`).
    public func holds(_ other: Period) -> Bool {
        firstDay <= other.firstDay && other.lastDay <= lastDay
    }
}
