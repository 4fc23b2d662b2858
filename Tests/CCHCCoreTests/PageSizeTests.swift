import CCHCSynthetic
import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore

/// Pages a phone can open: no list on a page grows with the size of the province.
///
/// At national scale (30,000 tasks) an index page listed every task serving the index and reached
/// 11 MB. Here a synthetic site a tenth of that size, where hundreds of tasks serve each index,
/// is built; `scripts/bench` measures the national one.
struct PageSizeTests {
    static let scale = SyntheticSite.Scale(agencies: 400, plans: 60, tasks: 3000, reports: 3000, seed: 11)

    static let built: Result<[String: [UInt8]], any Error> = Result {
        let site = try TemporarySite([:])
        _ = try SyntheticSite.write(scale, to: site.root, hugo: nil)
        return try ParallelBuildTests.build(site.root)
    }

    @Test func noPageReachesAQuarterOfAMegabyte() throws {
        let files = try Self.built.get()
        let pages = files.filter { $0.key.hasSuffix(".html") }
        let largest = try #require(pages.max { $0.value.count < $1.value.count })
        // A tenth of the national site; the list lengths that grow with it are capped, so the
        // national site's pages are no bigger (the largest there is measured by scripts/bench).
        #expect(largest.value.count < 256 * 1024, "\(largest.key) has \(largest.value.count) bytes")
    }

    @Test func theListOfAgenciesStaysUnderAMegabyteAtNationalScale() throws {
        // The one list kept whole: one row per agency. The national site has ten times these
        // agencies (4,000); its rows must stay small enough for the page to stay under 1 MB there.
        let files = try Self.built.get()
        let page = try #require(files["co-quan/index.html"])
        let perAgency = Double(page.count) / Double(Self.scale.agencies)
        #expect(perAgency * 4000 < 900_000, "\(Int(perAgency)) bytes per agency: about \(Int(perAgency * 4000)) bytes for 4,000")
    }

    @Test func thePrintableReportOfABigSiteSummarisesThePlansAndShortensItsLists() throws {
        let files = try Self.built.get()
        let reports = files.keys.filter { $0.hasPrefix("ky-bao-cao/") && $0.hasSuffix("/bao-cao/index.html") }
        #expect(!reports.isEmpty)
        for path in reports {
            let page = String(decoding: try #require(files[path]), as: UTF8.self)
            // 3,000 tasks: each plan keeps its heading and summary, and no task table is drawn.
            #expect(page.contains("3.000 nhiệm vụ, quá nhiều cho một trang in"), "\(path)")
            #expect(!page.contains("report-plan"), "\(path)")
            #expect(page.components(separatedBy: "<h4>").count - 1 == Self.scale.plans, "\(path)")
            // Each part of the overdue list shows at most 100 rows, the rest in the download.
            for part in page.components(separatedBy: "<table class=\"report-table report-overdue\">").dropFirst() {
                let rows = part.components(separatedBy: "</table>")[0].components(separatedBy: "<tr>").count - 2
                #expect(rows <= PageBuilder.pairsPerList, "\(path): \(rows) rows")
            }
        }
    }

    @Test func indexListsAreShortenedToTheMostUrgentWithALinkToTheFullList() throws {
        let files = try Self.built.get()
        let page = String(decoding: try #require(files["chi-so/par-index/index.html"]), as: UTF8.self)
        let notes = page.matches(of: /Danh sách rút gọn[^<]* (\d+)\/([\d.]+) · <a href="..\/..\/du-lieu\/nhiem-vu.csv">/)
        try #require(!notes.isEmpty, "no list was shortened")
        for note in notes {
            #expect(note.output.1 == "\(PageBuilder.tasksPerList)")
            #expect(Int(note.output.2.replacing(".", with: ""))! > PageBuilder.tasksPerList)
        }
        // Each shortened table has exactly tasksPerList rows.
        let tables = page.split(separator: "<table").dropFirst()
        let rowCounts = tables.map { $0.components(separatedBy: "<tr").count - 2 }
        #expect(rowCounts.filter { $0 == PageBuilder.tasksPerList }.count >= notes.count)
        #expect(rowCounts.allSatisfy { $0 <= PageBuilder.tasksPerList }, "a table longer than \(PageBuilder.tasksPerList) rows: \(rowCounts)")
        // The download the note points at says which index each task serves.
        let csv = String(decoding: try #require(files["du-lieu/nhiem-vu.csv"]), as: UTF8.self)
        let header = try #require(csv.split(whereSeparator: \.isNewline).first)
        #expect(header.hasSuffix(",index"), "\(header)")
        #expect(csv.contains("par-index"))
    }

    @Test func theShortListKeepsTheMostUrgentInPlanOrder() throws {
        let site = try TemporarySite([:])
        _ = try SyntheticSite.write(Self.scale, to: site.root, hugo: nil)
        let loaded = try #require(SiteLoader.load(root: site.root).site)
        let prepared = try #require(SiteBuild.prepare(root: site.root).output)
        let builder = prepared.builder
        let serving = try #require(builder.tasksServing.values.max { $0.count < $1.count })
        try #require(serving.count > PageBuilder.tasksPerList)
        let kept = builder.shortList(serving)
        #expect(kept.count == PageBuilder.tasksPerList)
        // In the order they came in.
        let positions = kept.map { id in serving.firstIndex(of: id)! }
        #expect(positions == positions.sorted())
        // None left out is more urgent than one kept.
        func urgency(_ id: TaskID) -> Int {
            Attention.urgency(Attention.worst(loaded.derivation.tasks[id]!.pairs.map(\.state)) ?? .noReport)
        }
        let keptSet = Set(kept)
        let worstKept = kept.map(urgency).max()!
        #expect(serving.filter { !keptSet.contains($0) }.allSatisfy { urgency($0) >= worstKept })
    }
}
