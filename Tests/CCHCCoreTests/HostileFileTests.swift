import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore

/// Files made to hurt the tool: each is refused with an error that names it, quickly and without
/// taking the machine's memory, and the rest of the site is still checked.
struct HostileFileTests {
    /// The tiny site with one more progress file.
    static func site(with name: String, _ text: String) throws -> TemporarySite {
        try TemporarySite(Fixtures.minimal(["content/progress/\(name)": text]))
    }

    static let header = "agency: so-noi-vu\nperiod: 2024-Q3\nreported: 2024-09-25\n"

    @Test func aYAMLAliasBombIsRefused() throws {
        // Ten anchors each repeating the one before ten times: 10^10 values once expanded.
        var text = Self.header + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1..<10 { text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        text += "updates: *a9\n"
        let site = try Self.site(with: "bom.yml", text)
        let result = SiteLoader.load(root: site.root)
        let bomb = result.errors.filter { $0.location.path == "content/progress/bom.yml" }
        #expect(bomb.count == 1, "\(result.errors)")
        #expect(bomb.first?.message.contains("“billion laughs”") == true)
        #expect(bomb.first?.location.line == 9, "\(bomb)") // where the expansion passes the limit
    }

    @Test func aliasesAReadableFileUsesAreStillFine() throws {
        let text = Self.header + "updates:\n  - &u\n    task: kh-1/mot-lan\n    status: in-progress\n"
        let site = try Self.site(with: "alias.yml", text)
        #expect(SiteLoader.load(root: site.root).errors.isEmpty)
    }

    /// Lists or mappings nested past 1,000 levels. The library in this test binary may run on the
    /// copy of libyaml Yams bundles, which has a nesting limit of its own; `cchc` links only
    /// Debian's libyaml, which has none, so the binary shows that the composer's own limit holds.
    @Test(arguments: [
        String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000),
        String(repeating: "{a: ", count: 20_000) + "b" + String(repeating: "}", count: 20_000),
        String(repeating: "[", count: 1_001) + String(repeating: "]", count: 1_001),
    ])
    func deepNestingIsRefused(_ nested: String) throws {
        let site = try Self.site(with: "sau.yml", Self.header + "updates: " + nested + "\n")
        let errors = SiteLoader.load(root: site.root).errors.filter { $0.location.path == "content/progress/sau.yml" }
        #expect(errors.count == 1 && errors[0].message.contains("nested more than 1,000 levels deep"), "\(errors)")
        let run = try CCHCBinary.run(["check", site.root.path])
        #expect(!run.crashed && run.exitCode == 1, "\(run)")
        #expect(run.stderr.contains("content/progress/sau.yml:4:") && run.stderr.contains("nested more than 1,000 levels deep"), "\(run)")
    }

    @Test func nestingOfAThousandLevelsIsRead() throws {
        // Not an error of nesting: the list of lists is simply not a list of updates.
        let nested = String(repeating: "[", count: 999) + String(repeating: "]", count: 999)
        let site = try Self.site(with: "sau.yml", Self.header + "updates: " + nested + "\n")
        let errors = SiteLoader.load(root: site.root).errors.filter { $0.location.path == "content/progress/sau.yml" }
        #expect(!errors.isEmpty && !errors.contains { $0.message.contains("nested") }, "\(errors)")
    }

    @Test func aHundredMegabyteFileIsRefusedWithoutReadingIt() throws {
        let site = try TemporarySite(Fixtures.minimal)
        let url = site.url("content/progress/lon.yml")
        FileManager.default.createFile(atPath: url.path, contents: Data(Self.header.utf8))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 100 * 1_048_576) // sparse: 100 MB without writing them
        try handle.close()
        let errors = SiteLoader.load(root: site.root).errors
        #expect(
            errors.map(\.description) == [
                "content/progress/lon.yml:1:1: error: the file is over 16 MB; content files are kilobytes, so larger ones are refused (is it the right file?)"
            ])
    }

    @Test(arguments: [
        String(repeating: "[", count: 50_000), String(repeating: "*", count: 50_000) + "a" + String(repeating: "*", count: 50_000),
        String(repeating: "_", count: 50_000), String(repeating: "> ", count: 50_000) + "x", String(repeating: "- ", count: 20_000) + "x",
        String(repeating: "[a](", count: 20_000), String(repeating: "~~", count: 30_000), String(repeating: "<a>", count: 30_000),
    ])
    func markdownOfFiftyThousandNestedMarkersRenders(_ text: String) {
        let html = Markdown.render(text).html
        // Raw HTML is dropped; nothing from the text becomes a tag.
        #expect(!html.contains("<script") && !html.contains("<a>"), Comment(rawValue: String(html.prefix(200))))
        _ = Markdown.renderInline(text)
    }
}
