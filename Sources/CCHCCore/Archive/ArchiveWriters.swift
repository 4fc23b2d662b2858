import Foundation
import ZIPFoundation

/// One entry of an archive: a folder (path ending without `/`) or a file with its bytes.
public struct ArchiveEntry: Sendable, Hashable {
    /// The path inside the archive, `/`-separated, no leading `/`.
    public var path: String
    /// Whether the entry is a folder.
    public var isDirectory: Bool
    /// The file's bytes; empty for a folder.
    public var bytes: [UInt8]

    /// A file entry.
    public static func file(_ path: String, _ bytes: [UInt8]) -> ArchiveEntry {
        ArchiveEntry(path: path, isDirectory: false, bytes: bytes)
    }

    /// A folder entry.
    public static func directory(_ path: String) -> ArchiveEntry {
        ArchiveEntry(path: path, isDirectory: true, bytes: [])
    }
}

/// Errors of writing an archive.
public struct ArchiveError: Error, CustomStringConvertible {
    /// What went wrong and what to do.
    public let description: String
}

/// Little-endian and big-endian appends.
extension Array where Element == UInt8 {
    mutating func appendLE16(_ value: Int) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func appendLE32(_ value: UInt32) {
        for shift in [0, 8, 16, 24] { append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }
}

/// A ZIP archive with every entry "stored" (no compression), byte for byte the same for the same input.
///
/// Every entry gets the same timestamp, Unix permissions 0644 (files) or 0755 (folders), UTF-8
/// names (flag bit 11) and no extra fields, so nothing of the host or the clock gets in.
public enum ZipWriter {
    /// How file entries are packed.
    public enum Method: Sendable {
        /// As they are (the release archives).
        case stored
        /// Raw deflate through ZIPFoundation's zlib encoder (`.xlsx` forms, which go out by
        /// e-mail). zlib gives the same output for the same bytes and level, so the archive stays
        /// deterministic for a given zlib.
        case deflated
    }

    /// The archive of `entries`, in the given order, all stamped `date` at 00:00.
    public static func archive(_ entries: [ArchiveEntry], date: Day, method: Method = .stored) throws -> [UInt8] {
        guard entries.count < 0xFFFF else { throw ArchiveError(description: "too many files for a ZIP archive (\(entries.count)); use .tar.gz") }
        let (dosTime, dosDate) = dosStamp(date)
        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let name = Array((entry.isDirectory ? entry.path + "/" : entry.path).utf8)
            guard name.count <= 0xFFFF else { throw ArchiveError(description: "\(entry.path): the path is too long for a ZIP archive") }
            guard entry.bytes.count < 0xFFFF_FFFF, out.count + entry.bytes.count + name.count + 30 < 0xFFFF_FFFF else {
                throw ArchiveError(description: "\(entry.path): the archive would exceed 4 GiB, the limit of a plain ZIP; use .tar.gz")
            }
            let crc = CRC32.checksum(entry.bytes)
            let offset = UInt32(out.count)
            let size = UInt32(entry.bytes.count)
            let deflate = method == .deflated && !entry.isDirectory
            let packed = deflate ? try Self.deflate(entry.bytes) : entry.bytes
            let packedSize = UInt32(packed.count)
            // Local file header.
            out.appendLE32(0x0403_4b50)
            out.appendLE16(20) // version needed: 2.0
            out.appendLE16(0x0800) // flags: names are UTF-8
            out.appendLE16(deflate ? 8 : 0) // method: deflated or stored
            out.appendLE16(dosTime)
            out.appendLE16(dosDate)
            out.appendLE32(crc)
            out.appendLE32(packedSize) // compressed size
            out.appendLE32(size) // uncompressed size
            out.appendLE16(name.count)
            out.appendLE16(0) // extra field length
            out.append(contentsOf: name)
            out.append(contentsOf: packed)
            // Central directory record.
            let mode: UInt32 = entry.isDirectory ? 0o040755 : 0o100644
            central.appendLE32(0x0201_4b50)
            central.appendLE16(3 << 8 | 20) // made by: Unix, 2.0
            central.appendLE16(20)
            central.appendLE16(0x0800)
            central.appendLE16(deflate ? 8 : 0)
            central.appendLE16(dosTime)
            central.appendLE16(dosDate)
            central.appendLE32(crc)
            central.appendLE32(packedSize)
            central.appendLE32(size)
            central.appendLE16(name.count)
            central.appendLE16(0) // extra
            central.appendLE16(0) // comment
            central.appendLE16(0) // disk number
            central.appendLE16(0) // internal attributes
            central.appendLE32(mode << 16 | (entry.isDirectory ? 0x10 : 0))
            central.appendLE32(offset)
            central.append(contentsOf: name)
        }
        guard out.count + central.count < 0xFFFF_FFFF else {
            throw ArchiveError(description: "the archive would exceed 4 GiB, the limit of a plain ZIP; use .tar.gz")
        }
        let centralOffset = UInt32(out.count)
        out.append(contentsOf: central)
        // End of central directory.
        out.appendLE32(0x0605_4b50)
        out.appendLE16(0)
        out.appendLE16(0)
        out.appendLE16(entries.count)
        out.appendLE16(entries.count)
        out.appendLE32(UInt32(central.count))
        out.appendLE32(centralOffset)
        out.appendLE16(0)
        return out
    }

    /// Raw deflate (no zlib header), as ZIP's method 8 stores it.
    static func deflate(_ bytes: [UInt8]) throws -> [UInt8] {
        let data = Data(bytes)
        var out = Data()
        _ = try Data.compress(
            size: Int64(data.count), bufferSize: 64 * 1024,
            provider: { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            },
            consumer: { chunk in
                out.append(chunk)
            })
        return [UInt8](out)
    }

    /// The MS-DOS time and date of `day` at 00:00 (days before 1980 become 1980-01-01).
    static func dosStamp(_ day: Day) -> (time: Int, date: Int) {
        guard day.year >= 1980 else { return (0, 1 << 5 | 1) }
        return (0, (min(day.year, 2107) - 1980) << 9 | day.month << 5 | day.day)
    }
}

/// A POSIX (ustar) tar stream, PAX headers for long paths, then gzip with "stored" deflate blocks.
///
/// Owner 0:0 with empty owner names, permissions 0644/0755 and one timestamp for every entry.
public enum TarGzWriter {
    /// The `.tar.gz` of `entries` in the given order, every entry dated `date` 00:00 UTC.
    public static func archive(_ entries: [ArchiveEntry], date: Day) throws -> [UInt8] {
        let mtime = unixTime(date)
        return Gzip.stored(try tar(entries, mtime: mtime), mtime: UInt32(clamping: mtime))
    }

    /// Seconds from 1970-01-01 to `day` 00:00 UTC (0 for earlier days).
    static func unixTime(_ day: Day) -> Int {
        max(0, (day.ordinal - Day(year: 1970, month: 1, day: 1)!.ordinal) * 86_400)
    }

    /// The uncompressed tar stream.
    static func tar(_ entries: [ArchiveEntry], mtime: Int) throws -> [UInt8] {
        var out: [UInt8] = []
        for entry in entries {
            let path = entry.isDirectory ? entry.path + "/" : entry.path
            let split = splitUstar(Array(path.utf8))
            if split == nil {
                // A PAX extended header carries the full path; the ustar name is a shortened stand-in.
                let record = paxRecord("path", path)
                out.append(
                    contentsOf: header(
                        name: Array("PaxHeaders/\(String(path.suffix(60)))".utf8.prefix(99)), prefix: [],
                        size: record.count, mode: 0o644, type: UInt8(ascii: "x"), mtime: mtime))
                out.append(contentsOf: padded(record))
            }
            let (name, prefix) = split ?? (Array(path.utf8.suffix(99)), [])
            out.append(
                contentsOf: header(
                    name: name, prefix: prefix, size: entry.bytes.count,
                    mode: entry.isDirectory ? 0o755 : 0o644,
                    type: entry.isDirectory ? UInt8(ascii: "5") : UInt8(ascii: "0"), mtime: mtime))
            out.append(contentsOf: padded(entry.bytes))
        }
        out.append(contentsOf: [UInt8](repeating: 0, count: 1024))
        return out
    }

    /// `bytes` padded with zeros to a multiple of 512.
    static func padded(_ bytes: [UInt8]) -> [UInt8] {
        let rest = bytes.count % 512
        return rest == 0 ? bytes : bytes + [UInt8](repeating: 0, count: 512 - rest)
    }

    /// Splits a path into ustar's name (≤ 100 bytes) and prefix (≤ 155 bytes) at a `/`; nil when it cannot.
    static func splitUstar(_ path: [UInt8]) -> (name: [UInt8], prefix: [UInt8])? {
        if path.count <= 100 { return (path, []) }
        // The name is what follows the prefix's closing `/`; a folder's trailing `/` stays with the name.
        for cut in stride(from: min(path.count - 2, 155), through: 1, by: -1) where path[cut] == UInt8(ascii: "/") {
            let prefix = Array(path[..<cut]), name = Array(path[(cut + 1)...])
            if name.count <= 100 && !name.isEmpty { return (name, prefix) }
            break
        }
        return nil
    }

    /// One PAX record: `<length> <key>=<value>\n`, the length counting itself.
    static func paxRecord(_ key: String, _ value: String) -> [UInt8] {
        let body = " \(key)=\(value)\n"
        var length = body.utf8.count + 1
        while String(length).utf8.count + body.utf8.count != length { length += 1 }
        return Array((String(length) + body).utf8)
    }

    /// One 512-byte ustar header.
    static func header(name: [UInt8], prefix: [UInt8], size: Int, mode: Int, type: UInt8, mtime: Int) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: 512)
        func put(_ bytes: [UInt8], at offset: Int, width: Int) {
            for (i, byte) in bytes.prefix(width).enumerated() { block[offset + i] = byte }
        }
        func octal(_ value: Int, at offset: Int, width: Int) {
            // width - 1 octal digits, zero-padded, then NUL.
            var digits = String(value, radix: 8)
            digits = String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits
            put(Array(digits.utf8), at: offset, width: width - 1)
        }
        put(name, at: 0, width: 100)
        octal(mode, at: 100, width: 8)
        octal(0, at: 108, width: 8) // uid
        octal(0, at: 116, width: 8) // gid
        octal(size, at: 124, width: 12)
        octal(mtime, at: 136, width: 12)
        for i in 148..<156 { block[i] = 0x20 } // checksum field counts as spaces
        block[156] = type
        put(Array("ustar".utf8), at: 257, width: 6) // magic "ustar\0"
        put(Array("00".utf8), at: 263, width: 2) // version
        // uname, gname left empty; devmajor, devminor zero.
        octal(0, at: 329, width: 8)
        octal(0, at: 337, width: 8)
        put(prefix, at: 345, width: 155)
        let sum = block.reduce(0) { $0 + Int($1) }
        var digits = String(sum, radix: 8)
        digits = String(repeating: "0", count: max(0, 6 - digits.count)) + digits
        put(Array(digits.utf8), at: 148, width: 6)
        block[154] = 0
        block[155] = 0x20
        return block
    }
}

/// gzip (RFC 1952) around deflate (RFC 1951) "stored" blocks: valid gzip, no compression.
public enum Gzip {
    /// The gzip member holding `bytes`, with the header's time set to `mtime` and no file name.
    public static func stored(_ bytes: [UInt8], mtime: UInt32) -> [UInt8] {
        var out: [UInt8] = [0x1f, 0x8b, 8, 0]
        out.appendLE32(mtime)
        out.append(0) // extra flags
        out.append(255) // operating system: unknown
        var start = 0
        repeat {
            let count = min(65_535, bytes.count - start)
            let final = start + count == bytes.count
            out.append(final ? 1 : 0) // BFINAL, BTYPE 00, padding to the byte boundary
            out.appendLE16(count)
            out.appendLE16(~count & 0xFFFF)
            out.append(contentsOf: bytes[start..<(start + count)])
            start += count
        } while start < bytes.count
        out.appendLE32(CRC32.checksum(bytes))
        out.appendLE32(UInt32(truncatingIfNeeded: bytes.count))
        return out
    }
}
