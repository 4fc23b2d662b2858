import CCHCCore

#if canImport(Glibc)
    import Glibc
#endif

/// What was touched since the watcher last asked.
enum Touched: Equatable {
    /// Nothing under the sources.
    case nothing
    /// These site-relative paths (files, or folders with all they hold).
    case paths(Set<String>)
    /// Events were lost: anything may have changed.
    case anything
}

#if canImport(Glibc)
    /// Tells the watcher which of a site's sources were touched since it last asked, from inotify,
    /// so that a poll looks at those paths only and an idle one costs no `stat` at all: a national
    /// site has 50,000 files, and scanning them all every 100 ms kept two thirds of a core busy.
    ///
    /// The watcher still compares scans (brought up to date from the paths named) to find what
    /// changed, and scans everything every few seconds anyway, for file systems that report nothing
    /// (network mounts).
    final class ChangeNotifier {
        private let descriptor: Int32
        private let root: String
        /// Watched folders by watch descriptor, as paths relative to the root ("" for the root).
        private var folders: [Int32: String] = [:]
        private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

        private static let mask = UInt32(
            IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
                | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF)

        /// Watches `root` (for `site.yml`) and every folder under `content/` and `templates/`; nil
        /// when inotify cannot do it (no inotify, or too many folders for the watch limit).
        init?(root: String) {
            let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard fd >= 0 else { return nil }
            descriptor = fd
            self.root = root.hasSuffix("/") ? String(root.dropLast()) : root
            guard add("", recursive: false), add("content", recursive: true), add("templates", recursive: true) else { return nil }
        }

        deinit { close(descriptor) }

        /// Watches the folder at `relative`, and with `recursive` every folder under it as the scan
        /// walks them; false when a watch could not be added for another reason than the folder
        /// being gone.
        private func add(_ relative: String, recursive: Bool, depth: Int = 0) -> Bool {
            let path = relative.isEmpty ? root : root + "/" + relative
            let watch = inotify_add_watch(descriptor, path, Self.mask)
            if watch < 0 { return errno == ENOENT || errno == ENOTDIR }
            folders[watch] = relative
            guard recursive, depth < 32, let entries = FolderEntries.read(path) else { return true }
            for entry in entries where !SourceScan.ignored(entry.name) {
                let isFolder: Bool
                switch entry.kind {
                case .folder: isFolder = true
                case .symlink, .unknown:
                    var info = stat()
                    isFolder = stat(path + "/" + entry.name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
                case .file, .other: isFolder = false
                }
                if isFolder, !add(relative + "/" + entry.name, recursive: true, depth: depth + 1) { return false }
            }
            return true
        }

        /// What may have changed since the last call: reads every pending event, and watches the
        /// folders that appeared.
        func drain() -> Touched {
            var touched = Set<String>()
            var lost = false
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                var offset = 0
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let (watch, mask, length, name) = buffer.withUnsafeBytes { bytes -> (Int32, UInt32, Int, String) in
                        let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                        let start = offset + MemoryLayout<inotify_event>.size
                        let raw = bytes[start..<min(start + Int(event.len), count)]
                        let name = String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                        return (event.wd, event.mask, Int(event.len), name)
                    }
                    offset += MemoryLayout<inotify_event>.size + length
                    if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                        // Events were lost, folder creations perhaps among them: watch everything again.
                        lost = true
                        _ = add("content", recursive: true)
                        _ = add("templates", recursive: true)
                        continue
                    }
                    if mask & UInt32(IN_IGNORED) != 0 {
                        folders[watch] = nil
                        continue
                    }
                    guard let folder = folders[watch] else { continue }
                    if folder.isEmpty {
                        // In the site folder only site.yml, content/ and templates/ are sources.
                        guard ["site.yml", "content", "templates"].contains(name) || name.isEmpty else { continue }
                    } else if !name.isEmpty && SourceScan.ignored(name) {
                        continue
                    }
                    let path = folder.isEmpty ? name : name.isEmpty ? folder : folder + "/" + name
                    touched.insert(path)
                    if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, !name.isEmpty {
                        _ = add(path, recursive: true)
                    }
                }
            }
            // The site folder itself moved or went: anything may have.
            if lost || touched.contains("") { return .anything }
            return touched.isEmpty ? .nothing : .paths(touched)
        }
    }
#else
    /// Change notifications are used on Linux only (inotify); elsewhere every poll scans.
    final class ChangeNotifier {
        /// Always nil: no notifications here.
        init?(root: String) { return nil }

        /// Never called, since there is no notifier.
        func drain() -> Touched { .anything }
    }
#endif
