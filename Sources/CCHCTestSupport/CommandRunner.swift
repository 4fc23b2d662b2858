import Foundation

/// What a run of the `cchc` binary printed and how it ended.
public struct CommandResult: Sendable, CustomStringConvertible {
    /// Everything written to standard output, decoded as UTF-8.
    public var stdout: String
    /// Everything written to standard error, decoded as UTF-8.
    public var stderr: String
    /// The exit status, or the signal number when `crashed`.
    public var status: Int32
    /// True when the process ended by a signal (a trap, a segfault): never acceptable.
    public var crashed: Bool

    /// The exit code of a process that exited normally; nil after a crash.
    public var exitCode: Int32? { crashed ? nil : status }

    /// The run, for failure messages.
    public var description: String {
        "exit \(crashed ? "signal \(status)" : String(status))\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }
}

/// Finds and runs the real `cchc` executable, as argument-parser's `AssertExecuteCommand` does.
public enum CCHCBinary {
    /// Why the binary could not be run.
    public struct NotFound: Error, CustomStringConvertible {
        /// The places searched.
        public var searched: [String]
        /// What to do.
        public var description: String {
            "cannot find the cchc binary (searched \(searched.joined(separator: ", "))); run `swift build` first or set CCHC_BINARY"
        }
    }

    /// The folders the binary may be in, most specific first.
    ///
    /// `swift test` runs the test bundle from the build folder (`.build/<triple>/debug/`), where
    /// SwiftPM also puts the `cchc` executable, since every target of the package is built for tests.
    static var candidates: [URL] {
        var out: [URL] = []
        if let explicit = ProcessInfo.processInfo.environment["CCHC_BINARY"] {
            out.append(URL(fileURLWithPath: explicit))
        }
        if let executable = Bundle.main.executableURL {
            out.append(executable.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("cchc"))
        }
        out.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("cchc"))
        out.append(Bundle.main.bundleURL.appendingPathComponent("cchc"))
        out.append(Package.root.appendingPathComponent(".build/debug/cchc"))
        return out
    }

    /// The `cchc` executable that belongs to this test run.
    public static func url() throws -> URL {
        let manager = FileManager.default
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                manager.isExecutableFile(atPath: candidate.path)
            {
                return candidate
            }
        }
        throw NotFound(searched: candidates.map(\.path))
    }

    /// Runs `cchc` with `arguments` in `directory` and waits for it to end.
    ///
    /// Output goes to temporary files rather than pipes, so a chatty process never blocks on a full
    /// pipe while the test waits for it.
    @discardableResult
    public static func run(_ arguments: [String], in directory: URL? = nil) throws -> CommandResult {
        let process = Process()
        process.executableURL = try url()
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdout = String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
        return CommandResult(
            stdout: stdout, stderr: stderr, status: process.terminationStatus,
            crashed: process.terminationReason == .uncaughtSignal)
    }
}

/// The package the tests belong to.
public enum Package {
    /// The package root: three folders up from this file (`Sources/CCHCTestSupport/…`).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
