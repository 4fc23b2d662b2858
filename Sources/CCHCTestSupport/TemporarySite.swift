import Foundation

/// A marker found in a fixture file: which file, and where in it.
public struct MarkedLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file's path relative to the site.
    public var path: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in characters.
    public var column: Int

    /// `path:line:column`, the form diagnostics are printed in.
    public var description: String { "\(path):\(line):\(column)" }
}

/// A site folder made for one test under the temporary directory, removed when the value goes away.
///
/// Files are given as `path → text`; texts may carry `⟨name⟩` markers (see `MarkedText`), which are
/// stripped before writing and kept in `marks`. Set `CCHC_KEEP_FIXTURES=1` to keep the folders.
public final class TemporarySite: Sendable {
    /// The site folder.
    public let root: URL
    /// Every marker of every file, by name.
    public let marks: [String: MarkedLocation]

    /// Writes `files` (text, UTF-8) and `binary` (raw bytes) into a fresh folder.
    public init(_ files: [String: String], binary: [String: [UInt8]] = [:]) throws {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("cchc-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var marks: [String: MarkedLocation] = [:]
        var bytes: [String: [UInt8]] = binary
        for (path, marked) in files {
            let text = MarkedText(marked)
            for (name, position) in text.markers {
                precondition(marks[name] == nil, "marker ⟨\(name)⟩ is in two files")
                marks[name] = MarkedLocation(path: path, line: position.line, column: position.column)
            }
            bytes[path] = Array(text.text.utf8)
        }
        for (path, content) in bytes {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content).write(to: url)
        }
        self.root = root
        self.marks = marks
    }

    /// A copy of the repository's example site (`site.yml`, `content/`, and `templates/` when asked).
    ///
    /// Tests never build the repository in place; they build this copy.
    public static func example(includingTemplates: Bool = false) throws -> TemporarySite {
        let site = try TemporarySite([:])
        var names = ["site.yml", "content"]
        if includingTemplates { names.append("templates") }
        for name in names {
            try FileManager.default.copyItem(at: Package.root.appendingPathComponent(name), to: site.root.appendingPathComponent(name))
        }
        return site
    }

    /// The only marker's location; fails loudly when the fixture has none or several.
    public var mark: MarkedLocation {
        precondition(marks.count == 1, "expected exactly one marker, found \(marks.count)")
        return marks.first!.value
    }

    /// The URL of a path inside the site.
    public func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// Writes (or replaces) a text file.
    public func write(_ path: String, _ text: String) throws {
        let url = url(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Removes a file or folder of the site.
    public func remove(_ path: String) throws { try FileManager.default.removeItem(at: url(path)) }

    /// The text of a file in the site (or its output), or nil when it does not exist.
    public func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: url(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    deinit {
        if ProcessInfo.processInfo.environment["CCHC_KEEP_FIXTURES"] == nil {
            try? FileManager.default.removeItem(at: root)
        }
    }
}

/// Reading a built output folder as a whole.
public enum OutputTree {
    /// Every regular file under `folder`, relative path → bytes, hidden files included.
    public static func files(under folder: URL) -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return out }
        let base = folder.resolvingSymlinksInPath().standardizedFileURL.path
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            var path = url.resolvingSymlinksInPath().standardizedFileURL.path
            if path.hasPrefix(base + "/") { path.removeFirst(base.count + 1) }
            out[path] = FileManager.default.contents(atPath: url.path).map { Array($0) } ?? []
        }
        return out
    }
}
