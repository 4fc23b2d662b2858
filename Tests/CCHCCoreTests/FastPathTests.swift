import CCHCSynthetic
import Foundation
import Testing

@testable import CCHCCore

/// The shortcuts taken for speed give what the plain ways give.
@Suite struct FastPathTests {
    /// XML escaping said another way: the forbidden controls filtered out, then each special
    /// character replaced, `&` first.
    private static func escapeByReplacing(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" })
        return [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&apos;")].reduce(String(kept)) {
            $0.replacingOccurrences(of: $1.0, with: $1.1, options: .literal)
        }
    }

    /// A JSON object keeps its keys sorted as they are added, so it is written sorted without sorting.
    @Test func jsonObjectsStaySortedAsKeysAreAdded() {
        var object: JSONValue.Object = ["state": .string("done"), "agency": .string("so-noi-vu"), "Z": .int(1), "đ": .bool(true)]
        for key in ["period", "a", "zz", "due", "agency_2", "~", "Đ"] { object[key] = .string(key) }
        object["state"] = .string("overdue")
        object["zz"] = nil
        let keys = object.members.map(\.0)
        #expect(keys == keys.sorted { $0.utf8Precedes($1) })
        #expect(Set(keys) == ["state", "agency", "Z", "đ", "period", "a", "due", "agency_2", "~", "Đ"])
        #expect(object["state"].map { if case .string(let s) = $0 { s } else { "" } } == "overdue")
        var out: [UInt8] = []
        JSONText.write(.object(object), indent: 0, into: &out)
        let written = String(decoding: out, as: UTF8.self).split(separator: "\n").dropFirst().dropLast()
            .map { $0.split(separator: "\"")[1] }.map(String.init)
        #expect(written == keys)
    }

    @Test(arguments: [
        "", "https://example.gov.vn/cchc/nhiem-vu/kh-1/nv-1/", "Sở Nội vụ: 85,95%", "a&b", "<b>", "\"x\" 'y'", "tab\tline\nend",
        "cr\r\n", "bell\u{7}", "\u{1F}x", "e\u{301}&", "Kế hoạch “năm 2025” – đợt 2…",
    ])
    func xmlEscapingShortcutGivesTheSameText(_ text: String) {
        #expect(XML.escape(text) == Self.escapeByReplacing(text))
    }

    /// The front matter split as it was first written: over characters, line by line.
    private static func splitByLines(_ text: String) -> (yaml: String, body: String)? {
        guard text.hasPrefix("---\n") || text == "---" else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeFirst()
        guard let end = lines.firstIndex(where: { $0 == "---" || $0 == "..." || $0.trimmingSpaces == "---" }) else { return nil }
        return (lines[..<end].joined(separator: "\n"), lines[(end + 1)...].joined(separator: "\n"))
    }

    @Test(arguments: [
        "---", "---\n", "---\n---", "---\n---\n", "---\n\n---\n", "---\na: 1\n---\nbody\n", "---\na: 1\n---\n\n# Tiêu đề\n\nđoạn\n",
        "---\na: 1\n...\nbody", "---\na: 1\n  ---\t\nbody", "---\na: 1\nb: ---\n", "---\nno close\n", "--- \na: 1\n---\n",
        "---\ntitle: \"Kế hoạch\"\n---\n---\nafter a second rule\n", "---\ne\u{301}: x\n---\n\u{301}body", "x\n---\na\n---\n",
    ])
    func frontMatterSplitsAsLineByLine(_ text: String) {
        let fast = PlanLoader.splitFrontMatter(text), plain = Self.splitByLines(text)
        #expect(fast?.yaml == plain?.yaml)
        #expect(fast?.body == plain?.body)
        #expect((fast == nil) == (plain == nil))
    }

    @Test(arguments: [
        "Kế hoạch cải cách hành chính năm 2025", "Sở Nội vụ – Phòng CCHC", "Kế hoạch “năm 2025”", "Kế hoạch … tiếp",
        "Káº¿ hoáº¡ch thá»±c hiá»‡n", "Kế hoạch và Káº¿ hoáº¡ch thá»±c", "C\u{E9}ng ho\u{B5} x\u{B7} h\u{E9}i", "plain ASCII", "café ¿qué?",
        "Ðà Nẵng", "đ", "",
    ])
    func plainlyVietnameseTextHasNoWarnings(_ text: String) {
        let text = NFC.normalize(text)
        #expect(SourceText.misconversionWarnings(text) == SourceText.scannedMisconversionWarnings(text))
        if SourceText.isPlainlyVietnamese(text) { #expect(SourceText.scannedMisconversionWarnings(text).isEmpty) }
    }

    @Test func doubleEncodedTextIsNotTakenForPlainVietnamese() {
        #expect(!SourceText.isPlainlyVietnamese("Kế hoạch và Káº¿ hoáº¡ch thá»±c"))
        #expect(SourceText.isPlainlyVietnamese("Kế hoạch cải cách hành chính"))
        #expect(!SourceText.isPlainlyVietnamese("plain ASCII"))
    }

    @Test func csvQuotesFieldsThatNeedIt() {
        let rows = [["mã", "tên"], ["a,b", "nói \"có\""], ["dòng 1\ndòng 2", "x\ry"], ["", "Sở Nội vụ"]]
        let expected = "\u{FEFF}mã,tên\r\n\"a,b\",\"nói \"\"có\"\"\"\r\n\"dòng 1\ndòng 2\",\"x\ry\"\r\n,Sở Nội vụ\r\n"
        #expect(DataFiles.csv(rows) == Array(expected.utf8))
    }

    @Test func jsonEscapesAndSortsKeysByBytes() {
        let object: JSONValue = [
            "b": .list([.int(1), .double(2.5), .bool(true), .string("x\"\\\n\t\u{1}")]), "a": .object([:]), "Đ": .list([]),
            "B": .string("y"),
        ]
        let expected = "{\n  \"B\" : \"y\",\n  \"a\" : {},\n  \"b\" : [\n    1,\n    2.5,\n    true,\n    \"x\\\"\\\\\\n\\t\\u0001\"\n  ],\n  \"Đ\" : []\n}\n"
        #expect(String(decoding: DataFiles.json(object), as: UTF8.self) == expected)
    }

    /// Every link table entry equals the link made for one page at that depth.
    @Test func linkTablesMatchLinksMadeForEachPage() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let loaded = try #require(SiteLoader.load(root: root).site)
        let tables = LinkTables(site: loaded.site)
        let pages = [
            SitePaths.plan(try #require(loaded.site.plans.first?.id)), SitePaths.updates(page: 2),
            SitePaths.task(try #require(loaded.site.plans.first?.tasks.first?.id)),
        ]
        for page in pages {
            let agencies = try #require(tables.agencies(from: page)), tasks = try #require(tables.tasks(from: page))
            let root = SitePaths.root(of: page)
            #expect(agencies.entries.count == loaded.site.agencies.count)
            for agency in loaded.site.agencies {
                let made = LinkTables.agency(agency.id, loaded.lookup.agencies[agency.id], root: root)
                #expect(agencies[agency.id] == made)
                #expect(made.text("href") == SitePaths.link(from: page, to: SitePaths.agency(agency.id)))
            }
            for plan in loaded.site.plans {
                for task in plan.tasks {
                    let made = LinkTables.task(task.id, loaded.lookup.tasks[task.id], plan: loaded.lookup.plans[plan.id], root: root)
                    #expect(tasks[task.id] == made)
                    #expect(made.text("plan_href") == SitePaths.link(from: page, to: SitePaths.plan(plan.id)))
                }
            }
        }
        // Pages nearer the root, and deeper than any page, make their own links.
        for page in [SitePaths.dashboard, SitePaths.plans, "a/b/c/d/index.html"] {
            #expect(tables.agencies(from: page) == nil && tables.tasks(from: page) == nil)
        }
    }
}

@Suite struct DayFormatTests {
    @Test(arguments: [
        (1, 1, 1, "0001-01-01", "01/01/1"), (99, 12, 31, "0099-12-31", "31/12/99"), (999, 2, 9, "0999-02-09", "09/02/999"),
        (2024, 2, 29, "2024-02-29", "29/02/2024"), (9999, 10, 10, "9999-10-10", "10/10/9999"),
    ])
    func daysAreWrittenWithLeadingZeros(year: Int, month: Int, day: Int, iso: String, vietnamese: String) throws {
        let date = try #require(Day(year: year, month: month, day: day))
        #expect(date.iso == iso)
        #expect(date.vietnamese == vietnamese)
        #expect(date.description == iso)
    }
}

@Suite struct ByteOrderTests {
    @Test func utf8PrecedesIsByteOrder() {
        let texts = [
            "", "a", "ab", "b", "Z", "a/b", "a-b", "kế hoạch", "ke hoach", "kế", "Đà Nẵng", "đ", "e\u{301}", "é",
            "content/progress/2024/q1/so-noi-vu.yml", "content/progress/2024/q1/so-noi-vu-2.yml", String(repeating: "x", count: 40),
        ]
        for a in texts {
            for b in texts {
                #expect(a.utf8Precedes(b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) \(b)")
            }
        }
    }

    @Test func wwwIsFoundInAnyCase() {
        #expect(Markdown.plainInline("xem www.example.gov.vn") == nil)
        #expect(Markdown.plainInline("xem WwW.example.gov.vn") == nil)
        #expect(Markdown.plainInline("ww.w và wwww.") == nil)
        #expect(Markdown.plainInline("www và w.") == "www và w.")
    }
}

@Suite struct ByteSearchTests {
    @Test(arguments: [
        ("", ""), ("abc", ""), ("", "a"), ("abc", "abc"), ("abc", "abcd"), ("xxabcxx", "abc"), ("ababac", "abac"),
        ("aaa", "aab"), ("<p><input type=\"checkbox\" disabled=\"\" /> Việc</p>", "<input type=\"checkbox\""),
        ("kế hoạch", "hoạch"), ("kế hoạch", "hoach"), ("end a", "a"), ("a", "a"),
    ])
    func byteSearchFindsWhatTheStandardOneFinds(text: String, needle: String) {
        #expect(text.containsBytes(needle) == (text.utf8.firstRange(of: needle.utf8) != nil))
    }
}

/// Number formatting on bytes gives what it gave when it was built from characters.
@Suite struct NumberFormatTests {
    /// The first version: digits read from the description as characters, the result built from
    /// characters (the rounding between the two is shared).
    private static func reference(_ x: Double, scale: Int, digits requested: Int, trimZeros: Bool, language: VietnameseFormat.Language) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "-∞" : "∞" }
        let text = x.magnitude.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits: [UInt8] = []
        var beforePoint: Int?
        for ch in mantissa {
            if ch == "." { beforePoint = digits.count } else if let d = ch.wholeNumberValue { digits.append(UInt8(d)) }
        }
        var point = (beforePoint ?? digits.count) + exponent
        while digits.first == 0 {
            digits.removeFirst()
            point -= 1
        }
        if digits.isEmpty { point = 0 }
        if !digits.isEmpty { point += scale }
        let fractionDigits = max(0, requested)
        VietnameseFormat.round(&digits, point: &point, fractionDigits: fractionDigits)
        var integerPart = "", fractionPart = ""
        for index in 0..<max(point, 0) { integerPart.append(index < digits.count ? Character(String(digits[index])) : "0") }
        if integerPart.isEmpty { integerPart = "0" }
        for k in 0..<fractionDigits {
            let index = point + k
            fractionPart.append(index >= 0 && index < digits.count ? Character(String(digits[index])) : "0")
        }
        if trimZeros { while fractionPart.last == "0" { fractionPart.removeLast() } }
        let isZero = !digits.contains(where: { $0 != 0 })
        var result = x < 0 && !isZero ? "-" : ""
        result += VietnameseFormat.group(integerPart, separator: language.groupSeparator)
        if !fractionPart.isEmpty {
            result.append(language.decimalSeparator)
            result += fractionPart
        }
        return result
    }

    @Test func bytesGiveWhatCharactersGave() {
        var values: [Double] = [
            0, -0.0, 1, -1, 0.5, 0.05, 0.005, 0.0049, 0.845, 1.005, 9.995, 99.995, 999.5, 1000, 1234.5678, -1234.5678,
            85.95, 88, 8.1, 1e-7, 1.5e-5, 123456789.125, 1e14, 9.999999e15, 1e21, 3.0e-300, 0.3333333333333333, 2.0 / 3,
            .nan, .infinity, -.infinity,
        ]
        var generator = SplitMix(seed: 2026)
        for _ in 0..<2000 {
            let magnitude = Double.random(in: -8...12, using: &generator)
            values.append((Bool.random(using: &generator) ? -1 : 1) * pow(10, magnitude) * Double.random(in: 1..<10, using: &generator))
        }
        for x in values {
            for scale in [0, 2] {
                for digits in 0...3 {
                    for trim in [false, true] {
                        for language in VietnameseFormat.Language.allCases {
                            #expect(
                                VietnameseFormat.format(x, scale: scale, digits: digits, trimZeros: trim, language: language)
                                    == Self.reference(x, scale: scale, digits: digits, trimZeros: trim, language: language), "\(x)")
                        }
                    }
                }
            }
        }
    }
}
