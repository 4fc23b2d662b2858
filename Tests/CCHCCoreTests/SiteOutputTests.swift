import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore

/// `SiteOutput`: every path known up front, each file rendered on its own equal to the full build's.
struct SiteOutputTests {
    /// Checks that `output` has exactly the files of `full`, each with the same contents.
    static func expectSame(_ output: SiteOutput, _ full: [OutputFile], order: [Int], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(output.sortedPaths == full.map(\.path), sourceLocation: sourceLocation)
        #expect(output.count == full.count, sourceLocation: sourceLocation)
        let made = ConcurrentMap.run(order.count) { output.contents(of: full[order[$0]].path) }
        for (i, position) in order.enumerated() {
            let file = full[position]
            switch (file.contents, made[i]) {
            case (.bytes(let a), .bytes(let b)?):
                #expect(a == b, "\(file.path) differs", sourceLocation: sourceLocation)
            case (.copy(let a), .copy(let b)?):
                #expect(a == b, "\(file.path) is copied from elsewhere", sourceLocation: sourceLocation)
            default:
                Issue.record("\(file.path): \(file.contents) against \(String(describing: made[i]))", sourceLocation: sourceLocation)
            }
        }
    }

    @Test(arguments: [nil, "http://127.0.0.1:8000/"])
    func everyFileOfTheExampleSiteRenderedOnItsOwnIsTheFullBuilds(_ baseURL: String?) throws {
        let site = try TemporarySite.example()
        let full = try #require(SiteBuild.render(root: site.root, baseURL: baseURL).files)
        #expect(full.count > 50)
        // Backwards, on all cores: no file is made after those a full build makes before it.
        let backwards = try #require(SiteBuild.prepare(root: site.root, baseURL: baseURL).output)
        Self.expectSame(backwards, full, order: Array(full.indices.reversed()))
        // Each page first, then the downloads, feed and sitemap it shares its indexes with.
        let pagesFirst = try #require(SiteBuild.prepare(root: site.root, baseURL: baseURL).output)
        let order = full.indices.sorted { (full[$0].path.hasSuffix(".html") ? 0 : 1, $0) < (full[$1].path.hasSuffix(".html") ? 0 : 1, $1) }
        Self.expectSame(pagesFirst, full, order: order)
        #expect(pagesFirst.contents(of: "khong-co/index.html") == nil)
        #expect(!pagesFirst.contains("/index.html") && pagesFirst.contains("index.html"))
        #expect(pagesFirst.copies.count == full.filter { if case .copy = $0.contents { true } else { false } }.count)
    }

    @Test func theTinySiteWithIgnoredReportsAndNotesToo() throws {
        // A report after the reporting date (ignored), with a note in Markdown, and one note in a counted report.
        let late = Fixtures.reportYML
            .replacingOccurrences(of: "reported: 2024-09-25", with: "reported: 2024-10-25")
            .replacingOccurrences(of: "    completed: 2024-06-28\n", with: "    completed: 2024-06-28\n    note: Muộn **đậm**.\n")
        let counted = Fixtures.reportYML.replacingOccurrences(
            of: "    completed: 2024-07-25\n", with: "    completed: 2024-07-25\n    note: Có [liên kết](https://example.gov.vn/).\n")
        let site = try TemporarySite(
            Fixtures.minimal([
                "content/progress/2024-Q3/so-noi-vu.yml": counted, "content/progress/2024-Q4/so-noi-vu.yml": late,
            ]))
        let full = try #require(SiteBuild.render(root: site.root).files, "\(SiteLoader.load(root: site.root).diagnostics)")
        let output = try #require(SiteBuild.prepare(root: site.root).output)
        Self.expectSame(output, full, order: Array(full.indices.reversed()))
    }
}
