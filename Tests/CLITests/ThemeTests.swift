import CCHCTestSupport
import Foundation
import Testing

/// The built-in theme compiled into the binary is exactly `templates/`.
struct ThemeTests {
    @Test func builtinThemeMatchesTemplates() throws {
        // Run scripts/embed-theme on a copy of the package's templates, then compare its output.
        let scratch = try TemporarySite([:])
        let manager = FileManager.default
        try manager.createDirectory(at: scratch.url("scripts"), withIntermediateDirectories: true)
        try manager.copyItem(at: Package.root.appendingPathComponent("scripts/embed-theme"), to: scratch.url("scripts/embed-theme"))
        try manager.copyItem(at: Package.root.appendingPathComponent("templates"), to: scratch.url("templates"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scratch.url("scripts/embed-theme").path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "scripts/embed-theme failed")
        let generated = try #require(scratch.read("Sources/CCHCCore/Theme/BuiltinTheme.swift"))
        let committed = try String(contentsOf: Package.root.appendingPathComponent("Sources/CCHCCore/Theme/BuiltinTheme.swift"), encoding: .utf8)
        #expect(generated == committed, "Sources/CCHCCore/Theme/BuiltinTheme.swift is out of date with templates/: run scripts/embed-theme")
    }

    @Test func aSiteWithoutTemplatesBuildsLikeOneWithTheDefaultTemplates() throws {
        // The example's templates/ are the default theme, so both builds must be identical.
        let without = try TemporarySite.example(includingTemplates: false)
        let with = try TemporarySite.example(includingTemplates: true)
        let a = try BuiltSite(without), b = try BuiltSite(with)
        #expect(a.run.exitCode == 0 && b.run.exitCode == 0, "\(a.run)\n\(b.run)")
        #expect(a.files == b.files, "the built-in theme differs from templates/: run scripts/embed-theme")
    }

    @Test func aBrokenSiteTemplateFailsTheBuildWithItsPlace() throws {
        let site = try TemporarySite(Fixtures.minimal(["templates/404.mustache": "<h1>{{#words}}{{not_found}}</h1>\n"]))
        let run = try CCHCBinary.run(["build", site.root.path])
        #expect(run.exitCode == 1 && !run.crashed, "\(run)")
        #expect(run.stderr.contains("templates/404.mustache:"), "\(run)")
        #expect(!FileManager.default.fileExists(atPath: site.url("public").path))
    }

    @Test func aSiteTemplateReplacesTheBuiltInOne() throws {
        let site = try TemporarySite(Fixtures.minimal(["templates/404.mustache": "<h1>Lạc đường rồi</h1>\n"]))
        let built = try BuiltSite(site)
        #expect(built.run.exitCode == 0, "\(built.run)")
        #expect(built.page("404.html").contains("<h1>Lạc đường rồi</h1>"))
        #expect(built.page("index.html").contains("Tổng quan"), "other templates stay built-in")
    }
}
