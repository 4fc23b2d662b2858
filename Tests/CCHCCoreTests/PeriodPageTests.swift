import CCHCFormat
import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore

/// The period pages, the dashboard's and the agency pages' period blocks, against numbers worked
/// out here from two plain derivations (and, for the current period, by hand).
struct PeriodPageTests {
    /// The built fixture: its pages by path, and the loaded site.
    static let built: Result<(pages: [String: String], loaded: LoadedSite), any Error> = Result {
        let site = try TemporarySite(PeriodFixture.files)
        let made = SiteBuild.render(root: site.root)
        let files = try #require(made.files, "\(made.diagnostics)")
        var pages: [String: String] = [:]
        for file in files where file.path.hasSuffix(".html") {
            if case .bytes(let bytes) = file.contents { pages[file.path] = String(decoding: bytes, as: UTF8.self) }
        }
        return (pages, try #require(made.loaded))
    }

    /// The text between `<section … aria-labelledby="id">` and its `</section>`.
    static func section(_ page: String, _ id: String) -> Substring? {
        guard let start = page.range(of: "aria-labelledby=\"\(id)\"") else { return nil }
        let rest = page[start.upperBound...]
        return rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)]
    }

    /// How many body rows a section's table has.
    static func rows(_ text: Substring) -> Int {
        guard let body = text.range(of: "<tbody>") else { return 0 }
        return text[body.upperBound...].components(separatedBy: "<tr>").count - 1
    }

    /// The numbers of one period, worked out from the derivations at its two ends.
    struct Expected {
        var done = 0, newlyOverdue = 0, stillOverdue = 0
        var doneNow = 0, doneBefore = 0, total = 0
        var expected: Set<AgencyID> = [], reported: Set<AgencyID> = []
        var byAgency: [AgencyID: (done: Int, newly: Int, still: Int)] = [:]
    }

    static func expected(_ loaded: LoadedSite, period: Period, end: Day) -> Expected {
        let site = loaded.site
        let now = Derivation(site: site, lookup: loaded.lookup, asOf: end)
        let start = period.firstDay
        // The previous period's last day, by hand: the day before this period's first.
        let before = Derivation(
            site: site, lookup: loaded.lookup,
            asOf: start.month == 1 ? Day(year: start.year - 1, month: 12, day: 31)! : Day.lastDay(ofMonth: start.month - 1, year: start.year))
        var out = Expected()
        for plan in site.plans {
            for task in plan.tasks {
                let a = now.tasks[task.id]!.pairs, b = before.tasks[task.id]!.pairs
                for i in a.indices {
                    let x = a[i].state, y = b[i].state, agency = a[i].agency
                    out.total += 1
                    if x == .done || x == .doneLate { out.doneNow += 1 }
                    if y == .done || y == .doneLate { out.doneBefore += 1 }
                    if (x == .done || x == .doneLate) && !(y == .done || y == .doneLate) {
                        out.done += 1
                        out.byAgency[agency, default: (0, 0, 0)].done += 1
                    }
                    if x == .overdue && y != .overdue {
                        out.newlyOverdue += 1
                        out.byAgency[agency, default: (0, 0, 0)].newly += 1
                    }
                    if x == .overdue && y == .overdue {
                        out.stillOverdue += 1
                        out.byAgency[agency, default: (0, 0, 0)].still += 1
                    }
                    let occurrence = a[i].occurrence
                    let inPeriod = occurrence.period.map { $0.firstDay <= period.lastDay && start <= $0.lastDay } ?? true
                    if plan.issued <= end, y != .done, y != .doneLate, y != .dropped, inPeriod { out.expected.insert(agency) }
                }
            }
        }
        for report in site.reports where report.reported.value <= end {
            if start <= report.period.firstDay && report.period.lastDay <= period.lastDay { out.reported.insert(report.agency.value) }
        }
        return out
    }

    @Test func theFixtureHasAPageForEachQuarterFromTheFirstPlansIssue() throws {
        let (pages, _) = try Self.built.get()
        let periods = pages.keys.filter { $0.hasPrefix("ky-bao-cao/") }.sorted()
        // Each with its printable report.
        #expect(
            periods == [
                "ky-bao-cao/2024-q1/bao-cao/index.html", "ky-bao-cao/2024-q1/index.html", "ky-bao-cao/2024-q2/bao-cao/index.html",
                "ky-bao-cao/2024-q2/index.html", "ky-bao-cao/2024-q3/bao-cao/index.html", "ky-bao-cao/2024-q3/index.html",
            ])
    }

    @Test(arguments: [("2024-Q3", "2024-09-30"), ("2024-Q2", "2024-06-30"), ("2024-Q1", "2024-03-31")])
    func aPeriodPageShowsTheNumbersOfTwoDerivations(_ code: String, _ end: String) throws {
        let (pages, loaded) = try Self.built.get()
        let period = try #require(Period(code))
        let page = try #require(pages[SitePaths.period(period)])
        let e = Self.expected(loaded, period: period, end: try #require(Day(iso: end)))
        let format = NumberText(.vi)
        for (id, count) in [("hoan-thanh-trong-ky", e.done), ("moi-qua-han", e.newlyOverdue), ("van-qua-han", e.stillOverdue)] {
            let section = try #require(Self.section(page, id), "\(code): no section \(id)")
            #expect(section.contains("(\(count))</h2>"), "\(code) \(id): \(count) expected")
            #expect(Self.rows(section) == count, "\(code) \(id): \(count) rows expected")
        }
        let missing = e.expected.subtracting(e.reported)
        let reporting = try #require(Self.section(page, "chua-bao-cao"))
        #expect(reporting.contains("(\(missing.count)/\(e.expected.count))</h2>"), "\(code): \(missing.count)/\(e.expected.count)")
        for agency in loaded.site.agencies {
            #expect(reporting.contains(">\(agency.name)</a>") == missing.contains(agency.id), "\(code): \(agency.id)")
        }
        let table = try #require(Self.section(page, "so-sanh"))
        #expect(table.contains("<td class=\"num\">\(e.doneBefore)/\(e.total)</td>"), "\(code): done before")
        #expect(table.contains("<td class=\"num\">\(e.doneNow)/\(e.total)</td>"), "\(code): done now")
        #expect(table.contains(format.percent(Double(e.doneNow) / Double(e.total), digits: 1)))
        #expect(table.contains(format.percent(Double(e.doneBefore) / Double(e.total), digits: 1)))
    }

    @Test func theCurrentQuarterByHand() throws {
        let (pages, _) = try Self.built.get()
        let page = try #require(pages["ky-bao-cao/2024-q3/index.html"])
        // As PeriodChangeTests works them out on paper: 4 done, 5 newly overdue, 1 still overdue,
        // 3 of 5 leads not reported, 3/15 then 7/15 done.
        #expect(Self.section(page, "hoan-thanh-trong-ky")?.contains("(4)</h2>") == true)
        #expect(Self.section(page, "moi-qua-han")?.contains("(5)</h2>") == true)
        #expect(Self.section(page, "van-qua-han")?.contains("(1)</h2>") == true)
        #expect(Self.section(page, "chua-bao-cao")?.contains("(3/5)</h2>") == true)
        #expect(page.contains("3/15") && page.contains("7/15"))
        // The dashboard's block, with the link to the page.
        let dashboard = try #require(pages["index.html"])
        let block = try #require(Self.section(dashboard, "trong-ky"))
        for figure in ["<strong>4</strong>", "<strong>5</strong>", "<strong>1</strong>", "<strong>3</strong>/5", "20,0%", "46,7%"] {
            #expect(block.contains(figure), "dashboard: \(figure)")
        }
        #expect(block.contains("href=\"ky-bao-cao/2024-q3/index.html\""))
    }

    @Test(arguments: ["ubnd-tinh", "so-noi-vu", "so-tu-phap", "so-tai-chinh", "ubnd-huyen-a"])
    func anAgencyPageShowsItsOwnNumbersForTheCurrentPeriod(_ id: String) throws {
        let (pages, loaded) = try Self.built.get()
        let page = try #require(pages["co-quan/\(id)/index.html"])
        let block = try #require(Self.section(page, "trong-ky"))
        let e = Self.expected(loaded, period: try #require(Period("2024-Q3")), end: loaded.asOf)
        let own = e.byAgency[AgencyID(id)] ?? (0, 0, 0)
        let words = Words(.vi)
        #expect(block.contains("\(words.doneInPeriod): <strong>\(own.done)</strong>"))
        #expect(block.contains("\(words.newlyOverdue): <strong>\(own.newly)</strong>"))
        #expect(block.contains("\(words.stillOverdue): <strong>\(own.still)</strong>"))
        let agency = AgencyID(id)
        let status =
            !e.expected.contains(agency) ? words.noReportDue : e.reported.contains(agency) ? words.hasReported : words.notReported
        #expect(block.contains(">\(status)</span>"), "\(id): \(status)")
        #expect(block.contains("href=\"../../ky-bao-cao/2024-q3/index.html\""))
    }
}
