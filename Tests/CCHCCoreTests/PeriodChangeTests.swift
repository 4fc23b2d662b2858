import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore

extension PeriodFixture {
    /// The fixture, loaded (with the warning about the report dated after as_of).
    static func load() throws -> LoadedSite {
        let site = try TemporarySite(files)
        let result = SiteLoader.load(root: site.root)
        return try #require(result.site, "the fixture has errors: \(result.errors)")
    }
}

/// A pair as the tests name it: `task agency [period]`.
private func name(_ pair: PeriodChange.Pair) -> String {
    "\(pair.task) \(pair.agency)" + (pair.occurrence.period.map { " \($0)" } ?? "")
}

private func day(_ iso: String) -> Day { Day(iso: iso)! }

// MARK: - A naive second computation

/// The spec's state table worked out from the raw reports, without the derivation: the latest of
/// the agency's updates on the pair dated by `date`, by (reported, path, position).
private func naiveState(_ site: Site, _ pair: (task: String, agency: String, period: String?, due: String, issued: String), at date: Day) -> TaskState {
    var latest: (Day, String, Int, TaskUpdate)?
    for report in site.reports where report.agency.value.rawValue == pair.agency && report.reported.value <= date {
        for update in report.updates where update.task.value.description == pair.task {
            if let period = pair.period, update.period?.value.description != period { continue }
            let key = (report.reported.value, report.path, update.position)
            if let current = latest, (current.0, current.1, current.2) > (key.0, key.1, key.2) { continue }
            latest = (key.0, key.1, key.2, update)
        }
    }
    let due = day(pair.due)
    switch latest?.3.status {
    case .done?: return latest!.3.completed! > due ? .doneLate : .done
    case .dropped?: return .dropped
    case .inProgress?: return due < date ? .overdue : .inProgress
    case .notStarted?: return due < date ? .overdue : .notStarted
    case nil: return due < date ? .overdue : .noReport
    }
}

extension Day {
    /// The day before, by hand (the tests' own calendar arithmetic).
    fileprivate var dayBefore: Day {
        if day > 1 { return Day(year: year, month: month, day: day - 1)! }
        if month > 1 { return Day.lastDay(ofMonth: month - 1, year: year) }
        return Day(year: year - 1, month: 12, day: 31)!
    }
}

struct PeriodChangeTests {
    // MARK: - Worked out by hand

    @Test func endOfQ3AgainstEndOfQ2() throws {
        let loaded = try PeriodFixture.load()
        let change = PeriodChange(site: loaded.site, lookup: loaded.lookup, asOf: day("2024-09-30"))
        #expect(change.period == Period("2024-Q3"))
        #expect(change.previousEnd == day("2024-06-30"))
        // Done in the period: t1 late (overdue at 30/06), t2 by SNV (reported in a monthly file),
        // July of t3, t6 through the supplementary report.
        #expect(change.done.map(name) == ["kh-1/t1 so-noi-vu", "kh-1/t2 so-noi-vu", "kh-1/t3 so-tu-phap 2024-07", "kh-1/t6 so-noi-vu"])
        #expect(change.done.map(\.state) == [.doneLate, .done, .done, .done])
        #expect(change.done.map(\.previousState) == [.overdue, .noReport, .noReport, .noReport])
        // STC's done report is dated 05/10: it does not count at 30/09.
        #expect(
            change.newlyOverdue.map(name) == [
                "kh-1/t2 so-tu-phap", "kh-1/t2 so-tai-chinh", "kh-1/t3 so-tu-phap 2024-08",
                "kh-1/t3 so-tu-phap 2024-09", "kh-1/t7 so-tu-phap",
            ])
        #expect(change.stillOverdue.map(name) == ["kh-1/t3 so-tu-phap 2024-06"])
        // 15 pairs; done now: t1, t2 SNV, t3 04, 05, 07, t5, t6; done at 30/06: t3 04, 05, t5.
        #expect((change.completion.done, change.completion.total) == (7, 15))
        #expect((change.previousCompletion.done, change.previousCompletion.total) == (3, 15))
        #expect(change.completion.count(.doneLate) == 2)
        // Expected: every lead with a pair open at 30/06 in Q3 (UBND tỉnh through kh-2, issued 01/08).
        #expect(change.expectedReporters == ["ubnd-tinh", "so-noi-vu", "so-tu-phap", "so-tai-chinh", "ubnd-huyen-a"])
        // STC's file is dated after 30/09, the district's is for 2024-H2, not inside Q3.
        #expect(change.notReported == ["ubnd-tinh", "so-tai-chinh", "ubnd-huyen-a"])
        let counted = change.reports.map { loaded.site.reports[$0].path }.sorted()
        #expect(
            counted == [
                "content/progress/2024-08/so-noi-vu.yml", "content/progress/2024-Q3/so-noi-vu-bo-sung.yml",
                "content/progress/2024-Q3/so-noi-vu.yml", "content/progress/2024-Q3/so-tu-phap.yml",
            ])
        // Overdue by due day: June of t3 (25/06), t7 (30/06), August of t3 (25/08), t2's two (31/08), September of t3.
        #expect(
            change.overdue.map(name) == [
                "kh-1/t3 so-tu-phap 2024-06", "kh-1/t7 so-tu-phap", "kh-1/t3 so-tu-phap 2024-08",
                "kh-1/t2 so-tu-phap", "kh-1/t2 so-tai-chinh", "kh-1/t3 so-tu-phap 2024-09",
            ])
    }

    @Test func reportingDateOnThePeriodsFirstDay() throws {
        let loaded = try PeriodFixture.load()
        let change = PeriodChange(site: loaded.site, lookup: loaded.lookup, asOf: day("2024-07-01"))
        #expect(change.period == Period("2024-Q3") && change.previousEnd == day("2024-06-30"))
        #expect(change.done.isEmpty)
        // t7, due 30/06, was not overdue on 30/06 and is on 01/07.
        #expect(change.newlyOverdue.map(name) == ["kh-1/t7 so-tu-phap"])
        #expect(change.stillOverdue.map(name) == ["kh-1/t1 so-noi-vu", "kh-1/t3 so-tu-phap 2024-06"])
        #expect((change.completion.done, change.previousCompletion.done, change.completion.total) == (3, 3, 15))
        // kh-2 is not issued yet; nobody has reported for Q3 by 01/07.
        #expect(change.expectedReporters == ["so-noi-vu", "so-tu-phap", "so-tai-chinh", "ubnd-huyen-a"])
        #expect(change.notReported == change.expectedReporters)
        #expect(change.reports.isEmpty)
    }

    @Test func theFirstPeriodOfTheSite() throws {
        let loaded = try PeriodFixture.load()
        let change = PeriodChange(site: loaded.site, lookup: loaded.lookup, asOf: day("2024-03-31"))
        #expect(change.period == Period("2024-Q1") && change.previousEnd == day("2023-12-31"))
        #expect(change.done.map(name) == ["kh-1/t5 so-noi-vu"])
        #expect(change.newlyOverdue.isEmpty && change.stillOverdue.isEmpty)
        #expect((change.completion.done, change.previousCompletion.done) == (1, 0))
        // t3 starts in April, so STP is expected for t2 and t7 only; SNV reported for Q1.
        #expect(change.expectedReporters == ["so-noi-vu", "so-tu-phap", "so-tai-chinh", "ubnd-huyen-a"])
        #expect(change.notReported == ["so-tu-phap", "so-tai-chinh", "ubnd-huyen-a"])
    }

    @Test func aMonthlyRhythmComparesWithTheMonthBefore() throws {
        let loaded = try PeriodFixture.load()
        let change = PeriodChange(site: loaded.site, lookup: loaded.lookup, asOf: day("2024-09-30"), rhythm: .month)
        #expect(change.period == Period("2024-09") && change.previousEnd == day("2024-08-31"))
        #expect(change.done.map(name) == ["kh-1/t3 so-tu-phap 2024-07", "kh-1/t6 so-noi-vu"])
        #expect(change.done.map(\.previousState) == [.overdue, .inProgress])
        #expect(change.newlyOverdue.map(name) == ["kh-1/t2 so-tu-phap", "kh-1/t2 so-tai-chinh", "kh-1/t3 so-tu-phap 2024-09"])
        #expect(change.stillOverdue.map(name) == ["kh-1/t3 so-tu-phap 2024-06", "kh-1/t3 so-tu-phap 2024-08", "kh-1/t7 so-tu-phap"])
        #expect((change.completion.done, change.previousCompletion.done) == (7, 5))
        // Quarterly files are not inside the month 2024-09: nobody has reported for it.
        #expect(change.notReported == ["ubnd-tinh", "so-noi-vu", "so-tu-phap", "so-tai-chinh", "ubnd-huyen-a"])
    }

    @Test func theSiteSettingIsTheDefaultRhythmAndAGivenDerivationIsReused() throws {
        let loaded = try PeriodFixture.load()
        #expect(loaded.site.settings.reporting == .quarter)
        var site = loaded.site
        site.settings.reporting = .half
        let change = PeriodChange(site: site, lookup: loaded.lookup, asOf: loaded.asOf, current: loaded.derivation)
        #expect(change.period == Period("2024-H2") && change.previousEnd == day("2024-06-30"))
        #expect(change.current.asOf == loaded.asOf && change.previous.asOf == day("2024-06-30"))
        // A derivation of another date is not taken for the reporting date's.
        let other = PeriodChange(site: site, lookup: loaded.lookup, asOf: day("2024-08-15"), current: loaded.derivation)
        #expect(other.current.asOf == day("2024-08-15"))
    }

    // MARK: - Against a naive computation, every day of the year and every rhythm

    @Test(arguments: PeriodKind.allCases)
    func everyDayMatchesANaiveComputation(_ rhythm: PeriodKind) throws {
        let loaded = try PeriodFixture.load()
        let site = loaded.site
        var date = day("2024-01-01")
        while date.year == 2024 {
            let change = PeriodChange(site: site, lookup: loaded.lookup, asOf: date, rhythm: rhythm)
            // The period and its previous end, by hand.
            let firstMonth = (date.month - 1) / rhythm.months * rhythm.months + 1
            let lastMonth = firstMonth + rhythm.months - 1
            let first = Day(year: date.year, month: firstMonth, day: 1)!, last = Day.lastDay(ofMonth: lastMonth, year: date.year)
            #expect(change.previousEnd == first.dayBefore)
            var done: [String] = [], newly: [String] = [], still: [String] = []
            var now = 0, before = 0
            var expected = Set<String>()
            for pair in PeriodFixture.pairs {
                let a = naiveState(site, pair, at: date), b = naiveState(site, pair, at: first.dayBefore)
                let label = "\(pair.task) \(pair.agency)" + (pair.period.map { " \($0)" } ?? "")
                if a.isDone { now += 1 }
                if b.isDone { before += 1 }
                if a.isDone && !b.isDone { done.append(label) }
                if a == .overdue { if b == .overdue { still.append(label) } else { newly.append(label) } }
                // In the period: one-off, or a month overlapping it.
                let inPeriod =
                    pair.period.map { text in
                        let month = Int(text.suffix(2))!
                        return month >= firstMonth && month <= lastMonth && date.year == 2024
                    } ?? true
                if day(pair.issued) <= date && !b.isDone && b != .dropped && inPeriod { expected.insert(pair.agency) }
            }
            var reported = Set<String>()
            for report in site.reports
            where report.reported.value <= date
                && report.period.firstDay >= first && report.period.lastDay <= last
            {
                reported.insert(report.agency.value.rawValue)
            }
            let order = site.agencies.map(\.id.rawValue)
            #expect(change.done.map(name) == done, "done, \(rhythm) \(date)")
            #expect(change.newlyOverdue.map(name) == newly, "newly overdue, \(rhythm) \(date)")
            #expect(change.stillOverdue.map(name) == still, "still overdue, \(rhythm) \(date)")
            #expect(change.completion.done == now && change.previousCompletion.done == before && change.completion.total == 15, "\(rhythm) \(date)")
            #expect(change.expectedReporters.map(\.rawValue) == order.filter(expected.contains), "expected, \(rhythm) \(date)")
            #expect(
                change.notReported.map(\.rawValue) == order.filter { expected.contains($0) && !reported.contains($0) },
                "not reported, \(rhythm) \(date)")
            date =
                Day.lastDay(ofMonth: date.month, year: date.year) == date
                ? (date.month == 12 ? Day(year: date.year + 1, month: 1, day: 1)! : Day(year: date.year, month: date.month + 1, day: 1)!)
                : Day(year: date.year, month: date.month, day: date.day + 1)!
        }
    }

    // MARK: - Periods

    @Test(arguments: [
        ("2024-Q1", "2023-Q4"), ("2024-Q3", "2024-Q2"), ("2024-01", "2023-12"), ("2024-H1", "2023-H2"),
        ("2024-H2", "2024-H1"), ("2024", "2023"), ("2024-10", "2024-09"),
    ])
    func previousPeriod(_ period: String, _ previous: String) {
        #expect(Period(period)!.previous == Period(previous)!)
    }

    @Test func aPeriodHoldsItselfAndShorterPeriodsInsideIt() {
        let q3 = Period("2024-Q3")!
        #expect(["2024-Q3", "2024-07", "2024-08", "2024-09"].allSatisfy { q3.holds(Period($0)!) })
        #expect(!["2024-H2", "2024", "2024-06", "2024-10", "2023-Q3"].contains { q3.holds(Period($0)!) })
        #expect(Period("2024")!.holds(Period("2024-H2")!) && Period("2024-H2")!.holds(Period("2024-Q4")!))
    }

    @Test func theReportingSettingIsRead() throws {
        for (line, expected) in [("", PeriodKind.quarter), ("reporting: month\n", .month), ("reporting: half\n", .half), ("reporting: year\n", .year)] {
            let site = try TemporarySite(Fixtures.minimal(["site.yml": Fixtures.siteYML + line]))
            let loaded = try #require(SiteLoader.load(root: site.root).site)
            #expect(loaded.site.settings.reporting == expected, "\(line)")
        }
    }
}
