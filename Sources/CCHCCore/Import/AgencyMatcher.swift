import Foundation

/// Finds the agencies a sentence names: the site's agencies by name, short name or alias, and
/// the groups plans assign work to ("các sở, ban, ngành", "UBND cấp huyện"), which become
/// `kind:` references.
///
/// Matching works on folded words (no marks, lower case), with the abbreviations of provincial
/// documents spelled out ("UBND", "VP", "TT&TT", "KH&ĐT", …) and "và", commas and dashes ignored,
/// so "Sở Giao thông - Vận tải", "Sở GTVT" and "SỞ GIAO THÔNG VẬN TẢI" are one name. A trailing
/// "tỉnh", "thuộc tỉnh" or the province's name is optional. With `lenient` set (OCR-damaged text)
/// a word may also differ from the name's in one vowel and digits inside words are read as the
/// letters OCR mistakes them for ("S0 N6i vu" → "so noi vu").
public struct AgencyMatcher: Sendable {
    /// What a mention refers to.
    public enum Target: Sendable, Hashable {
        /// One of the site's agencies.
        case agency(AgencyID)
        /// Every agency of a kind.
        case kind(AgencyKind)
        /// The units inside the issuing department ("các phòng, đơn vị thuộc Sở").
        case issuerUnits
    }

    /// A name found in a text.
    public struct Mention: Sendable, Hashable {
        /// What it names.
        public var target: Target
        /// Where it is in the text.
        public var range: Range<String.Index>
        /// The index of its first and one past its last word token.
        public var tokens: Range<Int>
        /// Whether it matched only leniently.
        public var isFuzzy: Bool
        /// Whether it only qualifies what comes before ("… thuộc UBND tỉnh"): part of a name, not an agency of its own.
        public var isQualifier = false
    }

    /// A word or punctuation token of a text.
    public struct Token: Sendable, Hashable {
        /// The folded word, or the punctuation character.
        public var key: String
        /// Where it is.
        public var range: Range<String.Index>
        /// Whether it is a word (letters, digits, `&`).
        public var isWord: Bool
    }

    struct Pattern: Sendable {
        var words: [String]
        var target: Target
        /// A name met without its "tỉnh" or province ("Thanh tra" of "Thanh tra tỉnh"): it must not
        /// run on into another body's name ("Thanh tra Sở", "Công an huyện").
        var isShortened = false
    }

    /// Words that, after a shortened name, show it belongs to another body.
    static let otherBodyWords: Set<String> = ["so", "huyen", "xa", "phuong", "thanh", "thi", "bo", "quan", "cap"]

    private var patterns: [String: [Pattern]] = [:]
    /// The same patterns by the vowel skeleton of their first word ("so" → "s*"), for lenient
    /// matching: the words one vowel away from a word share its skeleton, so they are found by
    /// one lookup instead of a pass over every pattern.
    private var patternsBySkeleton: [String: [Pattern]] = [:]
    private let optionalTails: [[String]]

    /// Builds the matcher for a site's agencies and its province's name.
    public init(agencies: [Agency], province: String) {
        var all: [Pattern] = []
        let provinceWords = Self.canonical(VietnameseFold.words(province))
        for agency in agencies {
            for name in [agency.name] + [agency.short].compactMap({ $0 }) + agency.aliases {
                let words = Self.canonical(VietnameseFold.words(name))
                guard !words.isEmpty else { continue }
                for (n, variant) in Self.variants(words, province: provinceWords).enumerated() {
                    all.append(Pattern(words: variant, target: .agency(agency.id), isShortened: n > 0))
                }
            }
        }
        for (phrase, target) in Self.groups {
            all.append(Pattern(words: Self.canonical(phrase.split(separator: " ").map(String.init)), target: target))
        }
        // Longest first, so "UBND cấp huyện" wins over "UBND", and a full name over its alias.
        for pattern in all.sorted(by: { $0.words.count > $1.words.count }) {
            patterns[pattern.words[0], default: []].append(pattern)
            if pattern.words.count > 1 { patternsBySkeleton[Self.skeleton(pattern.words[0]), default: []].append(pattern) }
        }
        var tails: [[String]] = [["thuoc", "tinh"], ["tinh"], ["tuong", "duong"], ["cap", "tinh"], ["tren", "dia", "ban", "tinh"], ["tren", "dia", "ban"]]
        if !provinceWords.isEmpty {
            tails.insert(["tinh"] + provinceWords, at: 0)
            tails.insert(provinceWords, at: 1)
        }
        optionalTails = tails
    }

    /// The groups documents assign work to, as folded phrases.
    static let groups: [(String, Target)] = [
        ("cac so ban nganh", .kind(.department)), ("so ban nganh", .kind(.department)),
        ("cac so nganh", .kind(.department)), ("so nganh", .kind(.department)),
        ("cac co quan chuyen mon thuoc ubnd tinh", .kind(.department)), ("cac co quan chuyen mon", .kind(.department)),
        ("co quan chuyen mon", .kind(.department)), ("cac co quan quan ly nha nuoc", .kind(.department)),
        ("co quan quan ly nha nuoc", .kind(.department)), ("cac so ban nganh thuoc tinh", .kind(.department)),
        ("cac co quan chuyen mon cap tinh", .kind(.department)),
        ("cac co quan don vi cap tinh", .kind(.department)),
        ("ubnd cap huyen", .kind(.district)), ("ubnd cac huyen thanh pho", .kind(.district)),
        ("ubnd cac huyen thi xa thanh pho", .kind(.district)), ("ubnd huyen thanh pho", .kind(.district)),
        ("cac huyen thanh pho", .kind(.district)), ("cac huyen thi xa thanh pho", .kind(.district)),
        ("chu tich ubnd cap huyen", .kind(.district)), ("chu tich ubnd cac huyen thanh pho", .kind(.district)),
        ("ubnd cap xa", .kind(.commune)), ("ubnd cac xa phuong thi tran", .kind(.commune)),
        ("ubnd cac xa phuong", .kind(.commune)), ("cac xa phuong thi tran", .kind(.commune)),
        ("cac co quan trung uong dong tren dia ban", .kind(.central)),
        ("co quan trung uong dong tren dia ban", .kind(.central)),
        ("cac co quan nganh doc", .kind(.central)), ("cac co quan nganh doc trung uong", .kind(.central)),
        ("cac co quan bao chi trung uong dong tren dia ban", .kind(.central)),
        ("cac to chuc chinh tri xa hoi", .kind(.organisation)),
        ("cac phong don vi thuoc so", .issuerUnits), ("cac phong chuyen mon thuoc so", .issuerUnits),
        ("cac phong chuyen mon don vi thuoc so", .issuerUnits), ("cac phong don vi", .issuerUnits),
        ("cac phong ban don vi thuoc so", .issuerUnits),
    ]

    /// Abbreviations of provincial documents and the words they stand for.
    static let abbreviations: [String: [String]] = [
        "ubnd": ["uy", "ban", "nhan", "dan"], "hdnd": ["hoi", "dong", "nhan", "dan"],
        "vp": ["van", "phong"], "mttq": ["mat", "tran", "to", "quoc"], "bhxh": ["bao", "hiem", "xa", "hoi"],
        "tt&tt": ["thong", "tin", "truyen", "thong"], "tttt": ["thong", "tin", "truyen", "thong"],
        "kh&dt": ["ke", "hoach", "dau", "tu"], "khdt": ["ke", "hoach", "dau", "tu"],
        "kh&cn": ["khoa", "hoc", "cong", "nghe"], "khcn": ["khoa", "hoc", "cong", "nghe"],
        "gd&dt": ["giao", "duc", "dao", "tao"], "gddt": ["giao", "duc", "dao", "tao"],
        "ld": ["lao", "dong"], "tb&xh": ["thuong", "binh", "xa", "hoi"], "tbxh": ["thuong", "binh", "xa", "hoi"],
        "ldtb&xh": ["lao", "dong", "thuong", "binh", "xa", "hoi"], "ldtbxh": ["lao", "dong", "thuong", "binh", "xa", "hoi"],
        "vh": ["van", "hoa"], "tt&dl": ["the", "thao", "du", "lich"], "ttdl": ["the", "thao", "du", "lich"],
        "vhtt&dl": ["van", "hoa", "the", "thao", "du", "lich"], "vhttdl": ["van", "hoa", "the", "thao", "du", "lich"],
        "nn&ptnt": ["nong", "nghiep", "phat", "trien", "nong", "thon"], "nnptnt": ["nong", "nghiep", "phat", "trien", "nong", "thon"],
        "tn&mt": ["tai", "nguyen", "moi", "truong"], "tnmt": ["tai", "nguyen", "moi", "truong"],
        "nn&mt": ["nong", "nghiep", "moi", "truong"], "nnmt": ["nong", "nghiep", "moi", "truong"],
        "gtvt": ["giao", "thong", "van", "tai"], "tw": ["trung", "uong"], "ub": ["uy", "ban"],
    ]

    /// Folded words with abbreviations spelled out and "và" dropped.
    static func canonical(_ words: [String]) -> [String] {
        var out: [String] = []
        for word in words where word != "va" && word != "&" {
            if let expansion = abbreviations[word] { out += expansion } else { out.append(word.replacingOccurrences(of: "&", with: "")) }
        }
        return out
    }

    /// A name and the shorter forms it is also met in: without "tỉnh", without the province.
    static func variants(_ words: [String], province: [String]) -> [[String]] {
        var out = [words]
        var trimmed = words
        // Only where two words or more are left: "Báo Bắc Kạn" never becomes "Báo".
        if !province.isEmpty, trimmed.count >= province.count + 2, Array(trimmed.suffix(province.count)) == province {
            trimmed.removeLast(province.count)
            out.append(trimmed)
        }
        if trimmed.count > 2, trimmed.last == "tinh" {
            trimmed.removeLast()
            out.append(trimmed)
        }
        return out
    }

    /// The tokens of a text, with their places.
    public static func tokens(_ text: String) -> [Token] {
        var out: [Token] = []
        var start: String.Index?
        var index = text.startIndex
        func close(at end: String.Index) {
            if let s = start {
                out.append(Token(key: VietnameseFold.key(String(text[s..<end])), range: s..<end, isWord: true))
                start = nil
            }
        }
        while index < text.endIndex {
            let c = text[index]
            if c.isLetter || c.isNumber || c == "&" {
                if start == nil { start = index }
            } else {
                close(at: index)
                if !c.isWhitespace {
                    out.append(Token(key: String(c), range: index..<text.index(after: index), isWord: false))
                }
            }
            index = text.index(after: index)
        }
        close(at: text.endIndex)
        return out
    }

    /// Every agency or group named in `text`, left to right, not overlapping; qualifiers
    /// ("… thuộc UBND tỉnh") are left out unless asked for.
    public func mentions(in text: String, lenient: Bool = false, qualifiers: Bool = false) -> [Mention] {
        let all = allMentions(in: text, lenient: lenient)
        return qualifiers ? all : all.filter { !$0.isQualifier }
    }

    private func allMentions(in text: String, lenient: Bool) -> [Mention] {
        let tokens = Self.tokens(text)
        // The canonical stream: words spelled out, with the token each came from; breaking
        // punctuation stays as a word that matches nothing.
        var stream: [(word: String, token: Int)] = []
        for (i, token) in tokens.enumerated() {
            if token.isWord {
                var key = token.key
                if lenient { key = Self.readingDigitsAsLetters(key) }
                if key == "va" || key == "&" { continue }
                if let expansion = Self.abbreviations[key] {
                    for word in expansion { stream.append((word, i)) }
                } else {
                    stream.append((key.replacingOccurrences(of: "&", with: ""), i))
                }
            } else if !",-–&/".contains(token.key) {
                stream.append(("§", i))
            }
        }
        var found: [Mention] = []
        var position = 0
        while position < stream.count {
            var best: (Pattern, Int, Bool)?
            for candidate in candidates(for: stream[position].word, lenient: lenient) {
                guard position + candidate.words.count <= stream.count else { continue }
                var fuzzy = false
                var ok = true
                for (offset, word) in candidate.words.enumerated() {
                    let have = stream[position + offset].word
                    if have == word { continue }
                    if lenient && candidate.words.count > 1 && Self.nearlyEqual(have, word) {
                        fuzzy = true
                        continue
                    }
                    ok = false
                    break
                }
                // A match must end on a token boundary (not in the middle of "UBND" spelled out).
                let end = position + candidate.words.count
                if ok, end < stream.count, stream[end].token == stream[end - 1].token { ok = false }
                if ok, position > 0, stream[position - 1].token == stream[position].token { ok = false }
                if ok, candidate.isShortened, end < stream.count, Self.otherBodyWords.contains(stream[end].word) { ok = false }
                if ok {
                    best = (candidate, end, fuzzy)
                    break
                }
            }
            guard let (pattern, matchEnd, fuzzy) = best else {
                position += 1
                continue
            }
            var end = matchEnd
            for tail in optionalTails where end + tail.count <= stream.count {
                if stream[end..<(end + tail.count)].map(\.word) == tail {
                    end += tail.count
                    break
                }
            }
            let firstToken = stream[position].token, lastToken = stream[end - 1].token
            // "… thuộc UBND tỉnh", "… của UBND tỉnh": a qualifier of what comes before, not an agency of its own.
            let qualifier = position > 0 && (stream[position - 1].word == "thuoc" || (stream[position - 1].word == "cua" && found.contains { !$0.isQualifier }))
            found.append(
                Mention(
                    target: pattern.target, range: tokens[firstToken].range.lowerBound..<tokens[lastToken].range.upperBound,
                    tokens: firstToken..<(lastToken + 1), isFuzzy: fuzzy, isQualifier: qualifier))
            position = end
        }
        return found
    }

    private func candidates(for word: String, lenient: Bool) -> [Pattern] {
        if !lenient { return patterns[word] ?? [] }
        var out = patterns[word] ?? []
        for pattern in patternsBySkeleton[Self.skeleton(word)] ?? [] where pattern.words[0] != word && Self.nearlyEqual(pattern.words[0], word) {
            out.append(pattern)
        }
        return out.sorted { $0.words.count > $1.words.count }
    }

    /// A folded word with its vowels replaced by `*`.
    static func skeleton(_ word: String) -> String {
        String(word.map { "aeiouy".contains($0) ? "*" : $0 })
    }

    /// Two folded words of the same length that differ in one vowel only ("se"/"so", "vu"/"vo").
    static func nearlyEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a), y = Array(b)
        guard x.count == y.count, x.count >= 2 else { return false }
        var differences = 0
        for (p, q) in zip(x, y) where p != q {
            guard "aeiouy".contains(p), "aeiouy".contains(q) else { return false }
            differences += 1
        }
        return differences <= 1
    }

    /// Digits inside a word read as the letters OCR confuses them with: "s0" → "so", "n6i" → "noi".
    static func readingDigitsAsLetters(_ word: String) -> String {
        guard word.contains(where: \.isLetter), word.contains(where: \.isNumber) else { return word }
        let map: [Character: Character] = ["0": "o", "6": "o", "1": "i", "5": "s", "8": "b", "3": "e", "4": "a"]
        return String(word.map { map[$0] ?? $0 })
    }
}
