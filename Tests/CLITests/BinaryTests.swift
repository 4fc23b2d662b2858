import CCHCTestSupport
import Foundation
import Testing

/// The binary itself: it is built with the tests, runs, and reports its version.
struct BinaryTests {
    @Test func theBinaryIsBuiltBesideTheTests() throws {
        let url = try CCHCBinary.url()
        #expect(FileManager.default.isExecutableFile(atPath: url.path))
    }

    @Test func helpListsTheCommands() throws {
        let result = try CCHCBinary.run(["--help"])
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("check"))
        #expect(result.stdout.contains("build"))
    }
}

/// `cchc check` on whole sites: exit codes and the summary line.
struct CheckCommandTests {
    @Test func theExampleSiteChecksClean() throws {
        let site = try TemporarySite.example()
        let run = try CCHCBinary.run(["check", site.root.path])
        #expect(run.exitCode == 0, "\(run)")
        #expect(run.stdout.hasPrefix("checked 3 plans, "), "\(run)")
        #expect(run.stdout.contains("as of 31/12/2024"))
        #expect(!run.stderr.contains(": error: "), "\(run)")
        // check never writes.
        #expect(!FileManager.default.fileExists(atPath: site.url("public").path))
    }

    @Test func checkRunsInTheCurrentFolderByDefault() throws {
        let site = try TemporarySite(Fixtures.minimal)
        let run = try CCHCBinary.run(["check"], in: site.root)
        #expect(run.exitCode == 0, "\(run)")
        #expect(run.stdout == "checked 1 plans, 2 tasks, 1 reports as of 30/09/2024: no problems found\n")
        #expect(run.stderr.isEmpty)
    }

    @Test func aFolderThatIsNotASiteIsRefused() throws {
        let site = try TemporarySite(["README.md": "không phải site\n"])
        let run = try CCHCBinary.run(["check", site.root.path])
        #expect(run.exitCode == 1 && !run.crashed, "\(run)")
        #expect(run.stderr.contains("site.yml:1:1: error: site.yml is missing"), "\(run)")
    }

    @Test func jsonOfACleanSiteIsAnEmptyList() throws {
        let site = try TemporarySite(Fixtures.minimal)
        let run = try CCHCBinary.run(["check", site.root.path, "--format", "json"])
        #expect(run.exitCode == 0, "\(run)")
        let value = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        #expect((value as? [Any])?.isEmpty == true)
    }

    @Test(arguments: [["check", "--as-of", "30/09/2024"], ["check", "--format", "xml"], ["build", "--as-of", "2024-13-01"], ["nonsense"]])
    func badArgumentsFailWithoutCrashing(_ arguments: [String]) throws {
        let site = try TemporarySite(Fixtures.minimal)
        let run = try CCHCBinary.run(arguments, in: site.root)
        #expect(!run.crashed, "\(run)")
        #expect(run.exitCode != 0, "\(run)")
        #expect(!FileManager.default.fileExists(atPath: site.url("public").path))
    }
}
