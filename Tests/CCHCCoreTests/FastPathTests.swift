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
        kept.append(
            contentsOf: text.unicodeScalars.filter { ($0.value >= 0x20 && $0.value != 0xFFFE && $0.value != 0xFFFF) || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        return [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&apos;"), ("\r", "&#13;")].reduce(String(kept)) {
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
        "cr\r\n", "bell\u{7}", "\u{1F}x", "non\u{FFFE}char", "e\u{301}&", "Kế hoạch “năm 2025” – đợt 2…",
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
                #expect(made.href == SitePaths.link(from: page, to: SitePaths.agency(agency.id)))
            }
            for plan in loaded.site.plans {
                for task in plan.tasks {
                    let made = LinkTables.task(task.id, loaded.lookup.tasks[task.id], plan: loaded.lookup.plans[plan.id], root: root)
                    #expect(tasks[task.id] == made)
                    #expect(made.planHref == SitePaths.link(from: page, to: SitePaths.plan(plan.id)))
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
