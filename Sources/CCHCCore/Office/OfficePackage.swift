import Foundation
import ZIPFoundation

/// Why a Word or Excel file (an Office Open XML package: a ZIP of XML parts) could not be read.
///
/// Every case says what is wrong in words a clerk can act on; the caller adds the file's name.
public enum OfficeFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is empty.
    case empty
    /// The file is larger than a real document of its kind ever is.
    case tooLarge(bytes: Int, limit: Int)
    /// The file is a Compound File (an old `.doc`/`.xls`, or a password-protected Office file).
    case compoundFile
    /// The file is not a ZIP archive at all.
    case notZip
    /// The ZIP archive is damaged.
    case corrupt(String)
    /// An entry's name leaves the package (`../`, an absolute path, a drive letter) or is a link.
    case unsafeEntry(String)
    /// The archive holds more entries than any document has.
    case tooManyEntries(count: Int, limit: Int)
    /// A part inflates past the limit: a ZIP bomb, or a document far larger than any plan or form.
    case inflatesTooMuch(part: String, limit: Int)
    /// A part the format requires is missing.
    case missingPart(String)
    /// A part is not well-formed XML, or uses what Office files never contain (a DTD, entities).
    case badXML(part: String, reason: String)

    public var description: String {
        switch self {
        case .empty:
            return "the file is empty"
        case .tooLarge(let bytes, let limit):
            return "the file is \(bytes / 1_048_576) MB; documents of this kind are far smaller, so files over \(limit / 1_048_576) MB are refused"
        case .compoundFile:
            return
                "the file is password-protected or in the old Office 97-2003 format (.doc/.xls); open it in Word or Excel, remove the password and save it as .docx or .xlsx"
        case .notZip:
            return "the file is not a Word (.docx) or Excel (.xlsx) document; open it in Word or Excel and save it again in that format"
        case .corrupt(let reason):
            return "the file is damaged (\(reason)); open it in Word or Excel, save it again and retry"
        case .unsafeEntry(let name):
            return
                "the file holds a part named `\(TerminalText.visible(name))` that points outside the document or is a link; a real Office file never does, so it is refused"
        case .tooManyEntries(let count, let limit):
            return "the file holds \(count) parts; real documents hold far fewer, so more than \(limit) are refused"
        case .inflatesTooMuch(let part, let limit):
            return "the part `\(TerminalText.visible(part))` unpacks to more than \(limit / 1_048_576) MB (a ZIP bomb, or not a real document); it is refused"
        case .missingPart(let part):
            return "the file has no `\(part)` part, so it is not a Word/Excel document of the expected kind"
        case .badXML(let part, let reason):
            return "the part `\(TerminalText.visible(part))` is not valid Office XML: \(reason)"
        }
    }
}

/// A read-only Office Open XML package (`.docx`, `.xlsx`) opened with every limit a hostile file
/// could abuse checked before anything is trusted.
///
/// The whole file is held in memory (documents are kilobytes; the limit is ``Limits/fileBytes``).
/// Parts are inflated on request through a counting consumer, so a part that lies about its size
/// in the ZIP headers is still stopped at ``Limits/partBytes``, and the total inflated across the
/// package is capped by ``Limits/totalBytes``.
public final class OfficePackage {
    /// The limits a package is read under. Real plans and forms are a few hundred kilobytes.
    public struct Limits: Sendable {
        /// The largest file accepted.
        public var fileBytes = 64 * 1_048_576
        /// The most entries the ZIP may hold.
        public var entries = 5_000
        /// The most bytes one part may inflate to.
        public var partBytes = 64 * 1_048_576
        /// The most bytes all parts read may inflate to together.
        public var totalBytes = 256 * 1_048_576

        /// The default limits.
        public init() {}
    }

    private let archive: Archive
    private let entries: [String: Entry]
    private let limits: Limits
    private var inflated = 0

    /// The names of the parts, in the archive's order.
    public let partNames: [String]

    /// Opens a package from its bytes, checking the container before any part is read.
    public init(data: Data, limits: Limits = Limits()) throws(OfficeFileError) {
        self.limits = limits
        guard !data.isEmpty else { throw .empty }
        guard data.count <= limits.fileBytes else { throw .tooLarge(bytes: data.count, limit: limits.fileBytes) }
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { throw .compoundFile }
        guard data.starts(with: [0x50, 0x4B]) else { throw .notZip }
        // ZIPFoundation's in-memory archive crashes when an entry points past the end of the data
        // (its read callback makes a negative range; found by fuzzing), so the bytes are read
        // through a private file instead, where such a read simply comes up short. The file is
        // unlinked at once: the open handle keeps it readable and nothing is left behind.
        let archive: Archive
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-office-\(UUID().uuidString)")
        do {
            try data.write(to: scratch, options: .withoutOverwriting)
            defer { try? FileManager.default.removeItem(at: scratch) }
            archive = try Archive(url: scratch, accessMode: .read)
        } catch {
            throw .corrupt("its table of contents cannot be read")
        }
        var names: [String] = []
        var entries: [String: Entry] = [:]
        for entry in archive {
            if names.count == limits.entries { throw .tooManyEntries(count: names.count + 1, limit: limits.entries) }
            let name = entry.path
            guard entry.type != .symlink, Self.isSafe(name) else { throw .unsafeEntry(name) }
            guard entry.type == .file else { continue }
            if entry.uncompressedSize > UInt64(limits.partBytes) {
                throw .inflatesTooMuch(part: name, limit: limits.partBytes)
            }
            names.append(name)
            entries[name] = entry
        }
        self.archive = archive
        self.entries = entries
        self.partNames = names
    }

    /// Reads and checks a package from a file.
    public convenience init(contentsOf url: URL, limits: Limits = Limits()) throws(OfficeFileError) {
        let size = (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
        if size > limits.fileBytes { throw .tooLarge(bytes: size, limit: limits.fileBytes) }
        guard let data = try? Data(contentsOf: url) else { throw .corrupt("it cannot be read") }
        try self.init(data: data, limits: limits)
    }

    /// Whether the package has a part of this name.
    public func contains(_ name: String) -> Bool { entries[name] != nil }

    /// The bytes of a part, or nil when there is no such part.
    public func data(of name: String) throws(OfficeFileError) -> Data? {
        guard let entry = entries[name] else { return nil }
        var out = Data()
        let partLimit = limits.partBytes
        let totalLeft = limits.totalBytes - inflated
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                if out.count + chunk.count > min(partLimit, totalLeft) { throw InflateLimit() }
                out.append(chunk)
            }
        } catch is InflateLimit {
            throw .inflatesTooMuch(part: name, limit: min(partLimit, max(totalLeft, 0)))
        } catch {
            throw .corrupt("the part `\(TerminalText.visible(name))` cannot be unpacked: it is damaged or password-protected")
        }
        inflated += out.count
        return out
    }

    /// A part parsed as XML, or nil when there is no such part.
    public func xml(_ name: String) throws(OfficeFileError) -> XMLTree.Element? {
        guard let bytes = try data(of: name) else { return nil }
        do {
            return try XMLTree.parse(bytes)
        } catch {
            throw .badXML(part: name, reason: error.reason)
        }
    }

    /// A required part parsed as XML.
    public func requiredXML(_ name: String) throws(OfficeFileError) -> XMLTree.Element {
        guard let root = try xml(name) else { throw .missingPart(name) }
        return root
    }

    /// Resolves a relationship target (`media/image1.png`, `/xl/worksheets/sheet1.xml`,
    /// `../x.xml`) against the folder of the part that names it, as OPC says.
    public static func resolve(_ target: String, from part: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var folder = part.split(separator: "/").dropLast().map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { if !folder.isEmpty { folder.removeLast() } } else if piece != "." { folder.append(String(piece)) }
        }
        return folder.joined(separator: "/")
    }

    /// Whether a ZIP entry name stays inside the package: relative, no `..`, no backslashes or
    /// drive letters, no control characters.
    static func isSafe(_ name: String) -> Bool {
        if name.isEmpty || name.hasPrefix("/") || name.contains("\\") { return false }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return false }
        let pieces = name.split(separator: "/", omittingEmptySubsequences: false)
        if pieces.contains(where: { $0 == ".." }) { return false }
        if let first = pieces.first, first.count == 2, first.hasSuffix(":") { return false }
        return true
    }

    private struct InflateLimit: Error {}
}

/// Text from a hostile file made safe to print on a terminal: control characters are shown as
/// `\u{…}` escapes instead of being sent raw (they could move the cursor or retitle the window).
public enum TerminalText {
    /// The text with every control character escaped.
    public static func visible(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
