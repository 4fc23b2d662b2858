import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore

// MARK: - Fixture pieces

/// A site with the fixture's agencies and index, one plan `kh-1` holding `tasks`, and `reports`.
private func site(
    tasks: String, reports: [String: String] = [:], asOf: String? = "2024-09-30",
    issued: String = "2024-06-08", extraPlans: [String: String] = [:]
) throws -> TemporarySite {
    var files: [String: String] = [
        "site.yml": "title: T\nprovince: Bắc Kạn\nbase_url: https://example.gov.vn/\n" + (asOf.map { "as_of: \($0)\n" } ?? ""),
        "content/agencies.yml": Fixtures.agenciesYML,
        "content/indices/par-index.yml": Fixtures.indexYML,
        "content/plans/kh-1.md": "---\nnumber: 1/KH\ntitle: Một\nissuer: ubnd-tinh\nissued: \(issued)\ntasks:\n\(tasks)---\n",
    ]
    for (path, text) in reports { files[path] = text }
    for (path, text) in extraPlans { files[path] = text }
    return try TemporarySite(files)
}

/// Loads a site that must have no errors (warnings are allowed and returned).
private func load(_ site: TemporarySite, asOf: Day? = nil) throws -> LoadedSite {
    let result = SiteLoader.load(root: site.root, asOf: asOf)
    let loaded = try #require(result.site, "the fixture has errors: \(result.errors)")
    return loaded
}

/// A report by `agency` dated `reported` with the given update lines.
private func report(by agency: String = "so-noi-vu", reported: String = "2024-09-25", _ updates: String) -> String {
    "agency: \(agency)\nperiod: 2024-Q3\nreported: \(reported)\nupdates:\n\(updates)"
}

/// One update line block.
private func update(_ status: String, task: String = "kh-1/t", completed: String? = nil, period: String? = nil, note: String? = nil) -> String {
    var text = "  - task: \(task)\n    status: \(status)\n"
    if let completed { text += "    completed: \(completed)\n" }
    if let period { text += "    period: \(period)\n" }
    if let note { text += "    note: \(note)\n" }
    return text
}

private func day(_ iso: String) -> Day { Day(iso: iso)! }

/// The states of a task's pairs, in pair order.
private func states(_ loaded: LoadedSite, _ task: String = "kh-1/t") -> [TaskState] {
    loaded.derivation.tasks[TaskID(task)!]!.pairs.map(\.state)
}

// MARK: - The state table

/// One row of the spec's state table, for a one-off task led by SNV, as of 2024-09-30.
struct StateCase: Sendable, CustomTestStringConvertible {
    var name: String
    /// `due:` of the task, or nil for none.
    var due: String?
    /// SNV's update, or nil for none.
    var status: String?
    var completed: String?
    var expected: TaskState
    var testDescription: String { name }
}

extension StateCase {
    static let all: [StateCase] = [
        StateCase(name: "done on time", due: "2024-06-30", status: "done", completed: "2024-06-28", expected: .done),
        StateCase(name: "completed on the due date is not late", due: "2024-06-30", status: "done", completed: "2024-06-30", expected: .done),
        StateCase(name: "done late", due: "2024-06-30", status: "done", completed: "2024-07-01", expected: .doneLate),
        StateCase(name: "done late against a period deadline", due: "2024-Q2", status: "done", completed: "2024-07-01", expected: .doneLate),
        StateCase(name: "done on the period's last day", due: "2024-Q2", status: "done", completed: "2024-06-30", expected: .done),
        StateCase(name: "done without a deadline", due: nil, status: "done", completed: "2030-01-01", expected: .done),
        StateCase(name: "Vietnamese `hoàn thành`", due: "2024-06-30", status: "hoàn thành", completed: "2024-06-28", expected: .done),
        StateCase(name: "dropped before the deadline", due: "2024-12-31", status: "dropped", expected: .dropped),
        StateCase(name: "dropped after the deadline is not overdue", due: "2024-06-30", status: "dropped", expected: .dropped),
        StateCase(name: "in progress past the deadline is overdue", due: "2024-06-30", status: "in-progress", expected: .overdue),
        StateCase(name: "not started past the deadline is overdue", due: "2024-09-29", status: "not-started", expected: .overdue),
        StateCase(name: "no report past the deadline is overdue", due: "2024-06-30", status: nil, expected: .overdue),
        StateCase(name: "in progress before the deadline", due: "2024-12-31", status: "in-progress", expected: .inProgress),
        StateCase(name: "Vietnamese `đang thực hiện`", due: "2024-12-31", status: "đang thực hiện", expected: .inProgress),
        StateCase(name: "not started before the deadline", due: "2024-12-31", status: "not-started", expected: .notStarted),
        StateCase(name: "no report before the deadline", due: "2024-12-31", status: nil, expected: .noReport),
        StateCase(name: "due on the reporting date is not overdue", due: "2024-09-30", status: "in-progress", expected: .inProgress),
        StateCase(name: "due on the reporting date, no report", due: "2024-09-30", status: nil, expected: .noReport),
        StateCase(name: "a period deadline ending on the reporting date", due: "2024-09", status: "not-started", expected: .notStarted),
        StateCase(name: "no due date is never overdue", due: nil, status: "in-progress", expected: .inProgress),
        StateCase(name: "no due date and no report", due: nil, status: nil, expected: .noReport),
    ]
}

struct DerivationTests {
    @Test(arguments: StateCase.all)
    func stateTable(_ c: StateCase) throws {
        let task = "  - id: t\n    title: T\n    lead: [so-noi-vu]\n" + (c.due.map { "    due: \($0)\n" } ?? "")
        var reports: [String: String] = [:]
        if let status = c.status {
            reports["content/progress/snv.yml"] = report(update(status, completed: c.completed))
        }
        let loaded = try load(try site(tasks: task, reports: reports))
        #expect(states(loaded) == [c.expected])
    }

    @Test func stateFunctionMatchesTheTableAtTheBoundary() {
        // The pure function, without files: due == as_of is not overdue, one day later it is.
        let occurrence = Occurrence(period: nil, due: day("2024-09-30"))
        #expect(Derivation.state(of: nil, occurrence: occurrence, asOf: day("2024-09-30")) == .noReport)
        #expect(Derivation.state(of: nil, occurrence: occurrence, asOf: day("2024-10-01")) == .overdue)
        #expect(Derivation.state(of: nil, occurrence: Occurrence(period: nil, due: nil), asOf: day("2099-12-31")) == .noReport)
    }

    // MARK: - Whose updates count

    @Test func supportAgencyUpdatesChangeNoState() throws {
        let task = "  - id: t\n    title: T\n    lead: [so-noi-vu]\n    support: [so-tu-phap]\n    due: 2024-12-31\n"
        let loaded = try load(
            try site(
                tasks: task,
                reports: [
                    "content/progress/stp.yml": report(by: "so-tu-phap", update("done", completed: "2024-07-01"))
                ]))
        let derived = loaded.derivation.tasks[TaskID("kh-1/t")!]!
        #expect(derived.pairs.map(\.agency) == ["so-noi-vu"])
        #expect(derived.pairs.map(\.state) == [.noReport])
        #expect(derived.supports == ["so-tu-phap"])
        // The support's update is still shown on the task's page.
        #expect(derived.updates.count == 1)
        #expect(derived.completion.done == 0)
        #expect(loaded.derivation.agencies[AgencyID("so-tu-phap")] == nil)
    }

    @Test func eachLeadAgencyHasItsOwnPair() throws {
        let task = "  - id: t\n    title: T\n    lead: [kind:department, ubnd-huyen-a]\n    due: 2024-06-30\n"
        let loaded = try load(
            try site(
                tasks: task,
                reports: [
                    "content/progress/snv.yml": report(update("done", completed: "2024-06-01")),
                    "content/progress/huyen.yml": report(by: "ubnd-huyen-a", update("in-progress")),
                ]))
        let derived = loaded.derivation.tasks[TaskID("kh-1/t")!]!
        #expect(derived.leads == ["so-noi-vu", "so-tu-phap", "ubnd-huyen-a"])
        #expect(derived.pairs.map(\.state) == [.done, .overdue, .overdue])
    }

    // MARK: - Latest update

    @Test func latestUpdateIsByReportedDateFirst() throws {
        // b.yml sorts after a.yml, but a.yml is dated later: a.yml decides.
        let task = "  - id: t\n    title: T\n    lead: [so-noi-vu]\n    due: 2024-12-31\n"
        let loaded = try load(
            try site(
                tasks: task,
                reports: [
                    "content/progress/a.yml": report(reported: "2024-09-20", update("done", completed: "2024-09-19")),
                    "content/progress/b.yml": report(reported: "2024-09-10", update("in-progress")),
                ]))
        #expect(states(loaded) == [.done])
    }

    @Test(arguments: [
        // (first path, second path): on the same date the later path in byte order wins.
        ("content/progress/2024-Q3/so-noi-vu-bo-sung.yml", "content/progress/2024-Q3/so-noi-vu.yml"), // '-' < '.'
        ("content/progress/B.yml", "content/progress/a.yml"), // bytes, not case-insensitive
        ("content/progress/z.yml", "content/progress/đ.yml"), // UTF-8 bytes: đ (C4 91) after z
        ("content/progress/2024-Q3/x.yml", "content/progress/2024-Q4/a.yml"), // the whole path, folders first
    ])
    func sameDateThenPathBytesDecide(_ earlier: String, _ later: String) throws {
        let task = "  - id: t\n    title: T\n    lead: [so-noi-vu]\n    due: 2024-12-31\n"
        for (laterStatus, expected) in [("in-progress", TaskState.inProgress), ("done", .done)] {
            let earlierStatus = laterStatus == "done" ? "in-progress" : "done"
            let loaded = try load(
                try site(
                    tasks: task,
                    reports: [
                        earlier: report(update(earlierStatus, completed: "2024-09-01")),
                        later: report(update(laterStatus, completed: "2024-09-01")),
                    ]))
            #expect(states(loaded) == [expected], "\(later) is later than \(earlier)")
        }
    }

    @Test func withinOneFileTheLaterPositionWins() throws {
        let task = "  - id: t\n    title: T\n    lead: [so-noi-vu]\n    due: 2024-12-31\n"
        let loaded = try load(
            try site(
                tasks: task,
                reports: [
                    "content/progress/snv.yml": report(update("done", completed: "2024-09-01") + update("in-progress"))
                ]))
        #expect(states(loaded) == [.inProgress])
        let derived = loaded.derivation.tasks[TaskID("kh-1/t")!]!
        #expect(derived.pairs[0].latest == UpdateReference(report: 0, update: 1))
    }

    @Test func aSupplementaryReportForTheSamePeriodIsRead() throws {
        // Same agency, same period, a later date: the supplementary file decides.
        let task = "  - id: t\n    title: T\n    lead: [so-noi-vu]\n    due: 2024-12-31\n"
        let loaded = try load(
            try site(
                tasks: task,
                reports: [
                    "content/progress/2024-Q3/so-noi-vu.yml": report(reported: "2024-09-25", update("in-progress")),
                    "content/progress/2024-Q3/so-noi-vu-bo-sung.yml": report(reported: "2024-09-28", update("done", completed: "2024-09-27")),
                ]))
        #expect(states(loaded) == [.done])
        #expect(loaded.derivation.tasks[TaskID("kh-1/t")!]!.updates.count == 2)
    }

    @Test func reportsAfterTheReportingDateAreIgnored() throws {
        let task = "  - id: t\n    title: T\n    lead: [so-noi-vu]\n    due: 2024-12-31\n"
        let fixture = try site(
            tasks: task,
            reports: [
                "content/progress/a.yml": report(reported: "2024-09-10", update("in-progress")),
                "content/progress/b.yml": report(reported: "2024-10-05", update("done", completed: "2024-10-01")),
            ])
        let loaded = try load(fixture)
        #expect(states(loaded) == [.inProgress])
        #expect(loaded.derivation.ignoredReports == [1])
        #expect(loaded.derivation.tasks[TaskID("kh-1/t")!]!.updates.count == 1)
        // With a later reporting date the report counts.
        let later = try load(fixture, asOf: day("2024-10-05"))
        #expect(states(later) == [.done])
        #expect(later.derivation.ignoredReports.isEmpty)
    }

    // MARK: - Recurring tasks

    /// The occurrences of one recurring task: (period, due) pairs written out.
    private func occurrences(_ lines: String, issued: String = "2024-06-08") throws -> [String] {
        let loaded = try load(try site(tasks: "  - id: t\n    title: T\n    lead: [so-noi-vu]\n" + lines, asOf: "2024-06-30", issued: issued))
        return loaded.derivation.tasks[TaskID("kh-1/t")!]!.occurrences.map { "\($0.period!) \($0.due!.iso)" }
    }

    @Test func monthlyFromAQuarterStartsAtItsLastMonth() throws {
        #expect(
            try occurrences("    every: month\n    due: 2024-Q3\n    until: 2024-12\n")
                == ["2024-09 2024-09-30", "2024-10 2024-10-31", "2024-11 2024-11-30", "2024-12 2024-12-31"])
    }

    @Test func day31FallsOnTheLastDayOfShortMonths() throws {
        #expect(
            try occurrences("    every: month\n    day: 31\n    due: 2024-01\n    until: 2024-04\n", issued: "2024-01-02")
                == ["2024-01 2024-01-31", "2024-02 2024-02-29", "2024-03 2024-03-31", "2024-04 2024-04-30"])
        #expect(
            try occurrences("    every: month\n    day: 31\n    due: 2023-02\n    until: 2023-02\n", issued: "2023-01-02")
                == ["2023-02 2023-02-28"])
    }

    @Test func dayFallsInTheLastMonthOfTheOccurrence() throws {
        #expect(
            try occurrences("    every: quarter\n    day: 25\n    due: 2024-Q3\n")
                == ["2024-Q3 2024-09-25", "2024-Q4 2024-12-25"])
    }

    @Test func untilDefaultsToTheEndOfTheStartYear() throws {
        #expect(
            try occurrences("    every: quarter\n    due: 2024-04-15\n")
                == ["2024-Q2 2024-06-30", "2024-Q3 2024-09-30", "2024-Q4 2024-12-31"])
        // Without `due` the plan's issue date starts it.
        #expect(try occurrences("    every: half\n", issued: "2024-03-01") == ["2024-H1 2024-06-30", "2024-H2 2024-12-31"])
        #expect(try occurrences("    every: month\n", issued: "2024-10-20") == ["2024-10 2024-10-31", "2024-11 2024-11-30", "2024-12 2024-12-31"])
    }

    @Test func untilAsADate() throws {
        #expect(
            try occurrences("    every: month\n    due: 2024-07\n    until: 2024-10-15\n")
                == ["2024-07 2024-07-31", "2024-08 2024-08-31", "2024-09 2024-09-30", "2024-10 2024-10-31"])
    }

    @Test func untilAsAPeriodOfAnotherKind() throws {
        #expect(
            try occurrences("    every: month\n    due: 2024-07\n    until: 2024-Q3\n")
                == ["2024-07 2024-07-31", "2024-08 2024-08-31", "2024-09 2024-09-30"])
        #expect(
            try occurrences("    every: quarter\n    due: 2024-Q1\n    until: 2024-H1\n", issued: "2024-01-05")
                == ["2024-Q1 2024-03-31", "2024-Q2 2024-06-30"])
        #expect(try occurrences("    every: half\n    due: 2024-H2\n    until: 2025\n").count == 3)
        #expect(try occurrences("    every: year\n    due: 2024\n    until: 2026-06\n") == ["2024 2024-12-31", "2025 2025-12-31", "2026 2026-12-31"])
    }

    @Test func eachOccurrenceHasItsOwnState() throws {
        let task = "  - id: t\n    title: T\n    lead: [so-noi-vu]\n    every: month\n    due: 2024-07\n    until: 2024-10\n"
        let loaded = try load(
            try site(
                tasks: task,
                reports: [
                    "content/progress/snv.yml": report(
                        update("done", completed: "2024-08-02", period: "2024-07")
                            + update("in-progress", period: "2024-10"))
                ]))
        // 07 done late (due 31/07), 08 overdue, 09 due on the reporting date, 10 in progress.
        #expect(states(loaded) == [.doneLate, .overdue, .noReport, .inProgress])
        let derived = loaded.derivation.tasks[TaskID("kh-1/t")!]!
        #expect(derived.completion.done == 1)
        #expect(derived.completion.total == 4)
    }

    // MARK: - Completion shares

    @Test func doneLateCountsAsDoneAndDroppedStaysInTheDenominator() throws {
        let task = "  - id: t\n    title: T\n    lead: [so-noi-vu, so-tu-phap, ubnd-huyen-a, ubnd-tinh]\n    due: 2024-06-30\n"
        let loaded = try load(
            try site(
                tasks: task,
                reports: [
                    "content/progress/snv.yml": report(update("done", completed: "2024-06-01")),
                    "content/progress/stp.yml": report(by: "so-tu-phap", update("done", completed: "2024-07-15")),
                    "content/progress/huyen.yml": report(by: "ubnd-huyen-a", update("dropped")),
                ]))
        #expect(states(loaded) == [.done, .doneLate, .dropped, .overdue])
        let completion = loaded.derivation.tasks[TaskID("kh-1/t")!]!.completion
        #expect(completion.done == 2)
        #expect(completion.total == 4)
        #expect(completion.share == 0.5)
        #expect(completion.count(.dropped) == 1)
        #expect(loaded.derivation.plans[PlanID("kh-1")] == completion)
    }

    @Test func agencyCompletionSpansPlans() throws {
        let tasks = "  - id: t\n    title: T\n    lead: [so-noi-vu]\n    due: 2024-06-30\n"
        let second =
            "---\nnumber: 2/KH\ntitle: Hai\nissuer: so-noi-vu\nissued: 2024-07-01\nparent: kh-1\ntasks:\n"
            + "  - id: u\n    title: U\n    lead: [kind:department]\n    due: 2024-08-31\n"
            + "  - id: v\n    title: V\n    lead: [so-noi-vu]\n    due: 2024-12-31\n---\n"
        let loaded = try load(
            try site(
                tasks: tasks,
                reports: [
                    "content/progress/snv.yml": report(
                        update("done", task: "kh-1/t", completed: "2024-06-30") + update("done", task: "kh-2/u", completed: "2024-09-01")),
                    "content/progress/stp.yml": report(by: "so-tu-phap", update("in-progress", task: "kh-2/u")),
                ], extraPlans: ["content/plans/kh-2.md": second]))
        let snv = try #require(loaded.derivation.agencies[AgencyID("so-noi-vu")])
        #expect(snv.total == 3)
        #expect(snv.done == 2)
        #expect(snv.count(.doneLate) == 1)
        #expect(snv.count(.noReport) == 1)
        let stp = try #require(loaded.derivation.agencies[AgencyID("so-tu-phap")])
        #expect(stp.total == 1)
        #expect(stp.count(.overdue) == 1)
        #expect(loaded.derivation.plans[PlanID("kh-2")]?.total == 3)
    }

    @Test func indexAreaAndCriterionCompletion() throws {
        let tasks =
            "  - id: a\n    title: A\n    lead: [so-noi-vu]\n    index: [par-index/chi-dao]\n"
            + "  - id: b\n    title: B\n    lead: [so-noi-vu]\n    index: [\"par-index#1.1\"]\n"
            + "  - id: c\n    title: C\n    lead: [so-noi-vu]\n    index: [par-index, par-index/chi-dao]\n"
            + "  - id: d\n    title: D\n    lead: [so-noi-vu]\n"
        let loaded = try load(
            try site(
                tasks: tasks,
                reports: [
                    "content/progress/snv.yml": report(
                        update("done", task: "kh-1/a", completed: "2024-06-30") + update("done", task: "kh-1/c", completed: "2024-06-30"))
                ]))
        let index = try #require(loaded.derivation.indices[IndexID("par-index")])
        #expect(index.done == 2)
        #expect(index.total == 3, "a task that names an index twice counts once")
        let area = try #require(loaded.derivation.areas[IndexID("par-index")]?["chi-dao"])
        #expect(area.done == 2)
        #expect(area.total == 3, "a criterion's task counts for its area")
        let criterion = try #require(loaded.derivation.criteria[IndexID("par-index")]?["1.1"])
        #expect(criterion.done == 0)
        #expect(criterion.total == 1)
    }

    @Test func replacedByChangesNoPairs() throws {
        let agencies = Fixtures.agenciesYML + "- id: so-moi\n  name: Sở mới\n  kind: department\n"
        let fixture = try site(tasks: "  - id: t\n    title: T\n    lead: [so-tu-phap]\n    due: 2024-06-30\n")
        try fixture.write(
            "content/agencies.yml",
            agencies.replacingOccurrences(
                of: "  name: Sở Tư pháp\n  kind: department\n",
                with: "  name: Sở Tư pháp\n  kind: department\n  replaced_by: so-moi\n"))
        let loaded = try load(fixture)
        let derived = loaded.derivation.tasks[TaskID("kh-1/t")!]!
        #expect(derived.pairs.map(\.agency) == ["so-tu-phap"])
        #expect(loaded.derivation.agencies[AgencyID("so-moi")] == nil)
    }

    // MARK: - The reporting date

    @Test func reportingDateFallsBackInTheSpecsOrder() throws {
        let tasks = "  - id: t\n    title: T\n    lead: [so-noi-vu]\n    due: 2024-06-30\n"
        let reports = [
            "content/progress/a.yml": report(reported: "2024-09-25", update("in-progress")),
            "content/progress/b.yml": report(reported: "2024-08-01", update("in-progress")),
        ]
        let second = "---\nnumber: 2/KH\ntitle: Hai\nissuer: so-noi-vu\nissued: 2024-11-02\n---\n"
        // --as-of beats as_of.
        let withAll = try site(tasks: tasks, reports: reports, asOf: "2024-09-30", extraPlans: ["content/plans/kh-2.md": second])
        #expect(try load(withAll, asOf: day("2024-07-01")).asOf == day("2024-07-01"))
        // as_of beats the reports.
        #expect(try load(withAll).asOf == day("2024-09-30"))
        // Without as_of: the latest `reported`.
        let noAsOf = try site(tasks: tasks, reports: reports, asOf: nil, extraPlans: ["content/plans/kh-2.md": second])
        #expect(try load(noAsOf).asOf == day("2024-09-25"))
        // Without reports either: the latest `issued`.
        let noReports = try site(tasks: tasks, asOf: nil, extraPlans: ["content/plans/kh-2.md": second])
        #expect(try load(noReports).asOf == day("2024-11-02"))
    }

    @Test func theCommandLineUsesTheSameReportingDate() throws {
        let fixture = try site(tasks: "  - id: t\n    title: T\n    lead: [so-noi-vu]\n", asOf: nil)
        let plain = try CCHCBinary.run(["check", fixture.root.path])
        #expect(plain.exitCode == 0, "\(plain)")
        #expect(plain.stdout.contains("as of 08/06/2024"), "\(plain)")
        let override = try CCHCBinary.run(["check", fixture.root.path, "--as-of", "2024-10-01"])
        #expect(override.stdout.contains("as of 01/10/2024"), "\(override)")
        let bad = try CCHCBinary.run(["check", fixture.root.path, "--as-of", "2024-02-30"])
        #expect(bad.exitCode != 0 && !bad.crashed, "\(bad)")
    }

    @Test func derivationIsTheSameForTheSameContent() throws {
        let fixture = try TemporarySite(Fixtures.minimal)
        let a = try load(fixture), b = try load(fixture)
        for (id, task) in a.derivation.tasks {
            #expect(task.pairs == b.derivation.tasks[id]?.pairs)
        }
        #expect(a.derivation.agencies == b.derivation.agencies)
    }

    /// Each lead's pairs, read as one run of the agency-major list, are the pairs that name it.
    @Test func eachLeadsPairsAreOneRun() throws {
        let example = try TemporarySite.example()
        let loaded = try #require(SiteLoader.load(root: example.root).site)
        var recurring = 0
        for (_, derived) in loaded.derivation.tasks {
            if derived.occurrences.count > 1 { recurring += 1 }
            for (position, lead) in derived.leads.enumerated() {
                let named = derived.pairs.filter { $0.agency == lead }
                #expect(Array(derived.pairs(ofLeadAt: position)) == named)
                #expect(Array(derived.pairs(of: lead)) == named)
            }
            for support in derived.supports where !derived.leads.contains(support) {
                #expect(derived.pairs(of: support).isEmpty)
            }
        }
        #expect(recurring > 0, "the example has recurring tasks, whose leads have several pairs")
    }
}
