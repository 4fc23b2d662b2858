import CCHCSynthetic
import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore

/// The models that write their values by hand (`Models/HandWrittenValues.swift`) give what the
/// encoder gives from their declarations: every file of two sites is the same built both ways.
struct TemplateEncoderTests {
    static func build(_ root: URL, generic: Bool) throws -> [String: [UInt8]] {
        try ConcurrentMap.$serial.withValue(true) {
            try TemplateEncoder.$genericOnly.withValue(generic) { try ParallelBuildTests.build(root) }
        }
    }

    static func expectSame(_ root: URL) throws {
        let fast = try build(root, generic: false), generic = try build(root, generic: true)
        #expect(fast.keys.sorted() == generic.keys.sorted())
        let differing = fast.keys.filter { fast[$0] != generic[$0] }.sorted()
        #expect(differing.isEmpty, "\(differing.count) files differ, first \(differing.first ?? "")")
    }

    @Test func theExampleSiteIsTheSameBothWays() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try Self.expectSame(root)
    }

    @Test func aSyntheticSiteIsTheSameBothWays() throws {
        let site = try TemporarySite([:])
        _ = try SyntheticSite.write(SyntheticSite.Scale(agencies: 60, plans: 12, tasks: 240, reports: 400, seed: 5), to: site.root, hugo: nil)
        try Self.expectSame(site.root)
    }

    @Test func theFastPathIsTakenAndDiffersFromNothing() {
        // A row written by hand and through the encoder: the same mapping.
        let row = LeadState(agency: AgencyLink(id: "a", name: "Sở A", short: "A", href: "../a/"), status: StateLabel(state: "done", label: "Xong"), tally: nil)
        #expect(row.templateValue == TemplateEncoder.generic(row))
        #expect(TemplateEncoder.$genericOnly.withValue(true) { TemplateEncoder.encode(row) } == TemplateEncoder.encode(row))
    }
}
