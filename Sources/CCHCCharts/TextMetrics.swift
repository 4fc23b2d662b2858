import Foundation

/// Rough text widths for a proportional sans-serif page font, and wrapping with "…".
///
/// The page's CSS picks the font, so widths are estimates on the generous side (Noto Sans, DejaVu Sans and
/// Liberation Sans all fit within them for Vietnamese text).
enum TextMetrics {
    /// The estimated width of `text` at `fontSize`, in the same units.
    static func width(_ text: String, fontSize: Double) -> Double {
        measure(text).em * fontSize
    }

    /// The em width of `text` (the advances of its scalars added in order, as `width` needs them) and whether it is
    /// single-spaced, found in one pass over its UTF-8 bytes: a chart measures every label, most of them twice.
    ///
    /// Single-spaced text is words separated by single spaces, with no tab, line break, or space at either end, so
    /// that splitting it into words and joining them again gives it back. Most labels are such text and fit on one
    /// line; for them `wrap` skips splitting, as the greedy fill would put every word on the first line: the widths
    /// it adds up word by word end in exactly the width of the whole.
    static func measure(_ text: String) -> (em: Double, singleSpaced: Bool) {
        var text = text
        return text.withUTF8 { bytes in
            var em = 0.0
            var singleSpaced = true
            var previous = UInt8(ascii: " ")
            var i = 0
            while i < bytes.count {
                let lead = bytes[i]
                if lead < 0x80 {
                    if lead == UInt8(ascii: "\n") || lead == UInt8(ascii: "\t") || (lead == UInt8(ascii: " ") && previous == lead) {
                        singleSpaced = false
                    }
                    previous = lead
                    em += asciiAdvances[Int(lead)]
                    i += 1
                    continue
                }
                previous = lead
                // A Swift string's bytes are valid UTF-8: the lead byte tells the length.
                var value: UInt32
                if lead < 0xE0 {
                    value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    i += 2
                } else if lead < 0xF0 {
                    value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    i += 3
                } else {
                    value =
                        UInt32(lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                        | UInt32(bytes[i + 3] & 0x3F)
                    i += 4
                }
                em += advance(Unicode.Scalar(value).unsafelyUnwrapped)
            }
            return (em, singleSpaced && previous != UInt8(ascii: " "))
        }
    }

    /// `advance` of every ASCII scalar, by its value.
    private static let asciiAdvances: [Double] = (0..<128).map { advance(Unicode.Scalar(UInt8($0))) }

    static func advance(_ s: Unicode.Scalar) -> Double {
        let v = s.value
        switch v {
        case 0x20: return 0.28
        case 0x30...0x39: return 0.6
        case 0x300...0x36F: return 0 // combining marks
        case 0x69, 0x6A, 0x6C, 0x2E, 0x2C, 0x3A, 0x3B, 0x21, 0x27, 0x7C, 0x49: return 0.3 // i j l . , : ; ! ' | I
        case 0x66, 0x74, 0x72, 0x28, 0x29, 0x2F, 0x2D: return 0.4 // f t r ( ) / -
        case 0x6D, 0x77: return 0.9 // m w
        case 0x4D, 0x57: return 0.95 // M W
        case 0x41...0x5A: return 0.72
        case 0x61...0x7A: return 0.58
        case 0x25: return 0.9 // %
        case 0x2026: return 0.9 // …
        case 0x25B2, 0x25BC, 0x25CF, 0x25A0, 0x25C6: return 0.8 // ▲ ▼ ● ■ ◆
        default:
            return isUppercase(s) ? 0.72 : 0.6
        }
    }

    /// `properties.isUppercase`, answered without the Unicode tables for the Latin letters
    /// Vietnamese uses (a chart measures every character of every label).
    static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        switch v {
        case 0xC0...0xD6, 0xD8...0xDE: return true
        case 0xDF...0xF6, 0xF8...0xFF: return false
        case 0x100...0x12F, 0x132...0x137, 0x14A...0x177: return v & 1 == 0
        case 0x1A0, 0x1AF: return true
        case 0x1A1, 0x1B0: return false
        case 0x1E00...0x1E95, 0x1EA0...0x1EFF: return v & 1 == 0
        default: return s.properties.isUppercase
        }
    }

    /// Splits `text` into at most `maxLines` lines no wider than `maxWidth`.
    ///
    /// Text that does not fit is cut in the middle, keeping its start and its end, which tell similar names apart:
    /// "Trung tâm Phục vụ hành chính công" / "… huyện Bà Rịa - Vũng Tàu".
    ///
    /// A last line of one lone word takes the word before it along ("… công huyện" / "Lâm Bình", not "… huyện Lâm" /
    /// "Bình"): most Vietnamese words are two syllables, and a syllable alone on a line reads as a fragment.
    static func wrap(_ text: String, maxWidth: Double, fontSize: Double, maxLines: Int) -> (lines: [String], truncated: Bool) {
        let measured = measure(text)
        if measured.singleSpaced && measured.em * fontSize <= maxWidth { return ([text], false) }
        var (lines, truncated) = greedyWrap(text, maxWidth: maxWidth, fontSize: fontSize, maxLines: maxLines)
        guard !truncated, lines.count > 1, !containsSpace(lines[lines.count - 1]) else { return (lines, truncated) }
        var previous = lines[lines.count - 2].split(separator: " ").map(String.init)
        guard previous.count >= 3 else { return (lines, truncated) }
        let moved = previous.removeLast() + " " + lines[lines.count - 1]
        guard width(moved, fontSize: fontSize) <= maxWidth else { return (lines, truncated) }
        lines[lines.count - 2] = previous.joined(separator: " ")
        lines[lines.count - 1] = moved
        return (lines, false)
    }

    /// The words of `text`: what is between the characters " ", "\n" and "\t".
    ///
    /// Splitting a string into `Character`s finds grapheme clusters, which is slow; when every space, tab and line
    /// feed is a character of its own, splitting its UTF-8 bytes gives the same words. That is so when no line feed
    /// follows a carriage return and every space is between characters that cannot join one: those below U+0300
    /// (no combining or prepended marks there), Vietnamese letters (U+1E00…U+1EFF) and common punctuation
    /// (U+2010…U+2027).
    static func words(_ text: String) -> [String] {
        func joinsNoSpace(_ s: Unicode.Scalar) -> Bool {
            s.value < 0x300 || (0x1E00...0x1EFF).contains(s.value) || (0x2010...0x2027).contains(s.value)
        }
        var previous: Unicode.Scalar?
        var bytesWillDo = true
        for scalar in text.unicodeScalars {
            if previous == " " && !joinsNoSpace(scalar) || scalar == " " && previous.map(joinsNoSpace) == false
                || scalar == "\n" && previous == "\r"
            {
                bytesWillDo = false
                break
            }
            previous = scalar
        }
        if bytesWillDo {
            return text.utf8.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\t") })
                .map { String(Substring($0)) }
        }
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
    }

    /// `text.contains(" ")` as Foundation answers it (a space followed by a combining mark does not count), without
    /// asking Foundation when the bytes tell: no space at all, or one followed by ASCII or the end.
    static func containsSpace(_ text: String) -> Bool {
        var afterSpace = false
        var sawSpace = false
        for byte in text.utf8 {
            if afterSpace && byte < 0x80 { return true }
            afterSpace = byte == UInt8(ascii: " ")
            sawSpace = sawSpace || afterSpace
        }
        if afterSpace { return true }
        return sawSpace && text.contains(" ")
    }

    /// Lines filled greedily, the last one cut in the middle when the text does not fit.
    private static func greedyWrap(_ text: String, maxWidth: Double, fontSize: Double, maxLines: Int) -> (lines: [String], truncated: Bool) {
        let words = self.words(text)
        guard !words.isEmpty else { return ([""], false) }
        func fits(_ s: String) -> Bool { width(s, fontSize: fontSize) <= maxWidth }
        /// The em width of `base + " " + word` from the em width of `base`, adding advances in the
        /// same order as `width` does over the joined text (so the sums are bit-for-bit equal).
        func extended(_ em: Double, by word: String) -> Double {
            var em = em + advance(" ")
            for scalar in word.unicodeScalars { em += advance(scalar) }
            return em
        }
        var lines: [String] = []
        var index = 0
        // Greedy lines, all but the last.
        while lines.count < maxLines - 1 && index < words.count {
            var current = words[index]
            var em = 0.0
            for scalar in current.unicodeScalars { em += advance(scalar) }
            if em * fontSize > maxWidth { break }
            index += 1
            while index < words.count {
                let next = extended(em, by: words[index])
                guard next * fontSize <= maxWidth else { break }
                current += " " + words[index]
                em = next
                index += 1
            }
            lines.append(current)
        }
        if index == words.count { return (lines, false) }
        let rest = words[index...].joined(separator: " ")
        if fits(rest) { return (lines + [rest], false) }
        // The last line: cut in the middle.
        let restWords = Array(words[index...])
        var tail: [String] = []
        var head: [String] = []
        if lines.isEmpty {
            // One line: about half for the start, the rest for the end.
            var h = ""
            for word in restWords {
                let candidate = h.isEmpty ? word : h + " " + word
                if width(candidate + " …", fontSize: fontSize) > maxWidth * 0.5 { break }
                h = candidate
                head.append(word)
            }
        }
        let headText = head.joined(separator: " ")
        let prefix = headText.isEmpty ? "…" : headText + " …"
        for word in restWords.dropFirst(head.count).reversed() {
            let candidate = prefix + " " + ([word] + tail).joined(separator: " ")
            if !fits(candidate) { break }
            tail.insert(word, at: 0)
        }
        let last: String
        if tail.isEmpty {
            last = ellipsize(rest, maxWidth: maxWidth, fontSize: fontSize)
        } else {
            last = prefix + " " + tail.joined(separator: " ")
        }
        return (lines + [last], true)
    }

    /// Shortens `text` to fit `maxWidth`, ending it with "…" (returns it unchanged if it fits).
    static func ellipsize(_ text: String, maxWidth: Double, fontSize: Double) -> String {
        if width(text, fontSize: fontSize) <= maxWidth { return text }
        let budget = maxWidth - width("…", fontSize: fontSize)
        var out = ""
        var used = 0.0
        for ch in text {
            let w = width(String(ch), fontSize: fontSize)
            if used + w > budget { break }
            out.append(ch)
            used += w
        }
        while out.last == " " || out.last == "," || out.last == ";" { out.removeLast() }
        return out + "…"
    }
}
