import CCHCCharts
import Foundation
import Testing

/// Compares each case's SVG with `Golden/<name>.svg`; `CCHC_RECORD_GOLDEN=1` rewrites the files and still fails.
@Suite struct GoldenTests {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let recording = ProcessInfo.processInfo.environment["CCHC_RECORD_GOLDEN"] == "1"

    @Test(arguments: GoldenCases.all.map(\.name))
    func matchesGolden(name: String) throws {
        let chart = try #require(GoldenCases.all.first { $0.name == name }).chart
        let actual = chart.render().svg + "\n"
        let url = Self.goldenDirectory.appendingPathComponent("\(name).svg")
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("Recorded \(url.lastPathComponent); unset CCHC_RECORD_GOLDEN and run again to compare.")
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("Missing golden file \(url.path); record it with CCHC_RECORD_GOLDEN=1.")
            return
        }
        if expected != actual {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
            let got = line < a.count ? String(a[line]) : "<end>"
            let want = line < e.count ? String(e[line]) : "<end>"
            Issue.record("\(name).svg differs at line \(line + 1):\n  expected: \(want)\n  actual:   \(got)")
        }
    }

    @Test func everyGoldenFileHasACase() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.goldenDirectory.path).filter { $0.hasSuffix(".svg") }
        let names = Set(GoldenCases.all.map { $0.name + ".svg" })
        #expect(Set(files).subtracting(names).isEmpty, "golden files without a case: \(Set(files).subtracting(names).sorted())")
        #expect(Set(GoldenCases.all.map(\.name)).count == GoldenCases.all.count, "case names repeat")
    }
}
