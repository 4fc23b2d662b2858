import Foundation

/// The files of a site folder, found once and read once, with NFC paths relative to the site.
struct SiteFiles: Sendable {
    /// The site folder.
    let root: URL
    /// The same, as a file-system path.
    let rootPath: String
    /// `content/indices/*.yml`, sorted by path bytes.
    var indices: [String] = []
    /// `content/plans/*.md`, sorted.
    var plans: [String] = []
    /// `content/progress/**/*.yml`, sorted.
    var progress: [String] = []
    /// Files under `content/files/`, as paths relative to `content/`, sorted.
    var evidence: [String] = []
    /// Files in the content folders that the format does not know, for warnings.
    var stray: [String] = []
    /// The on-disk spelling of every listed path whose NFC form differs (names saved as NFD on macOS).
    var diskPaths: [String: String] = [:]

    /// Lists the site's content files.
    init(root: URL) {
        self.root = root
        rootPath = root.path
        let content = root.appendingPathComponent("content")
        var disk: [String: String] = [:]
        indices = SiteFiles.list(content.appendingPathComponent("indices"), prefix: "content/indices", recursive: false, disk: &disk)
        plans = SiteFiles.list(content.appendingPathComponent("plans"), prefix: "content/plans", recursive: false, disk: &disk)
        progress = SiteFiles.list(content.appendingPathComponent("progress"), prefix: "content/progress", recursive: true, disk: &disk)
        evidence = SiteFiles.list(content.appendingPathComponent("files"), prefix: "files", recursive: true, disk: &disk)
        diskPaths = disk
        stray =
            indices.filter { !$0.hasSuffix(".yml") } + plans.filter { !$0.hasSuffix(".md") }
            + progress.filter { !$0.hasSuffix(".yml") }
        indices = indices.filter { $0.hasSuffix(".yml") }
        plans = plans.filter { $0.hasSuffix(".md") }
        progress = progress.filter { $0.hasSuffix(".yml") }
    }

    /// The regular files under `folder` (hidden ones skipped), as `prefix/relative/path`.
    static func list(_ folder: URL, prefix: String, recursive: Bool) -> [String] {
        var disk: [String: String] = [:]
        return list(folder, prefix: prefix, recursive: recursive, disk: &disk)
    }

    /// `list(_:prefix:recursive:)`, recording in `disk` the on-disk path of each NFC path that differs.
    static func list(_ folder: URL, prefix: String, recursive: Bool, disk: inout [String: String]) -> [String] {
        var out: [String] = []
        func walk(_ folderPath: String, _ relative: String, _ onDisk: String, depth: Int) {
            // Entry types from readdir save a stat per file; a national site lists tens of thousands.
            guard depth < 64, let entries = FolderEntries.read(folderPath) else { return }
            var folders: [(String, String, String)] = []
            for entry in entries where !entry.name.hasPrefix(".") {
                let child = folderPath + "/" + entry.name
                let path = relative + "/" + NFC.normalize(entry.name)
                let diskPath = onDisk + "/" + entry.name
                let isFolder: Bool
                switch entry.kind {
                case .folder: isFolder = true
                case .file, .other: isFolder = false
                case .symlink, .unknown:
                    // Links and file systems without entry types: ask stat, which follows links.
                    var info = stat()
                    guard stat(child, &info) == 0 else { continue }
                    isFolder = (info.st_mode & S_IFMT) == S_IFDIR
                }
                if isFolder {
                    if recursive { folders.append((child, path, diskPath)) }
                } else {
                    out.append(path)
                    // Swift's `==` calls NFC and NFD equal, so compare the bytes.
                    if !path.utf8.elementsEqual(diskPath.utf8) { disk[path] = diskPath }
                }
            }
            for (child, path, diskPath) in folders { walk(child, path, diskPath, depth: depth + 1) }
        }
        walk(folder.path, prefix, prefix, depth: 0)
        return out.sorted { $0.utf8Precedes($1) }
    }

    /// The on-disk path of a site-relative path.
    ///
    /// Paths are listed in NFC; a file or folder saved with an NFD name (macOS) is opened by its
    /// on-disk spelling.
    func path(_ relative: String) -> String {
        rootPath + "/" + (diskPaths[relative] ?? relative)
    }
}

/// Reads a file and decodes it as the spec says, recording a diagnostic when it cannot.
enum FileReader {
    /// The NFC text of a file, or nil with an error recorded.
    static func text(at url: URL, path: String, log: inout DiagnosticLog) -> String? {
        text(atPath: url.path, path: path, log: &log)
    }

    /// The NFC text of the file at `diskPath`, or nil with an error recorded against `path`.
    static func text(atPath diskPath: String, path: String, log: inout DiagnosticLog) -> String? {
        guard let bytes = FileReader.bytes(atPath: diskPath, limit: maximumBytes) else {
            log.error(SourceLocation(path: path), "cannot read the file; check that it exists and can be read")
            return nil
        }
        guard bytes.count <= maximumBytes else {
            log.error(
                SourceLocation(path: path),
                "the file is over \(maximumBytes / 1_048_576) MB; content files are kilobytes, so larger ones are refused (is it the right file?)")
            return nil
        }
        switch SourceText.decode(bytes) {
        case .success(let decoded):
            for warning in decoded.warnings { log.warning(SourceLocation(path: path), warning) }
            return decoded.text
        case .failure(.notUTF8(let line, let column, let likely)):
            var message = "the file is not valid UTF-8"
            if let likely {
                message += "; it looks like \(likely.displayName) text: convert it to Unicode (UTF-8), for example with Unikey's converter, and save it again"
            } else {
                message += "; save it again as UTF-8"
            }
            log.error(SourceLocation(path: path, line: line, column: column), message)
            return nil
        }
    }

    /// The largest content file read (a site's YAML and Markdown files are kilobytes; a national
    /// plan with its text is well under a megabyte).
    static let maximumBytes = 16 * 1_048_576

    /// The bytes of a file, read with one `read` call for small files; nil when it cannot be read.
    /// With a `limit`, reading stops one byte past it, so a huge or growing file is never read whole.
    static func bytes(atPath path: String, limit: Int = .max) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        if Int(info.st_size) > limit { return Array(repeating: 0, count: limit + 1) }
        var out: [UInt8] = []
        var capacity = max(Int(info.st_size), 0) + 1
        var count = 0
        while true {
            if count == out.count {
                out.append(contentsOf: repeatElement(0, count: capacity))
                capacity *= 2
            }
            let n = out.withUnsafeMutableBufferPointer { buffer in
                read(fd, buffer.baseAddress! + count, buffer.count - count)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            count += n
            if count > limit { break }
        }
        out.removeSubrange(count...)
        return out
    }
}
