import CCHCTestSupport
import Foundation
import Testing

/// Built pages compared byte for byte with files under `Tests/CLITests/Golden/`.
///
/// `CCHC_RECORD_GOLDEN=1 swift test --filter GoldenTests` rewrites the golden files; the test
/// still fails then, so a re-recording is always looked at (and committed) on purpose.
struct GoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Compares `actual` with the golden file `name`, or records it when asked.
    private func assertGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = Self.folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["CCHC_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            Issue.record("recorded \(name); unset CCHC_RECORD_GOLDEN, look at the diff and commit it", sourceLocation: sourceLocation)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("no golden file \(name); run with CCHC_RECORD_GOLDEN=1 to record it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            Issue.record(
                """
                \(name) differs from the build at line \(line + 1):
                  golden: \(line < a.count ? String(a[line]) : "<end>")
                  built:  \(line < b.count ? String(b[line]) : "<end>")
                re-record with CCHC_RECORD_GOLDEN=1 if the change is intended
                """, sourceLocation: sourceLocation)
        }
    }

    /// `page` with the version in its generator tag written as `(version)`, so that a new version
    /// number does not make every golden file differ.
    static func versionless(_ page: String) -> String {
        page.replacing(#/<meta name="generator" content="cchc [^"]+">/#, with: #"<meta name="generator" content="cchc (version)">"#)
    }

    /// The tiny site, built once for the golden pages.
    static let tiny: Result<BuiltSite, any Error> = Result { try BuiltSite(try TemporarySite(Fixtures.minimal)) }

    @Test(arguments: [
        ("404.html", "404.html"),
        ("nhiem-vu/kh-1/mot-lan/index.html", "task-mot-lan.html"),
        ("nhiem-vu/kh-1/hang-thang/index.html", "task-hang-thang.html"),
        ("chi-so/par-index/index.html", "index-par-index.html"),
        ("index.html", "dashboard.html"),
        ("ke-hoach/index.html", "plans.html"),
        ("ke-hoach/kh-1/index.html", "plan-kh-1.html"),
        ("co-quan/index.html", "agencies.html"),
        ("co-quan/so-noi-vu/index.html", "agency-so-noi-vu.html"),
        ("co-quan/ubnd-huyen-a/index.html", "agency-ubnd-huyen-a.html"),
        ("chi-so/index.html", "indices.html"),
        ("cap-nhat/index.html", "updates.html"),
        ("du-lieu/index.html", "data.html"),
        ("ky-bao-cao/2024-q3/index.html", "period-2024-q3.html"),
        ("ky-bao-cao/2024-q2/index.html", "period-2024-q2.html"),
        ("ky-bao-cao/2024-q3/bao-cao/index.html", "period-report-2024-q3.html"),
        ("nhung/index.html", "embed-overview.html"),
        ("nhung/chi-so/par-index/index.html", "embed-index-par-index.html"),
        ("nhung/co-quan/so-noi-vu/index.html", "embed-agency-so-noi-vu.html"),
        ("nhung/hoan-thanh.svg", "embed-overview-ring.svg"),
        ("nhung/chi-so/par-index/diem.svg", "embed-index-par-index-scores.svg"),
    ])
    func pageMatchesItsGoldenFile(_ path: String, _ golden: String) throws {
        let built = try Self.tiny.get()
        try #require(built.run.exitCode == 0, "\(built.run)")
        let page = built.page(path)
        try #require(path.hasSuffix(".svg") || page.contains(#"<meta name="generator" content="cchc "#))
        try assertGolden(Self.versionless(page), golden)
    }
}
