/// One time a task falls due: the single deadline of a one-off task, or one period of a recurring one.
public struct Occurrence: Hashable, Sendable, Comparable {
    /// The period of a recurring task's occurrence; nil for a one-off task.
    public var period: Period?
    /// The day it falls due; nil for a one-off task without `due`.
    public var due: Day?

    /// Orders by due day (none last), then period.
    public static func < (a: Occurrence, b: Occurrence) -> Bool {
        switch (a.due, b.due) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        default:
            switch (a.period, b.period) {
            case let (x?, y?): return x < y
            case (nil, _?): return true
            default: return false
            }
        }
    }
}

/// Expands tasks into their occurrences, as the spec's "Recurring tasks" readings say.
public enum Occurrences {
    /// The most occurrences one task may have; more means a mistaken `until`.
    public static let limit = 1200

    /// The first day a recurring task counts from: `due` (a period's last day), else the plan's issue date.
    static func start(_ task: PlanTask, issued: Day) -> Day { task.due?.lastDay ?? issued }

    /// The last day of a recurring task: `until`'s last day, else the end of the start year.
    static func end(_ task: PlanTask, issued: Day) -> Day {
        task.until?.value.lastDay ?? Day.lastDay(ofMonth: 12, year: start(task, issued: issued).year)
    }

    /// The occurrences of `task` in order, for a plan issued on `issued`.
    ///
    /// A one-off task has exactly one. A recurring task has one per period of kind `every`, from the
    /// one containing the start day to the one containing the end day; at most `limit`.
    public static func of(_ task: PlanTask, issued: Day) -> [Occurrence] {
        guard let every = task.every else { return [Occurrence(period: nil, due: task.due?.lastDay)] }
        let last = Period(containing: end(task, issued: issued), kind: every)
        var period = Period(containing: start(task, issued: issued), kind: every)
        var out: [Occurrence] = []
        while period <= last && out.count < limit {
            out.append(Occurrence(period: period, due: dueDay(of: period, day: task.day)))
            period = period.next
        }
        return out
    }

    /// Whether a recurring task's expansion was cut at `limit`.
    static func isTruncated(_ task: PlanTask, issued: Day) -> Bool {
        guard let every = task.every else { return false }
        let first = Period(containing: start(task, issued: issued), kind: every)
        let last = Period(containing: end(task, issued: issued), kind: every)
        let months = (last.year - first.year) * 12 + last.firstMonth - first.firstMonth
        return months / every.months + 1 > limit
    }

    /// `day` of the period's last month, or that month's last day when absent or too large.
    static func dueDay(of period: Period, day: Int?) -> Day {
        let length = Day.length(ofMonth: period.lastMonth, year: period.year)
        return Day(year: period.year, month: period.lastMonth, day: min(day ?? length, length))!
    }
}
