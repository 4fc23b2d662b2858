import Foundation

/// The archive formats `cchc build --archive` writes, chosen by the file name.
public enum ArchiveFormat: String, Sendable, CaseIterable {
    case zip
    case tarGz = "tar.gz"

    /// The format a file name asks for: `.zip`, `.tar.gz` or `.tgz`; nil otherwise.
    public init?(fileName: String) {
        let name = fileName.lowercased()
        if name.hasSuffix(".zip") { self = .zip } else if name.hasSuffix(".tar.gz") || name.hasSuffix(".tgz") { self = .tarGz } else { return nil }
    }
}

/// What an archive holds, for the closing message.
public struct ArchiveSummary: Sendable {
    /// Files of the site (the manifest not counted).
    public var files: Int
    /// The archive's size in bytes.
    public var bytes: Int
    /// The archive's own SHA-256.
    public var sha256: String
}

/// A release archive of a built site: every file, plus `manifest.json` listing each file's size and SHA-256.
///
/// The same built site and reporting date give the same bytes: entries in byte order of their paths,
/// one timestamp (the reporting date, 00:00 UTC), fixed permissions, no owner or host names.
public enum ReleaseArchive {
    /// The manifest's path inside the archive.
    public static let manifestPath = "manifest.json"

    /// The files under `folder`, as (path relative to the folder, bytes), in byte order of the paths.
    public static func files(in folder: URL) throws -> [(path: String, bytes: [UInt8])] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ArchiveError(description: "\(folder.path) is not a folder; build the site first")
        }
        var paths: [String] = []
        func walk(_ relative: String) throws {
            let url = relative.isEmpty ? folder : folder.appendingPathComponent(relative)
            for name in try manager.contentsOfDirectory(atPath: url.path) {
                let path = relative.isEmpty ? name : relative + "/" + name
                var folderFlag: ObjCBool = false
                _ = manager.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &folderFlag)
                if folderFlag.boolValue { try walk(path) } else { paths.append(path) }
            }
        }
        try walk("")
        paths.sort { $0.utf8Precedes($1) }
        return try paths.map { path in
            let data = try Data(contentsOf: folder.appendingPathComponent(path))
            return (path, [UInt8](data))
        }
    }

    /// The manifest: the tool's version, the reporting date and every file with its size and SHA-256.
    public static func manifest(_ files: [(path: String, bytes: [UInt8])], asOf: Day, version: String = cchcVersion) -> [UInt8] {
        var lines = ["{", "  \"cchcVersion\": \(json(version)),", "  \"asOf\": \(json(asOf.iso)),", "  \"files\": ["]
        for (i, file) in files.enumerated() {
            let comma = i + 1 < files.count ? "," : ""
            lines.append("    {\"path\": \(json(file.path)), \"size\": \(file.bytes.count), \"sha256\": \(json(SHA256.hex(file.bytes)))}\(comma)")
        }
        lines.append("  ]")
        lines.append("}")
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// The entries of the archive: the manifest first, then folders and files in path order.
    public static func entries(_ files: [(path: String, bytes: [UInt8])], asOf: Day, version: String = cchcVersion) throws -> [ArchiveEntry] {
        if files.contains(where: { $0.path == manifestPath }) {
            throw ArchiveError(description: "the built site has its own \(manifestPath), which the archive's manifest would replace; rename that file")
        }
        var entries = [ArchiveEntry.file(manifestPath, manifest(files, asOf: asOf, version: version))]
        var folders = Set<String>()
        for file in files {
            var parts = file.path.split(separator: "/").dropLast().map(String.init)
            var prefixes: [String] = []
            while !parts.isEmpty {
                prefixes.insert(parts.joined(separator: "/"), at: 0)
                parts.removeLast()
            }
            for folder in prefixes where folders.insert(folder).inserted { entries.append(.directory(folder)) }
            entries.append(.file(file.path, file.bytes))
        }
        return entries
    }

    /// The archive's bytes for the built site in `folder`.
    public static func make(folder: URL, asOf: Day, format: ArchiveFormat, version: String = cchcVersion) throws -> (bytes: [UInt8], files: Int) {
        let files = try files(in: folder)
        let entries = try entries(files, asOf: asOf, version: version)
        switch format {
        case .zip: return (try ZipWriter.archive(entries, date: asOf), files.count)
        case .tarGz: return (try TarGzWriter.archive(entries, date: asOf), files.count)
        }
    }

    /// Writes the archive of `folder` to `archive` (replacing it in one rename); the format follows the name.
    @discardableResult
    public static func write(folder: URL, to archive: URL, asOf: Day, version: String = cchcVersion) throws -> ArchiveSummary {
        guard let format = ArchiveFormat(fileName: archive.lastPathComponent) else {
            throw ArchiveError(description: "\(archive.lastPathComponent): the archive's name must end in .zip, .tar.gz or .tgz")
        }
        let folderPath = folder.standardizedFileURL.path
        if archive.standardizedFileURL.path.hasPrefix(folderPath + "/") {
            throw ArchiveError(description: "\(archive.path): the archive cannot be inside the output folder it packs; write it elsewhere")
        }
        let (bytes, count) = try make(folder: folder, asOf: asOf, format: format, version: version)
        let parent = archive.deletingLastPathComponent()
        let temporary = parent.appendingPathComponent(".\(archive.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            try Data(bytes).write(to: temporary)
            // rename(2) replaces an older archive in one step.
            guard rename(temporary.path, archive.path) == 0 else {
                throw ArchiveError(description: "cannot move the archive into place (errno \(errno))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw ArchiveError(description: "cannot write \(archive.path): \(error.localizedDescription)")
        }
        return ArchiveSummary(files: count, bytes: bytes.count, sha256: SHA256.hex(bytes))
    }

    /// A JSON string literal.
    static func json(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
