import CCHCTestSupport
import Foundation
import Testing

/// The ids of a plan text's headings never clash with the ids of the page around it.
struct HeadingIDTests {
    @Test func planTextHeadingsNamedLikePageSectionsKeepIDsUnique() throws {
        let site = try TemporarySite(Fixtures.minimal([:]))
        let plan = try #require(site.read("content/plans/kh-1.md"))
        try site.write("content/plans/kh-1.md", plan + "\n# Tiến độ\n\n## Nhiệm vụ\n\n## Nội dung\n\n## Mục lục\n\n## Kế hoạch con\n\n## Biểu đồ tình trạng\n")
        let out = site.url("public")
        let run = try CCHCBinary.run(["build", site.root.path, "--out", out.path])
        #expect(run.exitCode == 0, "\(run)")
        let page = try String(contentsOf: out.appendingPathComponent("ke-hoach/kh-1/index.html"), encoding: .utf8)
        var ids: [String] = []
        var rest = Substring(page)
        while let range = rest.range(of: " id=\"") {
            rest = rest[range.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            ids.append(String(rest[..<end]))
        }
        #expect(ids.contains("tien-do") && ids.contains("nhiem-vu") && ids.contains("muc-luc"))
        let repeated = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated.isEmpty, "ids used twice: \(repeated)")
    }
}
