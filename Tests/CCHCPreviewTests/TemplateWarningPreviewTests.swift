import CCHCCore
import Foundation
import Testing

@testable import CCHCPreview

/// `cchc serve` reports a template's unknown names as `cchc build` does, with each rebuild.
@Suite(.serialized)
struct TemplateWarningPreviewTests {
    @Test func aMisspeltNameInASiteTemplateIsAWarningOfTheRebuild() async throws {
        let h = try await PreviewHarness.start()
        do {
            let first = try await h.log.wait(for: 1, within: 120)
            #expect(first[0].diagnostics.allSatisfy { !$0.location.path.hasPrefix("templates/") })
            let folder = h.site.appendingPathComponent("templates")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try "<h1>{{title}} {{plan.numbr}}</h1>\n".write(to: folder.appendingPathComponent("task.mustache"), atomically: true, encoding: .utf8)
            let reports = try await h.log.wait(for: 2, within: 60)
            let last = try #require(reports.last)
            #expect(last.succeeded)
            let warning = try #require(last.diagnostics.first { $0.location.path == "templates/task.mustache" })
            #expect(warning.severity == .warning)
            #expect(warning.location.line == 1 && warning.location.column == 15)
            #expect(warning.message.contains("did you mean `number`?"), "\(warning.message)")
        } catch {
            try await h.stop()
            throw error
        }
        try await h.stop()
    }
}
