#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CCHCCore

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
