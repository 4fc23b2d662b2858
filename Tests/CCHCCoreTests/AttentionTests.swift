import Testing

@testable import CCHCCore

/// The rules of ``Attention``, as tables: what a reader sees first.
struct AttentionTests {
    private static func day(_ iso: String) -> Day { Day(iso: iso)! }

    /// Pairs of one lead on one task, one per `(due, state)`, in occurrence order.
    private static func pairs(_ occurrences: [(due: String?, state: TaskState)]) -> [PairState] {
        occurrences.map { due, state in
            PairState(
                task: TaskID("kh-1/t")!, agency: AgencyID("so-noi-vu"),
                occurrence: Occurrence(period: nil, due: due.map(day)), state: state, latest: nil)
        }
    }

    // MARK: The state shown for a lead

    struct ShownCase: Sendable, CustomTestStringConvertible {
        var rule: String
        var pairs: [(due: String?, state: TaskState)]
        var expected: TaskState
        var testDescription: String { rule }
    }

    /// As of 30/09/2024.
    static let shownCases: [ShownCase] = [
        ShownCase(rule: "a one-off task shows its only state", pairs: [("2024-06-30", .done)], expected: .done),
        ShownCase(
            rule: "any overdue occurrence makes the lead overdue", pairs: [("2024-07-31", .overdue), ("2024-08-31", .done), ("2024-09-30", .done)],
            expected: .overdue),
        ShownCase(
            rule: "otherwise the last occurrence due by the reporting date",
            pairs: [("2024-07-31", .done), ("2024-08-31", .doneLate), ("2024-10-31", .notStarted)], expected: .doneLate),
        ShownCase(
            rule: "an occurrence due on the reporting date itself is due", pairs: [("2024-08-31", .done), ("2024-09-30", .inProgress)], expected: .inProgress),
        ShownCase(
            rule: "when none is due yet, the first occurrence", pairs: [("2024-10-31", .inProgress), ("2024-11-30", .notStarted)], expected: .inProgress),
        ShownCase(rule: "an occurrence with no deadline is never due", pairs: [(nil, .noReport)], expected: .noReport),
        ShownCase(rule: "no pairs at all read as no report", pairs: [], expected: .noReport),
    ]

    @Test(arguments: shownCases)
    func shownState(_ c: ShownCase) {
        #expect(Attention.shownState(of: Self.pairs(c.pairs), asOf: Self.day("2024-09-30")) == c.expected)
    }

    // MARK: Urgency and the worst state

    @Test func urgencyOrdersOverdueFirstAndDroppedLast() {
        let order: [TaskState] = [.overdue, .inProgress, .notStarted, .noReport, .doneLate, .done, .dropped]
        #expect(TaskState.allCases.sorted { Attention.urgency($0) < Attention.urgency($1) } == order)
        #expect(Set(TaskState.allCases.map(Attention.urgency)).count == TaskState.allCases.count, "no two states are equally urgent")
    }

    struct WorstCase: Sendable, CustomTestStringConvertible {
        var rule: String
        var states: [TaskState]
        var expected: TaskState?
        var testDescription: String { rule }
    }

    static let worstCases: [WorstCase] = [
        WorstCase(rule: "one overdue lead marks the occurrence overdue", states: [.done, .overdue, .done], expected: .overdue),
        WorstCase(rule: "in progress beats not started", states: [.notStarted, .inProgress], expected: .inProgress),
        WorstCase(rule: "no report beats done late", states: [.doneLate, .noReport], expected: .noReport),
        WorstCase(rule: "done late beats done", states: [.done, .doneLate], expected: .doneLate),
        WorstCase(rule: "dropped only when every lead dropped", states: [.dropped, .done], expected: .done),
        WorstCase(rule: "no states, no mark", states: [], expected: nil),
    ]

    @Test(arguments: worstCases)
    func worst(_ c: WorstCase) {
        #expect(Attention.worst(c.states) == c.expected)
    }

    // MARK: An agency's lead tasks, overdue first

    @Test func leadTasksAreOrderedByUrgencyThenDeadlineThenTaskOrder() {
        typealias Row = (state: TaskState, due: Day?, task: TaskID)
        let rows: [Row] = [
            (.done, Self.day("2024-01-31"), TaskID("kh-1/a")!),
            (.inProgress, nil, TaskID("kh-1/b")!),
            (.inProgress, Self.day("2024-12-31"), TaskID("kh-1/c")!),
            (.overdue, Self.day("2024-09-01"), TaskID("kh-2/d")!),
            (.overdue, Self.day("2024-09-01"), TaskID("kh-1/e")!),
            (.overdue, Self.day("2024-06-30"), TaskID("kh-1/f")!),
        ]
        let sorted = rows.sorted { Attention.leadTaskPrecedes($0, $1) }.map(\.task.description)
        // Overdue first, earliest deadline first, the same deadline in task order; a task with a
        // deadline before one without.
        #expect(sorted == ["kh-1/f", "kh-1/e", "kh-2/d", "kh-1/c", "kh-1/b", "kh-1/a"])
    }

    // MARK: The agencies most behind

    private static func tally(_ states: [TaskState]) -> Completion {
        var c = Completion()
        for s in states { c.add(s) }
        return c
    }

    @Test func mostBehindHaveTheMostOverduePairsThenTheLowestShare() {
        let agencies: [(id: AgencyID, completion: Completion, order: Int)] = [
            (AgencyID("a"), Self.tally([.overdue, .done, .done]), 0),
            (AgencyID("b"), Self.tally([.overdue, .overdue, .done]), 1),
            (AgencyID("c"), Self.tally([.overdue, .notStarted, .notStarted]), 2),
            (AgencyID("d"), Self.tally([.done, .notStarted]), 3),
            (AgencyID("e"), Self.tally([.overdue, .notStarted, .notStarted]), 4),
            (AgencyID("f"), Completion(), 5),
        ]
        // b has two overdue; a, c, e one each: c and e (nothing done) before a; c before e by file order.
        // d and f have nothing overdue and are not listed.
        #expect(Attention.mostBehind(agencies, limit: 10).map(\.rawValue) == ["b", "c", "e", "a"])
        #expect(Attention.mostBehind(agencies, limit: 2).map(\.rawValue) == ["b", "c"])
    }
}
