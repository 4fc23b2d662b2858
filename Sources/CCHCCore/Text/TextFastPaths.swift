import Foundation

/// NFC normalisation that skips Foundation when the text is already in NFC.
///
/// A national site has tens of thousands of files, nearly all written in precomposed Vietnamese;
/// asking Foundation to normalise each one was a tenth of loading. Text made only of scalars that
/// are "NFC_Quick_Check = Yes" with canonical combining class 0 is in NFC as it is.
enum NFC {
    /// `text` in NFC.
    static func normalize(_ text: String) -> String {
        isKnownNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// True when every scalar is in a block known to be NFC-stable: ASCII, Latin-1, Latin
    /// Extended-A/B, IPA, spacing modifiers, Latin Extended Additional (precomposed Vietnamese),
    /// most general punctuation and the currency signs. Anything else takes the slow path.
    static func isKnownNFC(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(isKnownStable)
    }

    /// Whether `scalar` is in one of the blocks ``isKnownNFC(_:)`` accepts.
    @inline(__always)
    static func isKnownStable(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x300 || (0x1E00...0x1EFF).contains(v) || (0x2002...0x206F).contains(v) || (0x20A0...0x20C0).contains(v)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (Foundation's `.whitespaces`).
    var trimmingSpaces: String { trimmed(newlines: false) }

    /// The text without leading and trailing spaces, tabs and line breaks (`.whitespacesAndNewlines`).
    var trimmingSpacesAndNewlines: String { trimmed(newlines: true) }

    private func trimmed(newlines: Bool) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, Self.isSpace(scalars[start], newlines: newlines) { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard Self.isSpace(scalars[before], newlines: newlines) else { break }
            end = before
        }
        if start == scalars.startIndex && end == scalars.endIndex { return String(self) }
        return String(self[start..<end])
    }

    /// Foundation's character sets: Unicode space separators and tab, plus line breaks when asked.
    private static func isSpace(_ scalar: Unicode.Scalar, newlines: Bool) -> Bool {
        switch scalar.value {
        case 0x20, 0x09: return true
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return newlines
        case 0...0x9F: return false
        default: return scalar.properties.generalCategory == .spaceSeparator
        }
    }
}

extension String {
    /// Whether the UTF-8 bytes of the text sort before those of `other`: the order of file paths in
    /// listings and downloads. The same as `utf8.lexicographicallyPrecedes(other.utf8)`, compared
    /// with `memcmp` (sorting 50,000 paths byte by byte was a visible part of listing a site).
    func utf8Precedes(_ other: String) -> Bool {
        let fast = utf8.withContiguousStorageIfAvailable { a in
            other.utf8.withContiguousStorageIfAvailable { b -> Bool in
                let common = Swift.min(a.count, b.count)
                if common > 0 {
                    let order = memcmp(a.baseAddress!, b.baseAddress!, common)
                    if order != 0 { return order < 0 }
                }
                return a.count < b.count
            }
        }
        return (fast ?? nil) ?? utf8.lexicographicallyPrecedes(other.utf8)
    }
}

extension String {
    /// Whether the UTF-8 bytes of `needle` occur in the text: a plain byte search with `memchr` and
    /// `memcmp` (the standard library's generic one was a visible part of rendering plan pages).
    func containsBytes(_ needle: String) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { haystack in
            needle.utf8.withContiguousStorageIfAvailable { needle -> Bool in
                guard !needle.isEmpty else { return true }
                guard haystack.count >= needle.count else { return false }
                let base = haystack.baseAddress!, first = Int32(needle[0])
                var start = 0
                let last = haystack.count - needle.count
                while start <= last, let hit = memchr(base + start, first, last - start + 1) {
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + at, needle.baseAddress!, needle.count) == 0 { return true }
                    start = at + 1
                }
                return false
            }
        }
        return (found ?? nil) ?? (utf8.firstRange(of: needle.utf8) != nil)
    }
}
