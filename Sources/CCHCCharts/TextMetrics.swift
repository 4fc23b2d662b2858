/// Rough text widths for a proportional sans-serif page font, and wrapping with "…".
///
/// The page's CSS picks the font, so widths are estimates on the generous side (Noto Sans, DejaVu Sans and
/// Liberation Sans all fit within them for Vietnamese text).
enum TextMetrics {
    /// The estimated width of `text` at `fontSize`, in the same units.
    static func width(_ text: String, fontSize: Double) -> Double {
        var em = 0.0
        for scalar in text.unicodeScalars {
            em += advance(scalar)
        }
        return em * fontSize
    }

    private static func advance(_ s: Unicode.Scalar) -> Double {
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
            if s.properties.isUppercase { return 0.72 }
            return 0.6
        }
    }

    /// Splits `text` into at most `maxLines` lines no wider than `maxWidth`; the last kept line ends in "…" if text was cut.
    static func wrap(_ text: String, maxWidth: Double, fontSize: Double, maxLines: Int) -> (lines: [String], truncated: Bool) {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
        guard !words.isEmpty else { return ([""], false) }
        var lines: [String] = []
        var current = ""
        var index = 0
        while index < words.count {
            let word = words[index]
            let candidate = current.isEmpty ? word : current + " " + word
            if width(candidate, fontSize: fontSize) <= maxWidth {
                current = candidate
                index += 1
                continue
            }
            if current.isEmpty {
                // A single word wider than the line: cut it.
                lines.append(word)
                index += 1
            } else {
                lines.append(current)
                current = ""
            }
            if lines.count == maxLines { break }
        }
        if !current.isEmpty && lines.count < maxLines {
            lines.append(current)
        }
        let truncated = index < words.count || lines.contains { width($0, fontSize: fontSize) > maxWidth }
        if truncated, let last = lines.popLast() {
            let rest = index < words.count ? last + " " + words[index...].joined(separator: " ") : last
            lines.append(ellipsize(rest, maxWidth: maxWidth, fontSize: fontSize))
        }
        // A cut single word in an earlier line.
        for i in lines.indices where width(lines[i], fontSize: fontSize) > maxWidth {
            lines[i] = ellipsize(lines[i], maxWidth: maxWidth, fontSize: fontSize)
        }
        return (lines, truncated)
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
