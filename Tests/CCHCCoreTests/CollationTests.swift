import CCHCSynthetic
import Foundation
import Testing

@testable import CCHCCore

struct CollationTests {
    static let provinces = [
        "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bình Dương", "Cà Mau", "Đà Nẵng", "Đắk Lắk", "Điện Biên",
    ]

    /// The first three levels of a key (everything before the byte-wise tie-break).
    static func levels(_ s: String) -> ArraySlice<UInt32> {
        let weights = VietnameseCollation.key(s).weights
        var separators = 0
        for (index, weight) in weights.enumerated() where weight == 0 {
            separators += 1
            if separators == 3 { return weights[..<index] }
        }
        return weights[...]
    }

    @Test func provincesSortInVietnameseOrder() {
        for seed in 0..<5 {
            var generator = SplitMix(seed: UInt64(seed))
            let shuffled = Self.provinces.shuffled(using: &generator)
            #expect(shuffled.sorted(by: VietnameseCollation.areInIncreasingOrder) == Self.provinces)
            #expect(VietnameseCollation.sorted(shuffled) == Self.provinces)
        }
    }

    @Test(arguments: [
        ["ma", "mà", "mả", "mã", "má", "mạ"],
        [
            "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n",
            "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
        ],
        ["ma", "Ma", "mà", "Mà"],
        ["a", "A", "à"],
        ["Bắc", "Bắc Giang", "Bắc Kạn"],
        ["a b", "a-b", "a1", "a2", "aa"],
        [" ", ".", "0", "1", "9", "a"],
        ["10", "2", "a"],
        ["Hà Nam", "Hà Năm", "Hà Nội"],
        ["Sở Nội vụ", "Sở Tài chính", "Sở Thông tin và Truyền thông", "Sở Tư pháp"],
        ["cafe", "café", "cafes"],
        ["Uy", "Ủy", "Uya"],
        ["thuong", "thương", "thượng", "tuong"],
    ])
    func strictOrder(expected: [String]) {
        for (a, b) in zip(expected, expected.dropFirst()) {
            #expect(VietnameseCollation.areInIncreasingOrder(a, b), "\(a) < \(b)")
            #expect(!VietnameseCollation.areInIncreasingOrder(b, a), "not \(b) < \(a)")
        }
        #expect(expected.reversed().sorted(by: VietnameseCollation.areInIncreasingOrder) == expected)
    }

    @Test func everyDStrokeSortsAfterDAndBeforeE() {
        let ds = ["D", "Dương", "Duyên Hải", "Dĩ An", "Dzũng", "dừa"]
        let dStrokes = ["Đ", "Đà Nẵng", "Đắk Lắk", "Điện Biên", "Đồng Nai", "đường"]
        let es = ["E", "Ea Súp", "Eakar", "ép", "Ê Đê"]
        for d in ds {
            for dStroke in dStrokes {
                #expect(VietnameseCollation.areInIncreasingOrder(d, dStroke), "\(d) < \(dStroke)")
                for e in es {
                    #expect(VietnameseCollation.areInIncreasingOrder(dStroke, e), "\(dStroke) < \(e)")
                }
            }
        }
    }

    @Test func codePointOrderWouldFail() {
        // Đ is U+0110, after every ASCII letter: the key must not follow it.
        #expect(VietnameseCollation.areInIncreasingOrder("Đà Nẵng", "Yên Bái"))
        #expect(VietnameseCollation.areInIncreasingOrder("Ấn", "B"))
    }

    @Test(arguments: ["Đắk Lắk", "Thừa Thiên Huế", "Ủy ban nhân dân", "Nghệ An", "Kế hoạch thực hiện nhiệm vụ"])
    func nfcAndNFDGiveTheSameKey(text: String) {
        let nfc = text.precomposedStringWithCanonicalMapping
        let nfd = text.decomposedStringWithCanonicalMapping
        #expect(Array(nfc.unicodeScalars) != Array(nfd.unicodeScalars))
        #expect(VietnameseCollation.key(nfc) == VietnameseCollation.key(nfd))
        #expect(VietnameseCollation.key(nfc).hashValue == VietnameseCollation.key(nfd).hashValue)
    }

    @Test func tonePlacementTiesUntilTheLastLevel() {
        let old = "Uỷ ban nhân dân tỉnh", new = "Ủy ban nhân dân tỉnh"
        #expect(Self.levels(old) == Self.levels(new))
        #expect(VietnameseCollation.key(old) != VietnameseCollation.key(new))
        // Exactly one order, the same every time.
        #expect(VietnameseCollation.areInIncreasingOrder(old, new) != VietnameseCollation.areInIncreasingOrder(new, old))
        for other in ["Uy ban nhân dân tỉnh", "Ủy ban nhân dân huyện", "Ủy ban nhân dân tỉnh Bắc Giang", "Văn phòng"] {
            #expect(VietnameseCollation.areInIncreasingOrder(other, old) == VietnameseCollation.areInIncreasingOrder(other, new))
        }
        #expect(Self.levels("hoà") == Self.levels("hòa"))
        #expect(Self.levels("thuỷ") == Self.levels("thủy"))
    }

    @Test func sortingIsTotalAndDeterministic() {
        let words = Self.provinces + ["Uỷ", "Ủy", "uỷ", "ủy", "Hòa", "Hoà", "hòa", "Hà Nam", "Hà Năm", "", " ", "1", "A"]
        let expected = words.sorted(by: VietnameseCollation.areInIncreasingOrder)
        for seed in 0..<10 {
            var generator = SplitMix(seed: UInt64(seed))
            #expect(words.shuffled(using: &generator).sorted(by: VietnameseCollation.areInIncreasingOrder) == expected)
        }
        for a in words {
            #expect(!VietnameseCollation.areInIncreasingOrder(a, a))
            for b in words where a != b {
                #expect(VietnameseCollation.areInIncreasingOrder(a, b) != VietnameseCollation.areInIncreasingOrder(b, a))
            }
        }
    }

    @Test func keysAreEqualOnlyForTheSameNFCText() {
        #expect(VietnameseCollation.key("Sở") == VietnameseCollation.key("S\u{6F}\u{31B}\u{309}"))
        #expect(VietnameseCollation.key("Sở") != VietnameseCollation.key("sở"))
        #expect(VietnameseCollation.key("") < VietnameseCollation.key("a"))
    }
}
