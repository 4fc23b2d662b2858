/// The reporting periods the site shows a page for, each with what changed in it.
///
/// The period holding the reporting date comes first, then the earlier periods of the rhythm, back
/// to the one holding the earliest plan's issue date, at most ``limit`` in all. An earlier period
/// is judged as of its own last day, so its page says what its reports changed once it was over.
/// Each period needs the states at its end and at the end of the period before: the derivations
/// are made once per date and shared by neighbouring periods (n periods, n + 1 derivations, the
/// first of which the loaded site already has).
public struct PeriodHistory: Sendable {
    /// At most this many periods get a page: two years of quarters. Each costs one more derivation
    /// of the whole site, and older periods matter less to the reader than the recent ones.
    public static let limit = 8

    /// The changes, newest period first.
    public let changes: [PeriodChange]
    /// The newest period's pairs done, newly overdue and still overdue, counted by lead agency.
    public let latestByAgency: [AgencyID: (done: Int, newlyOverdue: Int, stillOverdue: Int)]
    /// The newest period's ``PeriodChange/expectedReporters``, as a set.
    public let latestExpected: Set<AgencyID>
    /// The newest period's ``PeriodChange/notReported``, as a set.
    public let latestNotReported: Set<AgencyID>

    /// The periods that get a page for `site` reported at `asOf`, newest first (never empty: the
    /// reporting date's own period always has one, even before any plan is issued).
    public static func periods(_ site: Site, asOf: Day, rhythm: PeriodKind? = nil) -> [Period] {
        let kind = rhythm ?? site.settings.reporting
        var period = Period(containing: asOf, kind: kind)
        var out = [period]
        guard let first = site.plans.map(\.issued).min() else { return out }
        while out.count < limit, period.firstDay > first {
            period = period.previous
            out.append(period)
        }
        return out
    }

    /// The changes of every period ``periods(_:asOf:rhythm:)`` names for `loaded`, its derivations made
    /// side by side.
    public init(_ loaded: LoadedSite) {
        let site = loaded.site, lookup = loaded.lookup, asOf = loaded.derivation.asOf
        let periods = PeriodHistory.periods(site, asOf: asOf)
        // The dates to derive at: each earlier period's last day, and the end of the oldest one's previous period.
        let dates = periods.dropFirst().map(\.lastDay) + [periods.last!.previous.lastDay]
        let derived = ConcurrentMap.run(dates.count) { Derivation(site: site, lookup: lookup, asOf: dates[$0]) }
        let all = [loaded.derivation] + derived
        changes = periods.indices.map { i in
            PeriodChange(site: site, lookup: lookup, asOf: i == 0 ? asOf : periods[i].lastDay, current: all[i], previous: all[i + 1])
        }
        var counts: [AgencyID: (done: Int, newlyOverdue: Int, stillOverdue: Int)] = [:]
        let latest = changes[0]
        for pair in latest.done { counts[pair.agency, default: (0, 0, 0)].done += 1 }
        for pair in latest.newlyOverdue { counts[pair.agency, default: (0, 0, 0)].newlyOverdue += 1 }
        for pair in latest.stillOverdue { counts[pair.agency, default: (0, 0, 0)].stillOverdue += 1 }
        latestByAgency = counts
        latestExpected = Set(latest.expectedReporters)
        latestNotReported = Set(latest.notReported)
    }

    /// The change of `period`, if it has a page.
    public func change(of period: Period) -> PeriodChange? { changes.first { $0.period == period } }
}
