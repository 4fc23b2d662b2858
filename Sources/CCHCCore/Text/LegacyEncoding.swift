/// A pre-Unicode Vietnamese encoding that a file which is not UTF-8 probably uses.
///
/// The tool never converts such files; it only names the encoding so the message can tell staff which
/// source table to pick in Unikey's converter.
public enum LegacyEncoding: String, Sendable, CaseIterable {
    /// TCVN 5712 VN3, the "ABC" encoding of the .VnTime fonts: one byte per toned lower-case letter.
    case tcvn3
    /// VNI for Windows (VNI-Times): an ASCII vowel followed by a byte carrying its marks.
    case vni
    /// Windows-1258: Latin-1-like letters followed by combining tone bytes.
    case windows1258

    /// The encoding's name as Vietnamese staff know it: "TCVN3 (ABC)", "VNI" or "Windows-1258".
    public var displayName: String {
        switch self {
        case .tcvn3: return "TCVN3 (ABC)"
        case .vni: return "VNI"
        case .windows1258: return "Windows-1258"
        }
    }

    /// The legacy encoding whose reading of `bytes` looks most like Vietnamese, or nil if none does.
    ///
    /// Each encoding's reading of the whole file is split into words, and every word with a non-ASCII
    /// letter scores +1 if it is a plausible Vietnamese syllable and −1 if not; the best positive score
    /// wins (ties go to the earlier case). Valid UTF-8 and plain ASCII always give nil.
    public static func guess(_ bytes: [UInt8]) -> LegacyEncoding? {
        guard bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        if UTF8Validation.firstInvalidOffset(bytes) == nil { return nil }
        var best: (encoding: LegacyEncoding, score: VietnameseWordScore)?
        for encoding in allCases {
            let score = VietnameseWordScore(of: encoding.decodeForGuessing(bytes))
            if score.valid > 0, score.net > 0, score.net > (best?.score.net ?? 0) {
                best = (encoding, score)
            }
        }
        return best?.encoding
    }

    /// Reads `bytes` as this encoding, for scoring only (unmapped bytes read as Windows-1252/Latin-1).
    func decodeForGuessing(_ bytes: [UInt8]) -> String {
        switch self {
        case .tcvn3: return Self.decodeTCVN3(bytes)
        case .vni: return Self.decodeVNI(bytes)
        case .windows1258: return Self.decodeWindows1258(bytes)
        }
    }

    // MARK: - Decoders

    /// The character a byte has in Windows-1252, the fallback for bytes an encoding leaves unmapped.
    static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        if byte < 0x80 || byte >= 0xA0 { return Unicode.Scalar(byte) }
        let table: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
            0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
            0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
            0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
        ]
        return Unicode.Scalar(table[Int(byte) - 0x80])!
    }

    /// TCVN3 bytes 0xA1…0xFE and the letters they stand for (absent bytes fall back to Latin-1).
    static let tcvn3Letters: [UInt8: Unicode.Scalar] = {
        let pairs: [(UInt8, String)] = [
            (0xA1, "Ă"), (0xA2, "Â"), (0xA3, "Ê"), (0xA4, "Ô"), (0xA5, "Ơ"), (0xA6, "Ư"), (0xA7, "Đ"),
            (0xA8, "ă"), (0xA9, "â"), (0xAA, "ê"), (0xAB, "ô"), (0xAC, "ơ"), (0xAD, "ư"), (0xAE, "đ"),
            (0xB5, "à"), (0xB6, "ả"), (0xB7, "ã"), (0xB8, "á"), (0xB9, "ạ"),
            (0xBB, "ằ"), (0xBC, "ẳ"), (0xBD, "ẵ"), (0xBE, "ắ"), (0xC6, "ặ"),
            (0xC7, "ầ"), (0xC8, "ẩ"), (0xC9, "ẫ"), (0xCA, "ấ"), (0xCB, "ậ"),
            (0xCC, "è"), (0xCE, "ẻ"), (0xCF, "ẽ"), (0xD0, "é"), (0xD1, "ẹ"),
            (0xD2, "ề"), (0xD3, "ể"), (0xD4, "ễ"), (0xD5, "ế"), (0xD6, "ệ"),
            (0xD7, "ì"), (0xD8, "ỉ"), (0xDC, "ĩ"), (0xDD, "í"), (0xDE, "ị"),
            (0xDF, "ò"), (0xE1, "ỏ"), (0xE2, "õ"), (0xE3, "ó"), (0xE4, "ọ"),
            (0xE5, "ồ"), (0xE6, "ổ"), (0xE7, "ỗ"), (0xE8, "ố"), (0xE9, "ộ"),
            (0xEA, "ờ"), (0xEB, "ở"), (0xEC, "ỡ"), (0xED, "ớ"), (0xEE, "ợ"),
            (0xEF, "ù"), (0xF1, "ủ"), (0xF2, "ũ"), (0xF3, "ú"), (0xF4, "ụ"),
            (0xF5, "ừ"), (0xF6, "ử"), (0xF7, "ữ"), (0xF8, "ứ"), (0xF9, "ự"),
            (0xFA, "ỳ"), (0xFB, "ỷ"), (0xFC, "ỹ"), (0xFD, "ý"), (0xFE, "ỵ"),
        ]
        var table: [UInt8: Unicode.Scalar] = [:]
        for (byte, letter) in pairs { table[byte] = letter.unicodeScalars.first! }
        return table
    }()

    static func decodeTCVN3(_ bytes: [UInt8]) -> String {
        var out = String.UnicodeScalarView()
        for byte in bytes {
            out.append(tcvn3Letters[byte] ?? windows1252Scalar(byte))
        }
        return String(out)
    }

    /// VNI single-byte letters (the i's, ỵ, ơ, ư, đ), lower case; upper case is the byte minus 0x20.
    static let vniSingleLetters: [UInt8: Unicode.Scalar] = {
        let pairs: [(UInt8, String)] = [
            (0xEC, "ì"), (0xED, "í"), (0xE6, "ỉ"), (0xF3, "ĩ"), (0xF2, "ị"), (0xEE, "ỵ"),
            (0xF4, "ơ"), (0xF6, "ư"), (0xF1, "đ"),
        ]
        var table: [UInt8: Unicode.Scalar] = [:]
        for (byte, letter) in pairs {
            table[byte] = letter.unicodeScalars.first!
            table[byte - 0x20] = letter.uppercased().unicodeScalars.first!
        }
        return table
    }()

    /// VNI mark bytes (lower-case forms): the combining marks they add to the preceding vowel.
    static let vniMarks: [UInt8: [Unicode.Scalar]] = {
        let grave: Unicode.Scalar = "\u{300}", acute: Unicode.Scalar = "\u{301}"
        let hook: Unicode.Scalar = "\u{309}", tilde: Unicode.Scalar = "\u{303}"
        let dot: Unicode.Scalar = "\u{323}", circumflex: Unicode.Scalar = "\u{302}"
        let breve: Unicode.Scalar = "\u{306}"
        let pairs: [(UInt8, [Unicode.Scalar])] = [
            (0xF9, [acute]), (0xF8, [grave]), (0xFB, [hook]), (0xF5, [tilde]), (0xEF, [dot]),
            (0xE2, [circumflex]), (0xE1, [circumflex, acute]), (0xE0, [circumflex, grave]),
            (0xE5, [circumflex, hook]), (0xE3, [circumflex, tilde]), (0xE4, [circumflex, dot]),
            (0xEA, [breve]), (0xE9, [breve, acute]), (0xE8, [breve, grave]),
            (0xFA, [breve, hook]), (0xFC, [breve, tilde]), (0xEB, [breve, dot]),
        ]
        var table: [UInt8: [Unicode.Scalar]] = [:]
        for (byte, marks) in pairs {
            table[byte] = marks
            table[byte - 0x20] = marks
        }
        return table
    }()

    static func decodeVNI(_ bytes: [UInt8]) -> String {
        var out = String.UnicodeScalarView()
        // The vowel byte the previous byte left open for marks; 0x01 for ơ and ư, which take tones only.
        var openBase: UInt8?
        for byte in bytes {
            if let marks = vniMarks[byte] {
                let lower = (openBase ?? 0) | 0x20
                let fits: Bool
                switch marks[0] {
                case "\u{302}": fits = lower == 0x61 || lower == 0x65 || lower == 0x6F // â ê ô
                case "\u{306}": fits = lower == 0x61 // ă
                default: fits = openBase != nil
                }
                // A mark with nothing to sit on is not VNI text here.
                if fits { out.append(contentsOf: marks) } else { out.append("\u{FFFD}") }
                openBase = nil
                continue
            }
            if let letter = vniSingleLetters[byte] {
                out.append(letter)
                // ơ and ư take a tone byte after them.
                openBase = (byte | 0x20) == 0xF4 || (byte | 0x20) == 0xF6 ? 0x01 : nil
                continue
            }
            out.append(windows1252Scalar(byte))
            switch byte | 0x20 {
            case 0x61, 0x65, 0x6F, 0x75, 0x79: openBase = byte // a e o u y
            default: openBase = nil
            }
        }
        return String(out)
    }

    static func decodeWindows1258(_ bytes: [UInt8]) -> String {
        var out = String.UnicodeScalarView()
        for byte in bytes {
            let scalar: Unicode.Scalar
            switch byte {
            case 0x8A: scalar = "\u{8A}"
            case 0x8E: scalar = "\u{8E}"
            case 0x9A: scalar = "\u{9A}"
            case 0x9E: scalar = "\u{9E}"
            case 0xC3: scalar = "Ă"
            case 0xCC: scalar = "\u{300}"
            case 0xD0: scalar = "Đ"
            case 0xD2: scalar = "\u{309}"
            case 0xD5: scalar = "Ơ"
            case 0xDD: scalar = "Ư"
            case 0xDE: scalar = "\u{303}"
            case 0xE3: scalar = "ă"
            case 0xEC: scalar = "\u{301}"
            case 0xF0: scalar = "đ"
            case 0xF2: scalar = "\u{323}"
            case 0xF5: scalar = "ơ"
            case 0xFD: scalar = "ư"
            case 0xFE: scalar = "₫"
            default: scalar = windows1252Scalar(byte)
            }
            out.append(scalar)
        }
        return String(out)
    }
}

/// How many words of a text read as plausible Vietnamese syllables, counting only words with a non-ASCII letter.
struct VietnameseWordScore: Sendable, Equatable {
    /// Words with a non-ASCII character that are plausible Vietnamese syllables.
    var valid = 0
    /// Words with a non-ASCII character that are not.
    var invalid = 0

    /// The valid words minus the invalid ones.
    var net: Int { valid - invalid }

    /// Scores `text` (any normalisation form).
    init(of text: String) {
        var word: [Unicode.Scalar] = []
        var hasNonASCII = false
        func finish() {
            if hasNonASCII {
                if VietnameseSyllable.isPlausible(word) { valid += 1 } else { invalid += 1 }
            }
            word.removeAll(keepingCapacity: true)
            hasNonASCII = false
        }
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if Self.isWordScalar(scalar) {
                word.append(scalar)
                if scalar.value >= 0x80 { hasNonASCII = true }
            } else {
                finish()
            }
        }
        finish()
    }

    /// ASCII letters and any non-ASCII character except spaces and common typographic punctuation.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) }
        switch v {
        case 0xA0, 0xAB, 0xBB, 0x2010...0x2027, 0x2030...0x203A, 0x3000: return false
        default: return !scalar.properties.isWhitespace
        }
    }
}

/// A loose check that a word (letters and combining marks) is spelled like one Vietnamese syllable.
enum VietnameseSyllable {
    private static let initials: Set<String> = [
        "", "b", "c", "ch", "d", "đ", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
        "p", "ph", "q", "r", "s", "t", "th", "tr", "v", "x",
    ]
    /// Final consonants, with k for minority place names (Đắk Lắk).
    private static let finals: Set<String> = ["", "c", "ch", "k", "m", "n", "ng", "nh", "p", "t"]
    /// Vowel groups that may be followed by a final consonant (or stand alone).
    private static let openNuclei: Set<String> = [
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
        "iê", "yê", "oa", "oă", "oe", "oo", "uâ", "uê", "uô", "uơ", "ươ", "uy", "uyê",
    ]
    /// Vowel groups ending in a semivowel, which take no final consonant.
    private static let closedNuclei: Set<String> = [
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ui", "ưi",
        "ưu", "ua", "ưa", "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu",
        "uya", "uyu",
    ]

    /// Whether the NFD scalars of `word` form one plausible Vietnamese syllable (any case, one tone at most).
    static func isPlausible(_ word: [Unicode.Scalar]) -> Bool {
        var letters: [Character] = []
        var isVowel: [Bool] = []
        var tones = 0
        var i = 0
        while i < word.count {
            let base = word[i]
            i += 1
            var modifier: Unicode.Scalar?
            var toned = false
            while i < word.count, word[i].properties.generalCategory == .nonspacingMark {
                switch word[i].value {
                case 0x302, 0x306, 0x31B:
                    if modifier != nil { return false }
                    modifier = word[i]
                case 0x300, 0x301, 0x303, 0x309, 0x323:
                    if toned { return false }
                    toned = true
                default:
                    return false
                }
                i += 1
            }
            let lower: Unicode.Scalar
            switch base.value {
            case 0x41...0x5A: lower = Unicode.Scalar(base.value + 0x20)!
            case 0x61...0x7A, 0x111: lower = base
            case 0x110: lower = "đ"
            default: return false
            }
            let letter: Character
            var vowel = true
            switch (lower, modifier?.value) {
            case ("a", nil): letter = "a"
            case ("a", 0x306): letter = "ă"
            case ("a", 0x302): letter = "â"
            case ("e", nil): letter = "e"
            case ("e", 0x302): letter = "ê"
            case ("i", nil): letter = "i"
            case ("o", nil): letter = "o"
            case ("o", 0x302): letter = "ô"
            case ("o", 0x31B): letter = "ơ"
            case ("u", nil): letter = "u"
            case ("u", 0x31B): letter = "ư"
            case ("y", nil): letter = "y"
            case (_, nil):
                if "fjwz".unicodeScalars.contains(lower) { return false }
                letter = Character(lower)
                vowel = false
            default:
                return false
            }
            if toned {
                if !vowel { return false }
                tones += 1
            }
            letters.append(letter)
            isVowel.append(vowel)
        }
        guard tones <= 1, let firstVowel = isVowel.firstIndex(of: true) else { return false }
        let afterVowels = isVowel[firstVowel...].firstIndex(of: false) ?? isVowel.count
        if isVowel[afterVowels...].contains(true) { return false }
        var initial = String(letters[..<firstVowel])
        var nucleus = String(letters[firstVowel..<afterVowels])
        let final = String(letters[afterVowels...])
        guard initials.contains(initial), finals.contains(final) else { return false }
        if initial == "q" {
            guard nucleus.hasPrefix("u"), nucleus.count > 1 else { return false }
            nucleus.removeFirst()
            initial = "qu"
        } else if initial == "g", nucleus.hasPrefix("i"), nucleus.count > 1 {
            nucleus.removeFirst()
            initial = "gi"
        }
        if openNuclei.contains(nucleus) { return true }
        return final.isEmpty && closedNuclei.contains(nucleus)
    }
}

/// Strict UTF-8 validation that reports where the first bad byte is.
enum UTF8Validation {
    /// The offset of the first byte that does not start or continue a well-formed UTF-8 sequence, or nil.
    ///
    /// For a truncated or malformed sequence the offset is that of its lead byte; overlong forms,
    /// surrogates and values above U+10FFFF are refused.
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        walk(bytes, ascii: { _ in }, scalar: { _ in })
    }

    /// Walks `bytes` as ``firstInvalidOffset(_:)`` validates them, handing each ASCII byte to
    /// `ascii` and each other scalar to `scalar`, up to the first bad byte, whose offset it returns.
    @inline(__always)
    static func walk(_ bytes: [UInt8], ascii: (UInt8) -> Void, scalar: (Unicode.Scalar) -> Void) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var i = 0
            while i < count {
                let lead = buffer[i]
                if lead < 0x80 {
                    ascii(lead)
                    i += 1
                    continue
                }
                let length: Int
                var low: UInt8 = 0x80, high: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0:
                    length = 3
                    low = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED:
                    length = 3
                    high = 0x9F
                case 0xF0:
                    length = 4
                    low = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4:
                    length = 4
                    high = 0x8F
                default: return i
                }
                guard i + length <= count else { return i }
                let second = buffer[i + 1]
                guard second >= low, second <= high else { return i }
                var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                value = value << 6 | UInt32(second & 0x3F)
                var k = 2
                while k < length {
                    let next = buffer[i + k]
                    guard next & 0xC0 == 0x80 else { return i }
                    value = value << 6 | UInt32(next & 0x3F)
                    k += 1
                }
                // Well-formed, so a scalar: surrogates and values above U+10FFFF were refused.
                scalar(Unicode.Scalar(value).unsafelyUnwrapped)
                i += length
            }
            return nil
        }
    }
}
