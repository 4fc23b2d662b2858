import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore

/// The on-track level of each index target, on the index page, the list of indices and the
/// dashboard, against levels worked out by hand for the period fixture's PAR Index.
struct TargetLevelPageTests {
    @Test func theFixturesTargetsAreJudgedOnEveryPageThatShowsThem() throws {
        let (pages, _) = try PeriodPageTests.built.get()
        let words = Words(.vi)
        // Score 80 (2021) → 82 (2023): +1 a year kept; 86 by 2025 needs +2 a year: ratio 0,5, limited.
        // Rank 40 → 36: 2 places a year kept; 30 by 2025 needs 3 a year: ratio 0,67, moderate.
        let limited = "<span class=\"level level-limited\">\(words.level(.limited))</span>"
        let moderate = "<span class=\"level level-moderate\">\(words.level(.moderate))</span>"
        let index = try #require(pages["chi-so/par-index/index.html"])
        let table = try #require(PeriodPageTests.section(index, "muc-tieu"))
        #expect(table.contains("<tr><th scope=\"row\">\(words.score)</th><td class=\"num\">86 (2025)</td><td class=\"num\">82 (2023)</td>"))
        #expect(table.contains("+1/năm</td><td class=\"num\">+2/năm</td><td>\(limited)</td></tr>"))
        #expect(table.contains("<tr><th scope=\"row\">\(words.rank)</th><td class=\"num\">30/63 (2025)</td><td class=\"num\">36 (2023)</td>"))
        #expect(table.contains(moderate))
        #expect(table.contains(words.levelRule))
        // The facts at the top, the list of indices and the dashboard name the score target's level.
        #expect(index.contains("86 \(limited)"))
        for path in ["chi-so/index.html", "index.html"] {
            let page = try #require(pages[path])
            #expect(page.contains("<td>\(limited)</td>"), "\(path)")
        }
    }

    @Test func theReportKeepsTheSameWords() {
        for language in [SiteLanguage.vi, .en] {
            let site = Words(language), report = ReportWords(language)
            #expect(report.levelRule == site.levelRule)
            for level in TargetLevel.allCases { #expect(report.level(level) == site.level(level)) }
        }
    }
}
