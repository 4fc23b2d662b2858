import Foundation

/// A precomputed sort key for Vietnamese text; comparing keys compares the strings in Vietnamese order.
///
/// The key lists the primary weights (letters, digits, punctuation), then the tones of each word, then
/// the case of each letter, then the NFC string's UTF-8 bytes, each level ended by a 0 separator, so
/// plain lexicographic comparison of the small integers gives the multi-level order.
public struct CollationKey: Comparable, Hashable, Sendable {
    /// The weights, level by level.
    let weights: [UInt32]

    /// Whether `lhs` sorts before `rhs`.
    public static func < (lhs: CollationKey, rhs: CollationKey) -> Bool {
        lhs.weights.withUnsafeBufferPointer { a in
            rhs.weights.withUnsafeBufferPointer { b in
                let n = min(a.count, b.count)
                var i = 0
                while i < n {
                    if a[i] != b[i] { return a[i] < b[i] }
                    i += 1
                }
                return a.count < b.count
            }
        }
    }
}

/// Vietnamese alphabetical order, after CLDR's standard `vi` collation.
///
/// Letters come in the order a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ p q r s t u ư v (w) x y (z).
/// Strings compare by letters first, ignoring tones and case; then by the tone of each word
/// (ngang < huyền < hỏi < ngã < sắc < nặng); then by case, lower before upper. Space and punctuation
/// sort before digits, digits (character by character) before letters. NFC and NFD spellings give the
/// same order, and "Uỷ"/"Ủy" tie until the last, byte-wise level, so sorting is total and deterministic.
public enum VietnameseCollation {
    /// The sort key of `s`; compute it once per string when sorting many.
    public static func key(_ s: String) -> CollationKey {
        var builder = KeyBuilder()
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII is its own NFC and NFD.
            for scalar in s.unicodeScalars { builder.add(scalar) }
            return builder.finish(nfcBytes: s.utf8)
        }
        for scalar in s.decomposedStringWithCanonicalMapping.unicodeScalars {
            builder.add(scalar)
        }
        return builder.finish(nfcBytes: s.precomposedStringWithCanonicalMapping.utf8)
    }

    /// Whether `a` sorts before `b` in Vietnamese order.
    public static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        key(a) < key(b)
    }

    /// `strings` in Vietnamese order, computing each key once.
    public static func sorted(_ strings: [String]) -> [String] {
        strings.map { (key($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    // MARK: - Weights

    /// Primary weight bases: punctuation and symbols < digits < letters < other scripts' letters.
    static let punctuationBase: UInt32 = 0x0001_0000
    static let digitBase: UInt32 = 0x0020_0000
    static let letterBase: UInt32 = 0x0030_0000
    static let otherLetterBase: UInt32 = 0x0040_0000

    /// The Vietnamese letters with f j w z in their Latin places, as their index in the order.
    enum Letter: UInt32 {
        case a = 1, aBreve, aCircumflex, b, c, d, dStroke, e, eCircumflex, f, g, h, i, j, k, l, m, n
        case o, oCircumflex, oHorn, p, q, r, s, t, u, uHorn, v, w, x, y, z
    }

    /// The letter of each ASCII lower-case letter a…z.
    static let asciiLetters: [Letter] = [
        .a, .b, .c, .d, .e, .f, .g, .h, .i, .j, .k, .l, .m, .n, .o, .p, .q, .r, .s, .t, .u, .v, .w, .x, .y, .z,
    ]

    /// The secondary weight of each Vietnamese tone mark (ngang is 1).
    static func toneWeight(_ mark: UInt32) -> UInt32? {
        switch mark {
        case 0x300: return 2 // huyền
        case 0x309: return 3 // hỏi
        case 0x303: return 4 // ngã
        case 0x301: return 5 // sắc
        case 0x323: return 6 // nặng
        default: return nil
        }
    }

    /// Builds a key from NFD scalars, one pending letter at a time (its marks follow it).
    struct KeyBuilder {
        var primary: [UInt32] = []
        var secondary: [UInt32] = []
        var tertiary: [UInt32] = []

        /// The letter waiting for its combining marks: primary weight, whether upper case, the letter if Vietnamese.
        var pendingPrimary: UInt32 = 0
        var pendingUpper = false
        var pendingLetter: Letter?
        var hasPending = false

        /// The current word's tone weights and other marks, in order; whether a word is open.
        var wordSecondary: [UInt32] = []
        var inWord = false

        init() {
            primary.reserveCapacity(32)
            secondary.reserveCapacity(8)
            tertiary.reserveCapacity(32)
        }

        mutating func add(_ scalar: Unicode.Scalar) {
            let v = scalar.value
            // ASCII fast paths.
            if v < 0x80 {
                if (0x61...0x7A).contains(v) {
                    startLetter(VietnameseCollation.asciiLetters[Int(v - 0x61)], upper: false)
                } else if (0x41...0x5A).contains(v) {
                    startLetter(VietnameseCollation.asciiLetters[Int(v - 0x41)], upper: true)
                } else if (0x30...0x39).contains(v) {
                    nonLetter(VietnameseCollation.digitBase + (v - 0x30))
                } else {
                    nonLetter(VietnameseCollation.punctuationBase + v)
                }
                return
            }
            if v == 0x111 {
                startLetter(.dStroke, upper: false)
                return
            }
            if v == 0x110 {
                startLetter(.dStroke, upper: true)
                return
            }
            let properties = scalar.properties
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                mark(v)
            case .decimalNumber:
                nonLetter(VietnameseCollation.digitBase + 0x10 + v)
            default:
                if properties.isAlphabetic {
                    flushLetter()
                    let lower = properties.lowercaseMapping.unicodeScalars
                    let base = lower.count == 1 ? lower.first!.value : v
                    pendingPrimary = VietnameseCollation.otherLetterBase + base
                    pendingUpper = properties.isUppercase
                    pendingLetter = nil
                    hasPending = true
                    inWord = true
                } else {
                    nonLetter(VietnameseCollation.punctuationBase + v)
                }
            }
        }

        mutating func startLetter(_ letter: Letter, upper: Bool) {
            flushLetter()
            pendingLetter = letter
            pendingPrimary = VietnameseCollation.letterBase + letter.rawValue
            pendingUpper = upper
            hasPending = true
            inWord = true
        }

        mutating func mark(_ v: UInt32) {
            if let tone = VietnameseCollation.toneWeight(v) {
                wordSecondary.append(tone)
                return
            }
            if hasPending, let letter = pendingLetter {
                let modified: Letter?
                switch (letter, v) {
                case (.a, 0x306): modified = .aBreve
                case (.a, 0x302): modified = .aCircumflex
                case (.e, 0x302): modified = .eCircumflex
                case (.o, 0x302): modified = .oCircumflex
                case (.o, 0x31B): modified = .oHorn
                case (.u, 0x31B): modified = .uHorn
                default: modified = nil
                }
                if let modified {
                    pendingLetter = modified
                    pendingPrimary = VietnameseCollation.letterBase + modified.rawValue
                    return
                }
            }
            // Another language's diacritic: after all tones at the secondary level.
            wordSecondary.append(0x100 + v)
        }

        mutating func flushLetter() {
            guard hasPending else { return }
            primary.append(pendingPrimary)
            tertiary.append(pendingUpper ? 2 : 1)
            hasPending = false
        }

        mutating func endWord() {
            flushLetter()
            guard inWord || !wordSecondary.isEmpty else { return }
            if !wordSecondary.contains(where: { $0 < 0x100 }) { secondary.append(1) }
            secondary.append(contentsOf: wordSecondary)
            wordSecondary.removeAll(keepingCapacity: true)
            inWord = false
        }

        mutating func nonLetter(_ weight: UInt32) {
            endWord()
            primary.append(weight)
        }

        mutating func finish(nfcBytes: String.UTF8View) -> CollationKey {
            endWord()
            var weights = primary
            weights.reserveCapacity(primary.count + secondary.count + tertiary.count + nfcBytes.count + 3)
            weights.append(0)
            weights.append(contentsOf: secondary)
            weights.append(0)
            weights.append(contentsOf: tertiary)
            weights.append(0)
            for byte in nfcBytes { weights.append(UInt32(byte) + 1) }
            return CollationKey(weights: weights)
        }
    }
}
