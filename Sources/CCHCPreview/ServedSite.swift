import CCHCCore
import Foundation
import Hummingbird

/// One file as the preview serves it: final bytes (script or overlay already injected), type and tag.
struct ServedFile: Sendable {
    var body: ByteBuffer
    var contentType: String
    var etag: String
}

/// The raw output of one good build: every file's bytes and content hash, before injection.
struct BuiltSite: Sendable {
    struct File: Sendable {
        var bytes: [UInt8]
        var hash: UInt64
        var contentType: String
    }

    var files: [String: File]
    /// Folders that hold an `index.html`, without the trailing slash ("" for the root).
    var folders: Set<String>

    static let empty = BuiltSite(files: [:], folders: [])
}

/// What every request reads: the files of the last good build with the preview's additions in place.
///
/// Built once per state change (a rebuild, a failure, a recovery), so a request is one dictionary
/// look-up and never touches the disk.
struct ServedSite: Sendable {
    var files: [String: ServedFile]
    var folders: Set<String>
    /// The site's `404.html`, or a plain page when the site has none (or no good build yet).
    var notFound: ServedFile
    /// True until the first good build: every URL then answers 503 with the diagnostics.
    var hasGoodBuild: Bool

    static let notFoundPath = SitePaths.notFound

    /// Applies the preview additions to a good build; `diagnostics` non-empty means the latest rebuild failed.
    init(built: BuiltSite?, diagnostics: [String]) {
        let snippet = Injection.snippet(diagnostics: diagnostics)
        let variant = Injection.variantTag(snippet)
        var files: [String: ServedFile] = [:]
        if let built {
            files.reserveCapacity(built.files.count)
            for (path, file) in built.files {
                if ContentTypes.isHTML(path) {
                    let body = Injection.inject(snippet, into: file.bytes)
                    files[path] = ServedFile(body: ByteBuffer(bytes: body), contentType: file.contentType,
                                             etag: ETag.make(file.hash, variant: variant))
                } else {
                    files[path] = ServedFile(body: ByteBuffer(bytes: file.bytes), contentType: file.contentType,
                                             etag: ETag.make(file.hash, variant: 0))
                }
            }
        }
        self.files = files
        self.folders = built?.folders ?? []
        self.hasGoodBuild = built != nil
        if let page = files[Self.notFoundPath] {
            notFound = page
        } else {
            let title = built == nil ? "cchc serve: the site does not build yet" : "Not found"
            let bytes = Array("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>\(title)</title></head><body><h1>\(title)</h1></body></html>\n".utf8)
            let body = Injection.inject(snippet, into: bytes)
            notFound = ServedFile(body: ByteBuffer(bytes: body), contentType: ContentTypes.html,
                                  etag: ETag.make(ETag.hash(body), variant: variant))
        }
    }
}

extension BuiltSite {
    /// Turns the renderer's output into bytes in memory; files copied from `content/files/` are read
    /// through `cache`, so an unchanged download is not read again on each rebuild.
    static func make(_ output: [OutputFile], cache: CopyCache) throws -> BuiltSite {
        var files: [String: File] = [:]
        var folders = Set<String>()
        files.reserveCapacity(output.count)
        for file in output {
            let bytes: [UInt8]
            let hash: UInt64
            switch file.contents {
            case .bytes(let b):
                bytes = b
                hash = ETag.hash(b)
            case .copy(let url):
                (bytes, hash) = try cache.read(url)
            }
            files[file.path] = File(bytes: bytes, hash: hash, contentType: ContentTypes.type(for: file.path, bytes: bytes))
            if file.path == "index.html" {
                folders.insert("")
            } else if file.path.hasSuffix("/index.html") {
                folders.insert(String(file.path.dropLast("/index.html".count)))
            }
        }
        return BuiltSite(files: files, folders: folders)
    }
}

/// Reads files copied verbatim into the site, keyed by path, size, modification time and inode.
///
/// `@unchecked Sendable` is safe because the cache dictionary is only touched under its lock.
final class CopyCache: @unchecked Sendable {
    private struct Key: Hashable {
        var path: String
        var stamp: FileStamp
    }

    private let lock = NSLock()
    private var entries: [String: (Key, [UInt8], UInt64)] = [:]

    func read(_ url: URL) throws -> ([UInt8], UInt64) {
        let path = url.path
        let stamp = FileStamp.of(path)
        lock.lock()
        if let stamp, let entry = entries[path], entry.0 == Key(path: path, stamp: stamp) {
            lock.unlock()
            return (entry.1, entry.2)
        }
        lock.unlock()
        let bytes = Array(try Data(contentsOf: url))
        let hash = ETag.hash(bytes)
        if let stamp {
            lock.lock()
            entries[path] = (Key(path: path, stamp: stamp), bytes, hash)
            lock.unlock()
        }
        return (bytes, hash)
    }
}

/// Strong validators: a 64-bit FNV-1a hash of the bytes, plus a tag of what the preview injected.
enum ETag {
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer {
                h ^= UInt64(byte)
                h = h &* 0x0000_0100_0000_01b3
            }
        }
        return h
    }

    static func make(_ hash: UInt64, variant: UInt64) -> String {
        variant == 0 ? "\"\(hex(hash))\"" : "\"\(hex(hash))-\(hex(variant))\""
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Whether an `If-None-Match` value matches `etag` (weak comparison, as RFC 9110 asks for it).
    static func matches(_ header: String, _ etag: String) -> Bool {
        let wanted = etag.hasPrefix("W/") ? String(etag.dropFirst(2)) : etag
        for item in header.split(separator: ",") {
            var tag = item.trimmingCharacters(in: .whitespaces)
            if tag == "*" { return true }
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            if tag == wanted { return true }
        }
        return false
    }
}

/// Content types by file extension; text types say UTF-8, which is what the build writes.
enum ContentTypes {
    static let html = "text/html; charset=utf-8"

    static func isHTML(_ path: String) -> Bool {
        path.hasSuffix(".html") || path.hasSuffix(".htm")
    }

    static func type(for path: String, bytes: [UInt8]) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let ext = name.contains(".") ? String(name[name.index(after: name.lastIndex(of: ".")!)...]).lowercased() : ""
        switch ext {
        case "html", "htm": return html
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "csv": return "text/csv; charset=utf-8"
        case "xml":
            // The Atom feed and the sitemap are both .xml; tell them apart by their root element.
            let head = String(decoding: bytes.prefix(512), as: UTF8.self)
            return head.contains("<feed") ? "application/atom+xml; charset=utf-8" : "application/xml; charset=utf-8"
        case "atom": return "application/atom+xml; charset=utf-8"
        case "rss": return "application/rss+xml; charset=utf-8"
        case "svg": return "image/svg+xml; charset=utf-8"
        case "txt", "md", "yml", "yaml":
            // Downloads are copied verbatim: only claim UTF-8 when the bytes are UTF-8.
            return String(validating: bytes, as: UTF8.self) != nil ? "text/plain; charset=utf-8" : "text/plain"
        case "pdf": return "application/pdf"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "woff": return "font/woff"
        case "woff2": return "font/woff2"
        case "zip": return "application/zip"
        case "xlsx": return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "xls": return "application/vnd.ms-excel"
        case "doc": return "application/msword"
        default: return "application/octet-stream"
        }
    }
}
