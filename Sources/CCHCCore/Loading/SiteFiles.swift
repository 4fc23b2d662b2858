import Foundation

/// The files of a site folder, found once and read once, with NFC paths relative to the site.
struct SiteFiles: Sendable {
    /// The site folder.
    let root: URL
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

    /// Lists the site's content files.
    init(root: URL) {
        self.root = root
        let content = root.appendingPathComponent("content")
        indices = SiteFiles.list(content.appendingPathComponent("indices"), prefix: "content/indices", recursive: false)
        plans = SiteFiles.list(content.appendingPathComponent("plans"), prefix: "content/plans", recursive: false)
        progress = SiteFiles.list(content.appendingPathComponent("progress"), prefix: "content/progress", recursive: true)
        evidence = SiteFiles.list(content.appendingPathComponent("files"), prefix: "files", recursive: true)
        stray = indices.filter { !$0.hasSuffix(".yml") } + plans.filter { !$0.hasSuffix(".md") }
            + progress.filter { !$0.hasSuffix(".yml") }
        indices = indices.filter { $0.hasSuffix(".yml") }
        plans = plans.filter { $0.hasSuffix(".md") }
        progress = progress.filter { $0.hasSuffix(".yml") }
    }

    /// The regular files under `folder` (hidden ones skipped), as `prefix/relative/path`.
    static func list(_ folder: URL, prefix: String, recursive: Bool) -> [String] {
        let manager = FileManager.default
        var out: [String] = []
        func walk(_ url: URL, _ relative: String) {
            guard let names = try? manager.contentsOfDirectory(atPath: url.path) else { return }
            for name in names where !name.hasPrefix(".") {
                let child = url.appendingPathComponent(name)
                let path = relative + "/" + name.precomposedStringWithCanonicalMapping
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: child.path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    if recursive { walk(child, path) }
                } else {
                    out.append(path)
                }
            }
        }
        walk(folder, prefix)
        return out.sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }
    }

    /// The on-disk URL of a site-relative path.
    ///
    /// Paths are listed in NFC; a file saved with an NFD name (macOS) is found through the
    /// directory listing rather than by its NFC spelling.
    func url(_ relative: String) -> URL {
        root.appendingPathComponent(relative)
    }
}

/// Reads a file and decodes it as the spec says, recording a diagnostic when it cannot.
enum FileReader {
    /// The NFC text of a file, or nil with an error recorded.
    static func text(at url: URL, path: String, log: inout DiagnosticLog) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) ?? readByListing(url) else {
            log.error(SourceLocation(path: path), "cannot read the file; check that it exists and can be read")
            return nil
        }
        switch SourceText.decode(Array(data)) {
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

    /// Finds a file whose name differs from `url` only in Unicode normalisation.
    static func readByListing(_ url: URL) -> Data? {
        let folder = url.deletingLastPathComponent()
        let wanted = url.lastPathComponent.precomposedStringWithCanonicalMapping
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path),
              let name = names.first(where: { $0.precomposedStringWithCanonicalMapping == wanted }) else { return nil }
        return FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
    }
}
