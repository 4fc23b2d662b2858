import CCHCTestSupport
import Foundation
import Testing

/// What people expect of a command line: a version naming the commit, examples in every
/// command's help, and a progress line for people only, never in pipes or logs.
struct CommandLineTests {
    @Test func theVersionIsTheNumberAndTheCommitWhenKnown() throws {
        let run = try CCHCBinary.run(["--version"])
        #expect(run.exitCode == 0, "\(run)")
        let line = run.stdout.trimmingCharacters(in: .newlines)
        #expect(line.range(of: #"^\d+\.\d+\.\d+( \([0-9a-f]{7,}(-dirty)?\))?$"#, options: .regularExpression) != nil, "\(run)")
    }

    @Test(arguments: [["check"], ["build"], ["serve"], ["new", "site"], ["new", "report"], ["new", "plan"]])
    func everyCommandsHelpHasExamples(_ command: [String]) throws {
        let run = try CCHCBinary.run(command + ["--help"])
        #expect(run.exitCode == 0, "\(run)")
        #expect(run.stdout.contains("Examples:"), "\(run)")
        #expect(run.stdout.contains("cchc \(command.joined(separator: " ")) "), "an example of the command itself: \(run)")
    }

    /// Runs `cchc` with stdout and stderr on pipes, `CI` unset and the progress line allowed at once.
    static func runThroughPipes(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = try CCHCBinary.url()
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["CI"] = nil
        environment["CCHC_PROGRESS_AFTER"] = "0"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both to the end before waiting, so a full pipe cannot block the process.
        let group = DispatchGroup()
        nonisolated(unsafe) var stdout = Data()
        DispatchQueue.global().async(group: group) { stdout = out.fileHandleForReading.readDataToEndOfFile() }
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    @Test func aBuildThroughAPipePrintsNoProgressLine() throws {
        let site = try TemporarySite.example()
        let run = try Self.runThroughPipes(["build", site.root.path, "--out", site.url("public").path])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.hasPrefix("built "), "\(run)")
        #expect(!run.stderr.contains("đang dựng trang"), "\(run.stderr)")
        #expect(!run.stderr.contains("\r"), "\(run.stderr)")
    }

    /// The same build on a terminal (a pseudo-terminal made by util-linux's `script`) shows the line.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func aBuildOnATerminalShowsTheProgressLine() throws {
        let site = try TemporarySite.example()
        let binary = try CCHCBinary.url().path
        let command = "CCHC_PROGRESS_AFTER=0 '\(binary)' build '\(site.root.path)' --out '\(site.url("public").path)'"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        environment["CI"] = nil
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("\rđang dựng trang: "), "\(text)")
        #expect(text.contains("built "), "\(text)")
    }
}
