// The escapers of everything cchc writes from content: HTML for pages, XML for the feed, the
// sitemap and Office documents. One file, so a change to what is escaped is made in one place.

/// HTML escaping for templates that scans bytes and returns text without special characters as it is.
///
/// Escapes the same five characters as Mustache implementations do (`&`, `<`, `>`, `"`, `'`).
public enum FastHTML {
    private static let amp = Array("&amp;".utf8), lt = Array("&lt;".utf8), gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8), apos = Array("&#39;".utf8)

    /// The bytes `&`, `<`, `>`, `"` and `'`, as bits of a mask (all are below 64).
    private static let special: UInt64 = 1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x22 | 1 << 0x27

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool { byte < 64 && special >> byte & 1 != 0 }

    /// Escapes `&`, `<`, `>`, `"` and `'` (for element content and attribute values).
    public static func escape(_ text: String) -> String {
        let needed = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where needsEscape(byte) { return true }
            return false
        }
        guard needed ?? text.utf8.contains(where: needsEscape) else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 16)
        escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` to `out`, escaped.
    static func escape(_ text: String, into out: inout [UInt8]) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { escape($0, into: &out) }
        if done == nil { escape(Array(text.utf8), into: &out) }
    }

    /// Appends the UTF-8 `bytes` to `out`, escaped: runs without special characters are copied whole.
    static func escape(_ bytes: [UInt8], into out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { escape($0, into: &out) }
    }

    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var start = 0
        for i in 0..<bytes.count where needsEscape(bytes[i]) {
            if start < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i])) }
            switch bytes[i] {
            case 0x26: out.append(contentsOf: amp)
            case 0x3C: out.append(contentsOf: lt)
            case 0x3E: out.append(contentsOf: gt)
            case 0x22: out.append(contentsOf: quot)
            default: out.append(contentsOf: apos)
            }
            start = i + 1
        }
        if start < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
    }
}

/// Escaping for XML 1.0: the feed, the sitemap, and the parts of the Office documents cchc writes.
enum XML {
    /// Text content: `&`, `<`, `>`, `"` and `'` escaped, a carriage return kept as `&#13;`, and the
    /// characters XML 1.0 forbids (other controls, U+FFFE, U+FFFF) dropped.
    static func escape(_ text: String) -> String {
        // Most text (every URL of the sitemap) has nothing to escape or drop: given back as it is.
        let needsWork = text.utf8.contains { byte in
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): return true
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"): return false
            // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
            case 0xEF: return true
            default: return byte < 0x20
            }
        }
        guard needsWork else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\r": out += "&#13;"
            default:
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" { continue }
                if scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// An attribute value: as ``escape(_:)``, and line ends and tabs as references, which an XML
    /// reader would otherwise turn into spaces.
    static func attribute(_ text: String) -> String {
        let escaped = escape(text)
        guard escaped.utf8.contains(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\t") }) else { return escaped }
        return escaped.replacingOccurrences(of: "\n", with: "&#10;").replacingOccurrences(of: "\t", with: "&#9;")
    }
}
