import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore

/// One hand-made series against one target, with every figure worked out on paper.
struct TargetCase: Sendable, CustomTestStringConvertible {
    var name: String
    var results: [(Int, Double)]
    var target: Double
    var year: Int
    var higherIsBetter = true
    var level: TargetLevel
    /// Average yearly change, change still needed per year, and their ratio (better direction positive).
    var kept: Double? = nil
    var needed: Double? = nil
    var ratio: Double? = nil
    var testDescription: String { name }

    static let all: [TargetCase] = [
        TargetCase(name: "already met by the latest result", results: [(2021, 80), (2022, 87)], target: 86, year: 2024, level: .achieved),
        TargetCase(name: "met exactly", results: [(2021, 80), (2022, 86)], target: 86, year: 2024, level: .achieved),
        // 84 → 82 in two years: -1 a year; 4 points in 2 years needed: +2 a year; -1/2.
        TargetCase(
            name: "a falling series", results: [(2020, 84), (2022, 82)], target: 86, year: 2024, level: .deterioration,
            kept: -1, needed: 2, ratio: -0.5),
        TargetCase(name: "a single result: no trend", results: [(2023, 80)], target: 86, year: 2025, level: .notEnoughData),
        TargetCase(name: "no result at all", results: [], target: 86, year: 2025, level: .notEnoughData),
        TargetCase(name: "only results after the target year", results: [(2026, 80), (2027, 81)], target: 86, year: 2025, level: .notEnoughData),
        // 80 → 84 in four years: +1; 2 points in 1 year: +2; 1/2.
        TargetCase(
            name: "rising too slowly", results: [(2019, 80), (2021, 81), (2023, 84)], target: 86, year: 2024, level: .limited,
            kept: 1, needed: 2, ratio: 0.5),
        TargetCase(
            name: "no change at all", results: [(2021, 80), (2023, 80)], target: 85, year: 2025, level: .limited,
            kept: 0, needed: 2.5, ratio: 0),
        // 60 → 79 in two years: +9.5; 10 points in 1 year: +10; 0.95 exactly.
        TargetCase(
            name: "exactly 0.95 of the pace: on track", results: [(2021, 60), (2023, 79)], target: 89, year: 2024, level: .onTrack,
            kept: 9.5, needed: 10, ratio: 0.95),
        // 70 → 76 in two years: +3; 5 in 1 year; 0.6 exactly.
        TargetCase(
            name: "exactly 0.6 of the pace: moderate", results: [(2021, 70), (2023, 76)], target: 81, year: 2024, level: .moderate,
            kept: 3, needed: 5, ratio: 0.6),
        // 70 → 75.9 in two years: +2.95; 5 in one year; 0.59.
        TargetCase(
            name: "just under 0.6: limited", results: [(2021, 70), (2023, 75.9)], target: 80.9, year: 2024, level: .limited,
            kept: 2.95, needed: 5, ratio: 0.59),
        // 80 → 81.9 in two years: +0.95; 1 in one year: 0.95, though 81.9 − 80 is not exactly 1.9 in binary.
        TargetCase(
            name: "decimal scores on the threshold", results: [(2020, 80), (2022, 81.9)], target: 82.9, year: 2023, level: .onTrack,
            kept: 0.95, needed: 1, ratio: 0.95),
        TargetCase(
            name: "ahead of the pace", results: [(2022, 80), (2023, 84)], target: 86, year: 2025, level: .onTrack,
            kept: 4, needed: 1, ratio: 4),
        // A rank: 40 → 36 in two years is -2 (better); 6 places in 3 years: -2; 1.
        TargetCase(
            name: "a rank on track", results: [(2020, 40), (2022, 36)], target: 30, year: 2025, higherIsBetter: false, level: .onTrack,
            kept: -2, needed: -2, ratio: 1),
        TargetCase(
            name: "a rank getting worse", results: [(2021, 36), (2023, 40)], target: 30, year: 2025, higherIsBetter: false,
            level: .deterioration, kept: 2, needed: -5, ratio: -0.4),
        TargetCase(
            name: "a rank already at the target", results: [(2021, 36), (2023, 29)], target: 30, year: 2025, higherIsBetter: false,
            level: .achieved),
        // A score where lower is better, falling 30 → 26 in two years: -2; 6 in 3 years: -2.
        TargetCase(
            name: "lower is better", results: [(2021, 30), (2023, 26)], target: 20, year: 2026, higherIsBetter: false, level: .onTrack,
            kept: -2, needed: -2, ratio: 1),
        // The target year is past: its own result decides.
        TargetCase(name: "target year past, missed", results: [(2021, 80), (2022, 83), (2023, 85)], target: 84, year: 2022, level: .missed),
        TargetCase(name: "target year past, achieved", results: [(2021, 80), (2022, 83), (2023, 79)], target: 82, year: 2022, level: .achieved),
        TargetCase(name: "target year past without its result", results: [(2021, 85), (2023, 80)], target: 84, year: 2022, level: .notEnoughData),
        TargetCase(name: "missed in the target year though met before", results: [(2021, 87), (2022, 83)], target: 86, year: 2022, level: .missed),
        TargetCase(name: "a rank missed", results: [(2022, 36), (2024, 33)], target: 30, year: 2024, higherIsBetter: false, level: .missed),
    ]
}

struct TargetProgressTests {
    @Test(arguments: TargetCase.all)
    func hand(_ c: TargetCase) {
        let progress = TargetProgress(
            index: "x", measure: .score, year: c.year, target: c.target, higherIsBetter: c.higherIsBetter,
            results: c.results.map { TargetProgress.Point(year: $0.0, value: $0.1) })
        #expect(progress.level == c.level)
        func close(_ a: Double?, _ b: Double?) -> Bool {
            switch (a, b) {
            case (nil, nil): return true
            case let (x?, y?): return abs(x - y) < 1e-9
            default: return false
            }
        }
        #expect(close(progress.averageChange, c.kept), "kept \(String(describing: progress.averageChange))")
        #expect(close(progress.neededChange, c.needed), "needed \(String(describing: progress.neededChange))")
        #expect(close(progress.ratio, c.ratio), "ratio \(String(describing: progress.ratio))")
    }

    @Test func resultsAreTakenInYearOrderWhateverTheirOrderInTheList() {
        let progress = TargetProgress(
            index: "x", measure: .score, year: 2024, target: 86, higherIsBetter: true,
            results: [.init(year: 2023, value: 84), .init(year: 2019, value: 80)])
        #expect(progress.first == .init(year: 2019, value: 80) && progress.latest == .init(year: 2023, value: 84))
        #expect(progress.level == .limited)
    }

    /// An index file read by the loader: which measures get a judgement.
    @Test func everyTargetValueOfAnIndexIsJudgedAndMissingOnesAreNot() throws {
        let index = """
            name: Chỉ số cải cách hành chính
            short: PAR Index
            max: 100
            areas:
              - id: chi-dao
                name: Công tác chỉ đạo, điều hành
                criteria:
                  - code: "1.1"
                    name: Kế hoạch CCHC năm
            results:
              - year: 2021
                score: 80
                rank: 40
                of: 63
                areas: {chi-dao: 7}
                criteria: {"1.1": 1}
              - year: 2023
                score: 82
                rank: 36
                of: 63
                areas: {chi-dao: 8}
              - year: 2025
                score: 83
                rank: 10
                of: 34
            targets:
              - year: 2026
                score: 85
                rank: 8
                areas: {chi-dao: 9}
                criteria: {"1.1": 1.5}
              - year: 2024
                rank: 30
                of: 63

            """
        let site = try TemporarySite(Fixtures.minimal(["content/indices/par-index.yml": index]))
        let result = SiteLoader.load(root: site.root)
        let loaded = try #require(result.site, "\(result.errors)")
        let all = TargetProgress.all(loaded.site)
        let progress = try #require(all["par-index"])
        // Targets in year order: the 2024 rank, then 2026's score, rank, area and criterion.
        #expect(progress.map(\.measure) == [.rank, .score, .rank, .area("chi-dao"), .criterion("1.1")])
        #expect(progress.map(\.year) == [2024, 2026, 2026, 2026, 2026])
        // The 2024 rank out of 63: 40 → 36 (-2 a year), 6 places in one year: 1/3, limited.
        #expect(progress[0].of == 63 && progress[0].level == .limited && progress[0].target == 30)
        #expect(abs(progress[0].ratio! - 1.0 / 3.0) < 1e-12)
        // Score 2026: 80 → 83 in four years (+0.75), 2 in one year: 0.375, limited.
        #expect(progress[1].level == .limited && progress[1].latest?.year == 2025 && progress[1].ratio == 0.375)
        // The 2026 rank: out of 34 like the latest ranking (2025); one such result.
        #expect(progress[2].of == 34 && progress[2].level == .notEnoughData && progress[2].latest == .init(year: 2025, value: 10))
        // The area: 7 → 8 (+0.5 a year), 1 needed in three years: 1.5, on track.
        #expect(progress[3].level == .onTrack && abs(progress[3].ratio! - 1.5) < 1e-12)
        // The criterion has one result: not enough data.
        #expect(progress[4].level == .notEnoughData)
        // The fixture's other index sets no target: nothing.
        let plain = try TemporarySite(Fixtures.minimal)
        #expect(TargetProgress.all(try #require(SiteLoader.load(root: plain.root).site).site)["par-index"] == [])
    }

    @Test(arguments: [
        (0.95, TargetLevel.onTrack), (0.9499, .moderate), (0.6, .moderate), (0.5999, .limited), (0, .limited),
        (-0.0001, .deterioration), (12, .onTrack),
    ])
    func levelsOfRatios(_ ratio: Double, _ level: TargetLevel) {
        #expect(TargetLevel(ratio: ratio) == level)
    }

    @Test func everyLevelHasANameInBothLanguages() {
        let vi = ReportWords(.vi), en = ReportWords(.en)
        #expect(Set(TargetLevel.allCases.map(vi.level)).count == TargetLevel.allCases.count)
        #expect(Set(TargetLevel.allCases.map(en.level)).count == TargetLevel.allCases.count)
        #expect(vi.level(.onTrack) == "Đúng lộ trình" && en.level(.onTrack) == "On track")
    }
}
