import Foundation

/// Vietnamese text folded for matching: tone and vowel marks dropped, `đ` → `d`, lower case, so
/// that "Sở Nội vụ", "SỞ NỘI VỤ", "So Noi vu" and "Sở Nội Vụ" meet. Display keeps the author's
/// spelling; only matching uses the folded key.
public enum VietnameseFold {
    /// The folded form of `text`.
    public static func key(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            switch scalar {
            case "đ", "Đ": out.append("d")
            default:
                if (0x41...0x5A).contains(scalar.value) {
                    out.append(Unicode.Scalar(scalar.value + 0x20)!)
                } else {
                    out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
                }
            }
        }
        return String(out)
    }

    /// The words of `text`, folded, with `&` kept inside words (`TT&TT`) and everything else that
    /// is not a letter or digit treated as a separator.
    public static func words(_ text: String) -> [String] {
        key(text).split { !($0.isLetter || $0.isNumber || $0 == "&") }.map(String.init)
    }
}

/// Signs that a text went through OCR and lost or broke its diacritics.
///
/// Vietnamese prose marks most syllables; a page of administrative text in which few words carry a
/// mark, or in which digits sit inside words ("S0 N6i vu"), or many words are not possible
/// Vietnamese syllables, was damaged on the way. The importer says so and keeps the words as found.
public struct OCRDamage: Sendable, Equatable {
    /// Words read.
    public var words = 0
    /// Words with a Vietnamese mark or a letter outside ASCII.
    public var marked = 0
    /// Words mixing letters and digits, such as "S0" or "N6i".
    public var mixed = 0
    /// Words that are not a possible Vietnamese syllable.
    public var implausible = 0

    /// Counts the words of a text.
    public init(_ text: String) {
        for word in text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            let letters = word.filter(\.isLetter)
            guard !letters.isEmpty else { continue }
            words += 1
            if word.unicodeScalars.contains(where: { !$0.isASCII }) { marked += 1 }
            if word.contains(where: \.isNumber) {
                mixed += 1
                continue
            }
            let lower = Array(String(word).decomposedStringWithCanonicalMapping.unicodeScalars)
            if word.count > 1 && word.uppercased() != String(word) && !VietnameseSyllable.isPlausible(lower) { implausible += 1 }
        }
    }

    /// The share of words that carry a mark (0…1).
    public var markedShare: Double { words == 0 ? 1 : Double(marked) / Double(words) }

    /// Whether the text looks damaged: in clean Vietnamese well over half of the words carry a mark.
    public var isDamaged: Bool {
        guard words >= 30 else { return false }
        return markedShare < 0.35 || Double(mixed) / Double(words) > 0.01 || Double(implausible) / Double(words) > 0.06
    }

    /// A sentence for the review.
    public var summary: String {
        let percent = Int((markedShare * 100).rounded())
        return
            "the text looks damaged by OCR: \(percent)% of its \(words) words carry Vietnamese marks (clean text has over 60%), \(mixed) mix letters and digits, \(implausible) are not Vietnamese syllables. Names were matched leniently and kept as found; check every task against the original document"
    }
}
