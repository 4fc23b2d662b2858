import CCHCCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The state of a site's sources: `site.yml`, and every file under `content/` and `templates/`.
///
/// Polling these with `stat` is cheap (a few hundred files take well under a millisecond) and
/// portable, and it sees files created in new folders without re-arming anything.
struct SourceScan: Equatable, Sendable {
    var stamps: [String: FileStamp]

    static func take(root: String) -> SourceScan {
        var stamps: [String: FileStamp] = [:]
        let base = root.hasSuffix("/") ? String(root.dropLast()) : root
        if let stamp = FileStamp.of(base + "/site.yml") { stamps["site.yml"] = stamp }
        for folder in ["content", "templates"] {
            walk(base + "/" + folder, relative: folder, into: &stamps, depth: 0)
        }
        return SourceScan(stamps: stamps)
    }

    /// Editors' scratch files, which the site never reads: a save should not rebuild twice.
    static func ignored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name.hasPrefix("#") || name.hasSuffix(".tmp")
    }

    /// This scan with `paths` looked at again (site-relative files, or folders with all they
    /// hold): what a full scan gives when nothing else changed. For change notifications, which
    /// name the paths touched.
    func updating(_ paths: Set<String>, root: String) -> SourceScan {
        let base = root.hasSuffix("/") ? String(root.dropLast()) : root
        var stamps = self.stamps
        var files: [(String, FileStamp)] = [], folders: [String] = [], forget: [String] = []
        for path in paths {
            let parts = path.split(separator: "/").map(String.init)
            guard let first = parts.first, !parts.contains(where: Self.ignored) else { continue }
            var info = stat()
            let exists = stat(base + "/" + path, &info) == 0
            if parts.count == 1 {
                // At the top only site.yml is a file of the sources; content/ and templates/ are walked.
                if first == "site.yml" {
                    stamps[first] = exists ? FileStamp(info) : nil
                } else if first == "content" || first == "templates" {
                    forget.append(path)
                    if exists && (info.st_mode & S_IFMT) == S_IFDIR { folders.append(path) }
                }
                continue
            }
            guard first == "content" || first == "templates" else { continue }
            if exists && (info.st_mode & S_IFMT) != S_IFDIR {
                // A file now; if it was not one before, it may have been a folder.
                if stamps[path] == nil { forget.append(path) }
                files.append((path, FileStamp(info)))
            } else {
                stamps[path] = nil
                forget.append(path)
                if exists { folders.append(path) }
            }
        }
        if !forget.isEmpty {
            let prefixes = forget.map { $0 + "/" }
            stamps = stamps.filter { key, _ in !prefixes.contains { key.hasPrefix($0) } }
        }
        for (path, stamp) in files { stamps[path] = stamp }
        for path in folders {
            Self.walk(base + "/" + path, relative: path, into: &stamps, depth: path.split(separator: "/").count - 1)
        }
        return SourceScan(stamps: stamps)
    }

    private static func walk(_ path: String, relative: String, into stamps: inout [String: FileStamp], depth: Int) {
        guard depth < 32, let entries = FolderEntries.read(path) else { return }
        var folders: [String] = []
        for (name, _) in entries where !ignored(name) {
            let full = path + "/" + name
            var info = stat()
            guard stat(full, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                folders.append(name)
            } else {
                stamps[relative + "/" + name] = FileStamp(info)
            }
        }
        for name in folders {
            walk(path + "/" + name, relative: relative + "/" + name, into: &stamps, depth: depth + 1)
        }
    }

    /// The paths that were added, removed or changed since `old`, sorted.
    func changes(since old: SourceScan) -> [String] {
        var changed: [String] = []
        for (path, stamp) in stamps where old.stamps[path] != stamp { changed.append(path) }
        for path in old.stamps.keys where stamps[path] == nil { changed.append(path) }
        return changed.sorted()
    }
}
