/// The rules that choose what a reader sees first: which state stands for a lead agency's part of
/// a task, which states are more urgent, and which agencies are most behind.
///
/// Pages only apply these rules; they are decided here, beside the state table, and tested as
/// tables in `AttentionTests`.
public enum Attention {
    /// How urgent a state is, most urgent first: overdue, in progress, not started, no report,
    /// done late, done, dropped. Lists that put "overdue first" sort by it.
    public static func urgency(_ state: TaskState) -> Int {
        switch state {
        case .overdue: return 0
        case .inProgress: return 1
        case .notStarted: return 2
        case .noReport: return 3
        case .doneLate: return 4
        case .done: return 5
        case .dropped: return 6
        }
    }

    /// The most urgent of `states` (the first of them among equals), or nil when there are none.
    ///
    /// A timeline draws one mark per occurrence of a task: the mark takes the most urgent state of
    /// that occurrence's pairs, so one overdue lead shows even when the others are done.
    public static func worst(_ states: some Sequence<TaskState>) -> TaskState? {
        states.min { urgency($0) < urgency($1) }
    }

    /// The one state that stands for a lead agency's pairs on a task (one pair per occurrence).
    ///
    /// Overdue when any occurrence is overdue; otherwise the state of the occurrence in focus: the
    /// last one due on or before `asOf`, or, when none is due yet, the first one. Occurrences
    /// without a deadline count as due after every date. No pairs at all read as no report.
    public static func shownState(of pairs: some BidirectionalCollection<PairState>, asOf: Day) -> TaskState {
        if pairs.contains(where: { $0.state == .overdue }) { return .overdue }
        let due = pairs.last { pair in pair.occurrence.due.map { $0 <= asOf } ?? false }
        return (due ?? pairs.first)?.state ?? .noReport
    }

    /// Whether an agency's lead task `a` comes before `b` in its "overdue first" list: the more
    /// urgent shown state first, then the earlier deadline (none last), then plan and task order.
    public static func leadTaskPrecedes(
        _ a: (state: TaskState, due: Day?, task: TaskID),
        _ b: (state: TaskState, due: Day?, task: TaskID)
    ) -> Bool {
        if urgency(a.state) != urgency(b.state) { return urgency(a.state) < urgency(b.state) }
        switch (a.due, b.due) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.task < b.task
        }
    }

    /// Whether agency `a` is further behind than `b`: more overdue pairs first, then the lower
    /// share done (an agency with no pairs counts as 0), then `a` being earlier in agencies.yml.
    public static func furtherBehind(_ a: (completion: Completion, order: Int), _ b: (completion: Completion, order: Int)) -> Bool {
        let overdueA = a.completion.count(.overdue), overdueB = b.completion.count(.overdue)
        if overdueA != overdueB { return overdueA > overdueB }
        let shareA = a.completion.share ?? 0, shareB = b.completion.share ?? 0
        if shareA != shareB { return shareA < shareB }
        return a.order < b.order
    }

    /// The agencies most behind, at most `limit`: those with an overdue pair, ordered by
    /// ``furtherBehind(_:_:)``.
    public static func mostBehind(_ agencies: [(id: AgencyID, completion: Completion, order: Int)], limit: Int) -> [AgencyID] {
        agencies.filter { $0.completion.count(.overdue) > 0 }
            .sorted { furtherBehind(($0.completion, $0.order), ($1.completion, $1.order)) }
            .prefix(limit).map(\.id)
    }
}
