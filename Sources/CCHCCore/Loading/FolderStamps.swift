#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One folder's entries as `readdir` gives them, without a `stat` per entry.
public enum FolderEntries {
    /// What an entry is, from its directory entry alone.
    public enum Kind: Sendable {
        case file, folder, symlink, other
        /// The file system did not say (then only `stat` can tell).
        case unknown
    }

    /// The entries of the folder at `path` except `.` and `..`, in the order the file system
    /// gives them; nil when it cannot be opened.
    public static func read(_ path: String) -> [(name: String, kind: Kind)]? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        var out: [(name: String, kind: Kind)] = []
        while let entry = readdir(folder) {
            // The name is read where it lies, up to its NUL: `d_name` is declared 256 bytes long, but
            // the C library's records are only as long as their names, so copying the whole field
            // read past the end of the buffer for the last entry (found by the address sanitizer).
            let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
            let name = String(cString: (UnsafeRawPointer(entry) + offset).assumingMemoryBound(to: CChar.self))
            if name == "." || name == ".." { continue }
            let kind: Kind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_LNK): kind = .symlink
            case Int32(DT_UNKNOWN): kind = .unknown
            default: kind = .other
            }
            out.append((name, kind))
        }
        return out
    }
}

/// The stamps of the folders a site's file listing walks (`content/indices`, `content/plans`,
/// and every folder under `content/progress` and `content/files`).
///
/// A folder's modification time changes whenever an entry is added to it, removed or renamed,
/// never when a file in it is only rewritten; so while no stamp has changed, the listing is the
/// same and need not be walked again (`cchc serve` at national scale: 50,000 files).
struct FolderStamps: Equatable, Sendable {
    /// Site-relative folder path → stamp.
    var stamps: [String: FileStamp]

    /// The stamps of the folders under `root`; nil when a listing could not be vouched for by
    /// them: a folder changed too recently before `now` (see ``FileStamp/isSettled(now:)``), or a
    /// symbolic link or an entry of unknown type among the entries (the listing follows links,
    /// whose targets no stamp covers).
    static func take(root: String, now: Int64) -> FolderStamps? {
        var stamps: [String: FileStamp] = [:]
        func visit(_ relative: String, recursive: Bool) -> Bool {
            let path = root + "/" + relative
            guard let stamp = FileStamp.of(path) else { return true }
            guard stamp.isSettled(now: now), let entries = FolderEntries.read(path) else { return false }
            stamps[relative] = stamp
            for entry in entries where !entry.name.hasPrefix(".") {
                switch entry.kind {
                case .file, .other: continue
                case .symlink, .unknown: return false
                case .folder: if recursive, !visit(relative + "/" + entry.name, recursive: true) { return false }
                }
            }
            return true
        }
        guard visit("content/indices", recursive: false), visit("content/plans", recursive: false),
            visit("content/progress", recursive: true), visit("content/files", recursive: true)
        else { return nil }
        // The content folder itself: a subfolder replaced by another one changes it.
        if let content = FileStamp.of(root + "/content") {
            guard content.isSettled(now: now) else { return nil }
            stamps["content"] = content
        }
        return FolderStamps(stamps: stamps)
    }
}
