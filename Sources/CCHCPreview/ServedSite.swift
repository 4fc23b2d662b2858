import CCHCCore
import Foundation
import Hummingbird
import Synchronization

/// One file as the preview serves it: final bytes (script or overlay already injected), type and tag.
struct ServedFile: Sendable {
    var body: ByteBuffer
    var contentType: String
    var etag: String
}

/// One good build: every path known, the pages, downloads, feed and sitemap still unrendered,
/// the files copied from `content/files/` already read (so a download that cannot be read fails
/// the rebuild rather than a request).
struct BuiltSite: Sendable {
    /// A file's bytes before injection, with their hash.
    struct File: Sendable {
        var bytes: [UInt8]
        var hash: UInt64
    }

    /// The site's files, rendered on demand.
    var output: SiteOutput
    /// The copied files, read.
    var copies: [String: File]
    /// The number of HTML pages.
    var pages: Int
    /// The number of files.
    var files: Int

    /// Reads the copied files of `output` through `cache`, so an unchanged download is not read
    /// again on each rebuild.
    init(_ output: SiteOutput, cache: CopyCache) throws {
        var copies: [String: File] = [:]
        for (path, url) in output.copies {
            let (bytes, hash) = try cache.read(url)
            copies[path] = File(bytes: bytes, hash: hash)
        }
        let paths = output.paths
        self.output = output
        self.copies = copies
        pages = paths.filter(ContentTypes.isHTML).count
        files = paths.count
    }

    /// The bytes of the file at `path`, rendered now; nil when the site has none.
    func render(_ path: String) -> File? {
        if let copy = copies[path] { return copy }
        switch output.contents(of: path) {
        case .bytes(let bytes)?: return File(bytes: bytes, hash: ETag.hash(bytes))
        case .copy?, nil: return nil
        }
    }

    /// Whether the site has a file at `path`.
    func contains(_ path: String) -> Bool { output.contains(path) }

    /// Whether `path` ("" for the root) is a folder with an `index.html`.
    func isFolder(_ path: String) -> Bool {
        output.contains(path.isEmpty ? "index.html" : path + "/index.html")
    }
}

/// What every request reads: the last good build with the preview's additions, for one state
/// (a rebuild, a failure, a recovery).
///
/// A file is rendered and injected the first time it is asked for in this state, then kept, so a
/// rebuild renders nothing up front and a second request for a page is one dictionary look-up.
struct ServedSite: Sendable {
    /// The last good build; nil before the first one.
    let built: BuiltSite?
    /// The site's `404.html`, or a plain page when the site has none (or no good build yet).
    let notFound: ServedFile
    /// True until the first good build: every URL then answers 503 with the diagnostics.
    var hasGoodBuild: Bool { built != nil }
    private let snippet: [UInt8]
    private let variant: UInt64
    private let cache = ServedFiles()

    static let notFoundPath = SitePaths.notFound

    /// Applies the preview additions to a good build; `diagnostics` non-empty means the latest rebuild failed.
    init(built: BuiltSite?, diagnostics: [String]) {
        let snippet = Injection.snippet(diagnostics: diagnostics)
        let variant = Injection.variantTag(snippet)
        self.built = built
        self.snippet = snippet
        self.variant = variant
        if let built, let page = built.render(Self.notFoundPath) {
            notFound = Self.serve(page, path: Self.notFoundPath, snippet: snippet, variant: variant)
        } else {
            let title = built == nil ? "cchc serve: the site does not build yet" : "Not found"
            let bytes = Array("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>\(title)</title></head><body><h1>\(title)</h1></body></html>\n".utf8)
            let body = Injection.inject(snippet, into: bytes)
            notFound = ServedFile(
                body: ByteBuffer(bytes: body), contentType: ContentTypes.html,
                etag: ETag.make(ETag.hash(body), variant: variant))
        }
    }

    /// Whether `path` ("" for the root) is a folder with an `index.html`.
    func isFolder(_ path: String) -> Bool { built?.isFolder(path) ?? false }

    /// How many files this state has rendered so far.
    var renderedCount: Int { cache.count }

    /// The file at `path` as served; nil when the site has none. A file not rendered yet in this
    /// state is rendered off the server's threads, so other requests go on meanwhile.
    func file(_ path: String) async -> ServedFile? {
        guard let built, built.contains(path) else { return nil }
        if let ready = cache.ready(path) { return ready }
        return await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: self.fileNow(path))
            }
        }
    }

    /// The file at `path` as served, rendered on this thread if need be; nil when the site has none.
    func fileNow(_ path: String) -> ServedFile? {
        guard let built, built.contains(path) else { return nil }
        let snippet = self.snippet, variant = self.variant
        return cache.value(path) {
            built.render(path).map { Self.serve($0, path: path, snippet: snippet, variant: variant) }
        }
    }

    /// A rendered file with its content type and ETag, the snippet injected into HTML.
    private static func serve(_ file: BuiltSite.File, path: String, snippet: [UInt8], variant: UInt64) -> ServedFile {
        let type = ContentTypes.type(for: path, bytes: file.bytes)
        if ContentTypes.isHTML(path) {
            return ServedFile(
                body: ByteBuffer(bytes: Injection.inject(snippet, into: file.bytes)), contentType: type,
                etag: ETag.make(file.hash, variant: variant))
        }
        return ServedFile(body: ByteBuffer(bytes: file.bytes), contentType: type, etag: ETag.make(file.hash, variant: 0))
    }
}

/// The files of one served state, each made once: the first request for a path makes it, requests
/// for the same path meanwhile wait for that one, later ones find it made. A file is made outside
/// the lock, inside its own `Once`.
final class ServedFiles: Sendable {
    private struct State {
        var made: [String: ServedFile] = [:]
        var making: [String: Once<ServedFile?>] = [:]
    }

    private let state = Mutex(State())

    /// The number of files made.
    var count: Int { state.withLock { $0.made.count } }

    /// The file at `path` when it is made already.
    func ready(_ path: String) -> ServedFile? { state.withLock { $0.made[path] } }

    /// The file at `path`, made by `make` unless it is made already or being made.
    func value(_ path: String, make: @escaping @Sendable () -> ServedFile?) -> ServedFile? {
        let found: (file: ServedFile?, once: Once<ServedFile?>?) = state.withLock { state in
            if let file = state.made[path] { return (file, nil) }
            if let pending = state.making[path] { return (nil, pending) }
            let once = Once(make)
            state.making[path] = once
            return (nil, once)
        }
        guard let once = found.once else { return found.file }
        let file = once.get()
        state.withLock { state in
            if let file { state.made[path] = file }
            state.making[path] = nil
        }
        return file
    }
}

/// Reads files copied verbatim into the site, keyed by path, size, modification time and inode.
final class CopyCache: Sendable {
    private struct Key: Hashable {
        var path: String
        var stamp: FileStamp
    }

    private let entries = Mutex<[String: (Key, [UInt8], UInt64)]>([:])

    func read(_ url: URL) throws -> ([UInt8], UInt64) {
        let path = url.path
        let stamp = FileStamp.of(path)
        if let stamp, let entry = entries.withLock({ $0[path] }), entry.0 == Key(path: path, stamp: stamp) {
            return (entry.1, entry.2)
        }
        let bytes = Array(try Data(contentsOf: url))
        let hash = ETag.hash(bytes)
        if let stamp { entries.withLock { $0[path] = (Key(path: path, stamp: stamp), bytes, hash) } }
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
