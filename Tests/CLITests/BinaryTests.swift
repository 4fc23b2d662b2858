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
