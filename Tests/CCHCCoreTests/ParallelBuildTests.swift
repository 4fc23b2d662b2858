import CCHCSynthetic
import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore

/// Output made on all cores is the bytes of output made on one thread.
///
/// cmark-gfm as packaged toggles process-wide tables while it parses with extensions, so two
/// threads parsing at once can leave `~~strike~~` or an autolink unrendered in some page, silently
/// (see CmarkGFM.swift). The site is a synthetic one whose every plan has strikethrough, tables and
/// autolinks, and about a quarter of whose progress notes have emphasis and autolinks.
struct ParallelBuildTests {
    static let scale = SyntheticSite.Scale(agencies: 80, plans: 40, tasks: 400, reports: 600, seed: 7)

    static func bytes(_ files: [(String, OutputFile.Contents?)]) -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for case let (path, .bytes(bytes)?) in files { out[path] = bytes }
        return out
    }

    /// The full build, as `cchc build` makes it.
    static func build(_ root: URL) throws -> [String: [UInt8]] {
        let files = try #require(SiteBuild.render(root: root).files)
        return bytes(files.map { ($0.path, $0.contents) })
    }

    /// Every file rendered on request, as `cchc serve` renders them, `order` being the order of the requests:
    /// here each page parses its plan's text or its notes itself, when it is the first to need them.
    static func served(_ root: URL, order: @escaping @Sendable (Int) -> Int) throws -> [String: [UInt8]] {
        let output = try #require(SiteBuild.prepare(root: root).output)
        let paths = output.sortedPaths
        let made = ConcurrentMap.run(paths.count) { i in
            let path = paths[order(i) % paths.count]
            return (path, output.contents(of: path))
        }
        return bytes(made)
    }

    @Test func parallelOutputEqualsSerialOutputByteForByte() throws {
        let site = try TemporarySite([:])
        _ = try SyntheticSite.write(Self.scale, to: site.root, hugo: nil)
        let serial = try ConcurrentMap.$serial.withValue(true) { try Self.build(site.root) }

        // The reference has what a race would lose, in every plan page.
        let planPages = serial.keys.filter { $0.hasPrefix("ke-hoach/kh-") && $0.hasSuffix("/index.html") }
        #expect(planPages.count == Self.scale.plans)
        for path in planPages {
            let page = String(decoding: serial[path]!, as: UTF8.self)
            #expect(page.contains("<del>30/11/2024</del>"), "\(path) has no strikethrough")
            #expect(page.contains("<th>Nội dung</th>"), "\(path) has no table")
            #expect(page.contains("<a href=\"https://example.gov.vn/kh/"), "\(path) has no autolink")
        }
        #expect(serial.values.contains { String(decoding: $0, as: UTF8.self).contains("<a href=\"https://example.gov.vn/bc/") })

        func expectSame(_ made: [String: [UInt8]], _ what: String) {
            #expect(made.keys.sorted() == serial.keys.sorted(), "\(what): other files")
            let differing = serial.keys.filter { made[$0] != serial[$0] }.sorted()
            #expect(differing.isEmpty, "\(what): \(differing.count) files differ, first \(differing.first ?? "")")
        }
        // A race shows in some runs, not all: each way is run more than once.
        for round in 1...2 { expectSame(try Self.build(site.root), "full build \(round)") }
        let count = serial.count
        expectSame(try Self.served(site.root) { $0 }, "served in order")
        expectSame(try Self.served(site.root) { count - 1 - $0 }, "served backwards")
        expectSame(try Self.served(site.root) { ($0 * 7919) % count }, "served shuffled")
    }
}
