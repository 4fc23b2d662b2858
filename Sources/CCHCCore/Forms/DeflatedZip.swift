import Foundation
import ZIPFoundation

/// A ZIP archive whose entries are deflated (zlib, through ZIPFoundation's raw-deflate encoder),
/// for `.xlsx` forms: a 500-row form is a tenth of its stored size, which matters when forms go
/// out by e-mail to thousands of agencies.
///
/// Deterministic like ``ZipWriter`` (whose stored archives the release archives keep using): one
/// timestamp, fixed permissions, UTF-8 names, no extra fields, entries in the given order. zlib's
/// output is the same for the same bytes and level, so the same form is the same file (a different
/// zlib release could in principle pack the same bytes differently).
enum DeflatedZip {
    static func archive(_ entries: [ArchiveEntry], date: Day) throws -> [UInt8] {
        let (dosTime, dosDate) = ZipWriter.dosStamp(date)
        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let name = Array(entry.path.utf8)
            let packed = try deflate(entry.bytes)
            guard out.count + packed.count + name.count + 30 < 0xFFFF_FFFF, entry.bytes.count < 0xFFFF_FFFF else {
                throw ArchiveError(description: "\(entry.path): too large for a form")
            }
            let crc = CRC32.checksum(entry.bytes)
            let offset = UInt32(out.count)
            func header(_ bytes: inout [UInt8]) {
                bytes.appendLE16(20)          // version needed: 2.0
                bytes.appendLE16(0x0800)      // flags: names are UTF-8
                bytes.appendLE16(8)           // method: deflate
                bytes.appendLE16(dosTime)
                bytes.appendLE16(dosDate)
                bytes.appendLE32(crc)
                bytes.appendLE32(UInt32(packed.count))
                bytes.appendLE32(UInt32(entry.bytes.count))
                bytes.appendLE16(name.count)
                bytes.appendLE16(0)           // extra field length
            }
            out.appendLE32(0x0403_4b50)
            header(&out)
            out.append(contentsOf: name)
            out.append(contentsOf: packed)
            central.appendLE32(0x0201_4b50)
            central.appendLE16(3 << 8 | 20)   // made by: Unix, 2.0
            header(&central)
            central.appendLE16(0)             // comment
            central.appendLE16(0)             // disk number
            central.appendLE16(0)             // internal attributes
            central.appendLE32(UInt32(0o100644) << 16)
            central.appendLE32(offset)
            central.append(contentsOf: name)
        }
        let centralOffset = UInt32(out.count)
        out.append(contentsOf: central)
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
        _ = try Data.compress(size: Int64(data.count), bufferSize: 64 * 1024, provider: { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }, consumer: { chunk in
            out.append(chunk)
        })
        return [UInt8](out)
    }
}
