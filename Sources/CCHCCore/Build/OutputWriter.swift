import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Errors of writing the built site.
public struct OutputError: Error, CustomStringConvertible {
    /// What went wrong and what to do.
    public let description: String
}

/// Writes a built site into a temporary folder beside the output and swaps it in only on success.
///
/// A failed build leaves the previous output exactly as it was; files of earlier builds that are no
/// longer produced disappear with the old folder.
public enum OutputWriter {
    /// Writes the file at each of `paths`, made by `contents` on all cores as it is written (so the
    /// whole site is never in memory at once), to `out` atomically (one rename, where the file
    /// system allows); returns the bytes written.
    public static func write(
        paths: [String], to out: URL, siteRoot: URL,
        contents: @Sendable (Int) -> OutputFile.Contents
    ) throws -> Int {
        let manager = FileManager.default
        let out = out.standardizedFileURL
        let site = siteRoot.standardizedFileURL
        if site.path == out.path || site.path.hasPrefix(out.path + "/") {
            throw OutputError(description: "\(out.path): refusing to write the site into a folder that holds the site itself; choose another --out")
        }
        for inside in ["content", "templates"]
        where out.path == site.appendingPathComponent(inside).path || out.path.hasPrefix(site.appendingPathComponent(inside).path + "/") {
            throw OutputError(description: "\(out.path): refusing to write into the site's \(inside)/ folder; choose another --out")
        }
        let parent = out.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let name = out.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let temporary = parent.appendingPathComponent(".\(name).tmp-\(pid)")
        let old = parent.appendingPathComponent(".\(name).old-\(pid)")
        try? manager.removeItem(at: temporary)
        try? manager.removeItem(at: old)
        do {
            try manager.createDirectory(at: temporary, withIntermediateDirectories: true)
            let base = temporary.path
            let leaves = try makeFolders(for: paths, under: base)
            let results = ConcurrentMap.run(paths.count) { i -> Result<Int, OutputError> in
                let target = base + "/" + paths[i]
                do {
                    if let folder = leaves[i] { try OutputWriter.makeFolder(base + "/" + folder) }
                    switch contents(i) {
                    case .bytes(let bytes):
                        try OutputWriter.writeFile(bytes, atPath: target)
                        return .success(bytes.count)
                    case .copy(let source):
                        try FileManager.default.copyItem(atPath: source.path, toPath: target)
                        let size = (try? FileManager.default.attributesOfItem(atPath: target)[.size] as? Int) ?? 0
                        return .success(size)
                    }
                } catch {
                    return .failure(OutputError(description: "\(paths[i]): \(error)"))
                }
            }
            var bytes = 0
            for result in results {
                switch result {
                case .success(let count): bytes += count
                case .failure(let failure): throw OutputError(description: "cannot write \(failure.description)")
                }
            }
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: out.path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else { throw OutputError(description: "\(out.path) is a file, not a folder; remove it or choose another --out") }
                try manager.moveItem(at: out, to: old)
                do {
                    try manager.moveItem(at: temporary, to: out)
                } catch {
                    try? manager.moveItem(at: old, to: out)
                    throw error
                }
                removeTree(old)
            } else {
                try manager.moveItem(at: temporary, to: out)
            }
            return bytes
        } catch {
            try? manager.removeItem(at: temporary)
            if let error = error as? OutputError { throw error }
            throw OutputError(description: "cannot write the site to \(out.path): \(error.localizedDescription)")
        }
    }

    /// Removes a folder tree, its second-level folders in parallel (the previous output of a large
    /// site holds tens of thousands of files, and one thread deleting them took longer than writing).
    static func removeTree(_ folder: URL) {
        let manager = FileManager.default
        var inner: [URL] = []
        for child in (try? manager.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [] {
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: child.path, isDirectory: &isDirectory), isDirectory.boolValue {
                inner.append(contentsOf: (try? manager.contentsOfDirectory(at: child, includingPropertiesForKeys: nil)) ?? [])
            }
        }
        let items = inner
        _ = ConcurrentMap.run(items.count) { i in (try? FileManager.default.removeItem(at: items[i])) != nil }
        // What is left: the first-level folders, now empty, and the files at the top.
        try? manager.removeItem(at: folder)
    }

    /// Makes the folders the files at `paths` go in, under `base`, except the innermost ones (a
    /// page's own folder, which nothing else is in): those are left to whoever writes their files,
    /// so most of the folders are made on all cores. Returns, for each path, the innermost folder
    /// to make before writing it, if any.
    static func makeFolders(for paths: [String], under base: String) throws -> [Substring?] {
        var parents = Set<Substring>()
        for path in paths {
            guard let slash = path.lastIndex(of: "/") else { continue }
            var folder = path[..<slash]
            while let up = folder.lastIndex(of: "/") {
                folder = folder[..<up]
                guard parents.insert(folder).inserted else { break }
            }
        }
        // Outer folders first: a folder's path is longer than its parent's.
        for folder in parents.sorted(by: { $0.utf8.count < $1.utf8.count }) { try makeFolder(base + "/" + folder) }
        return paths.map { path in
            guard let slash = path.lastIndex(of: "/") else { return nil }
            let folder = path[..<slash]
            return parents.contains(folder) ? nil : folder
        }
    }

    /// Makes one folder; one that is already there is fine.
    static func makeFolder(_ path: String) throws {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw OutputError(description: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
    }

    static func writeFile(_ bytes: [UInt8], atPath path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw OutputError(description: "cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var offset = 0
        try bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw OutputError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
    }
}
