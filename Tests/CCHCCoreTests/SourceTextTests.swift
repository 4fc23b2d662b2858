import Foundation
import Testing

@testable import CCHCCore

/// The bytes of a string whose characters are all Latin-1: how legacy-encoded bytes look in Latin-1.
private func latin1(_ s: String) -> [UInt8] {
    s.unicodeScalars.map { scalar in
        precondition(scalar.value <= 0xFF, "not Latin-1: \(scalar)")
        return UInt8(scalar.value)
    }
}

private func utf8(_ s: String) -> [UInt8] { Array(s.utf8) }

private func decoded(_ bytes: [UInt8]) -> DecodedText? {
    try? SourceText.decode(bytes).get()
}

private func failure(_ bytes: [UInt8]) -> SourceTextError? {
    if case .failure(let error) = SourceText.decode(bytes) { return error }
    return nil
}

/// Three phrases in each legacy encoding, written out by hand from the encodings' tables (shown as Latin-1).
enum LegacySamples {
    static let unicode = ["Cộng hòa xã hội chủ nghĩa Việt Nam", "Sở Nội vụ", "Kế hoạch thực hiện nhiệm vụ"]

    /// TCVN3 (the first as in domain.md, spelling "hoà"): ộ=E9 à=B5 ã=B7 ủ=F1 ĩ=DC ệ=D6 ở=EB ụ=F4 ế=D5 ạ=B9 ự=F9.
    static let tcvn3 = [
        latin1("C\u{E9}ng ho\u{B5} x\u{B7} h\u{E9}i ch\u{F1} ngh\u{DC}a Vi\u{D6}t Nam"),
        latin1("S\u{EB} N\u{E9}i v\u{F4}"),
        latin1("K\u{D5} ho\u{B9}ch th\u{F9}c hi\u{D6}n nhi\u{D6}m v\u{F4}"),
    ]

    /// VNI: marks after the vowel (E4 ^+dot, F8 grave, F5 tilde, FB hook, E1 ^+acute, EF dot); F3 ĩ, F4 ơ, F6 ư.
    static let vni = [
        latin1("Co\u{E4}ng ho\u{F8}a xa\u{F5} ho\u{E4}i chu\u{FB} ngh\u{F3}a Vie\u{E4}t Nam"),
        latin1("S\u{F4}\u{FB} No\u{E4}i vu\u{EF}"),
        latin1("Ke\u{E1} hoa\u{EF}ch th\u{F6}\u{EF}c hie\u{E4}n nhie\u{E4}m vu\u{EF}"),
    ]

    /// Windows-1258: ô=F4 ê=EA ơ=F5 ư=FD, then a combining tone: CC grave, EC acute, D2 hook, DE tilde, F2 dot.
    static let windows1258 = [
        latin1("C\u{F4}\u{F2}ng ho\u{CC}a xa\u{DE} h\u{F4}\u{F2}i chu\u{D2} nghi\u{DE}a Vi\u{EA}\u{F2}t Nam"),
        latin1("S\u{F5}\u{D2} N\u{F4}\u{F2}i vu\u{F2}"),
        latin1("K\u{EA}\u{EC} hoa\u{F2}ch th\u{FD}\u{F2}c hi\u{EA}\u{F2}n nhi\u{EA}\u{F2}m vu\u{F2}"),
        // With the precomposed letters Windows-1258 also has: "Thành phố Hà Nội".
        latin1("Th\u{E0}nh ph\u{F4}\u{EC} H\u{E0} N\u{F4}\u{F2}i"),
    ]
}

struct LegacyEncodingTests {
    @Test(arguments: 0..<3)
    func samplesDecodeToTheirUnicodeText(index: Int) {
        let expected = LegacySamples.unicode[index]
        // The TCVN3 sample is domain.md's, which spells "hoà" (old tone placement).
        let tcvn3Expected = index == 0 ? "Cộng hoà xã hội chủ nghĩa Việt Nam" : expected
        #expect(LegacyEncoding.tcvn3.decodeForGuessing(LegacySamples.tcvn3[index]) == tcvn3Expected)
        #expect(LegacyEncoding.vni.decodeForGuessing(LegacySamples.vni[index]) == expected)
        #expect(LegacyEncoding.windows1258.decodeForGuessing(LegacySamples.windows1258[index]) == expected)
    }

    @Test(arguments: LegacySamples.tcvn3)
    func tcvn3IsRecognised(bytes: [UInt8]) {
        #expect(LegacyEncoding.guess(bytes) == .tcvn3)
    }

    @Test(arguments: LegacySamples.vni)
    func vniIsRecognised(bytes: [UInt8]) {
        #expect(LegacyEncoding.guess(bytes) == .vni)
    }

    @Test(arguments: LegacySamples.windows1258)
    func windows1258IsRecognised(bytes: [UInt8]) {
        #expect(LegacyEncoding.guess(bytes) == .windows1258)
    }

    @Test func aWholeFileIsScored() {
        let file = Array(LegacySamples.vni.joined(separator: Array("\r\n".utf8)))
        #expect(LegacyEncoding.guess(file) == .vni)
        let tcvn = Array(LegacySamples.tcvn3.joined(separator: [0x0A]))
        #expect(LegacyEncoding.guess(tcvn) == .tcvn3)
    }

    @Test(arguments: LegacySamples.unicode + ["ASCII only", "Thành phố Hà Nội", ""])
    func utf8IsNeverFlagged(text: String) {
        #expect(LegacyEncoding.guess(Array(text.utf8)) == nil)
        #expect(LegacyEncoding.guess(Array(text.decomposedStringWithCanonicalMapping.utf8)) == nil)
    }

    @Test func nonVietnameseBytesGiveNil() {
        #expect(LegacyEncoding.guess(latin1("Le caf\u{E9} cr\u{E8}me \u{E0} Paris")) == nil)
        #expect(LegacyEncoding.guess([0xFF, 0xFE, 0x00, 0x41]) == nil)
        // UTF-8 Vietnamese with one stray byte is not a legacy encoding.
        #expect(LegacyEncoding.guess(Array("Cộng hòa xã hội chủ nghĩa Việt Nam".utf8) + [0xFF]) == nil)
    }

    @Test func displayNames() {
        #expect(LegacyEncoding.tcvn3.displayName == "TCVN3 (ABC)")
        #expect(LegacyEncoding.vni.displayName == "VNI")
        #expect(LegacyEncoding.windows1258.displayName == "Windows-1258")
    }

    @Test(arguments: [
        ("việt", true), ("Nguyễn", true), ("người", true), ("giường", true), ("quyết", true), ("khuỷu", true),
        ("NGHIÊNG", true), ("Đắk", true), ("gì", true),
        ("héi", false), ("hoµ", false), ("chñ", false), ("nghÜa", false), ("Coäng", false), ("café", false),
        ("xaừ", false), ("Cơịng", false), ("mắả", false),
    ])
    func syllableCheck(word: String, plausible: Bool) {
        let scalars = Array(word.decomposedStringWithCanonicalMapping.unicodeScalars)
        #expect(VietnameseSyllable.isPlausible(scalars) == plausible)
    }
}

struct SourceTextTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("\u{FEFF}with BOM", "with BOM"),
        ("a\r\nb\r\n", "a\nb\n"),
        ("a\rb\rc", "a\nb\nc"),
        ("a\r\r\nb\n\rc", "a\n\nb\n\nc"),
        ("\u{FEFF}Sở\r\nNội vụ", "Sở\nNội vụ"),
        ("", ""),
    ])
    func decodes(input: String, expected: String) throws {
        let result = try #require(decoded(Array(input.utf8)))
        #expect(Array(result.text.utf8) == Array(expected.utf8))
        #expect(result.warnings.isEmpty)
    }

    @Test(arguments: ["Sở Nội vụ", "Cộng hòa xã hội chủ nghĩa Việt Nam", "Ủy ban nhân dân tỉnh Đắk Lắk", "Nghệ An"])
    func nfdAndNFCGiveIdenticalBytes(text: String) throws {
        let nfc = text.precomposedStringWithCanonicalMapping
        let nfd = text.decomposedStringWithCanonicalMapping
        #expect(Array(nfc.utf8) != Array(nfd.utf8))
        let fromNFD = try #require(decoded(Array(nfd.utf8)))
        let fromNFC = try #require(decoded(Array(nfc.utf8)))
        #expect(Array(fromNFD.text.utf8) == Array(nfc.utf8))
        #expect(Array(fromNFC.text.utf8) == Array(nfc.utf8))
    }

    @Test func tonePlacementIsKept() throws {
        // NFC does not move tone marks: "Uỷ" and "Ủy" stay different spellings.
        let text = try #require(decoded(Array("Uỷ và Ủy".utf8))).text
        #expect(Array(text.utf8) == Array("Uỷ và Ủy".utf8))
    }

    /// Bytes with a bad byte, and the line and column the error must name.
    static let invalidCases: [(bytes: [UInt8], line: Int, column: Int)] = [
        (utf8("ab\ncd") + [0xFF] + utf8("ef"), 2, 3),
        (utf8("a\r\nb\r\nxyz") + [0xFF], 3, 4),
        (utf8("a\rb") + [0xFF], 2, 2),
        (utf8("a\r") + [0xFF], 2, 1),
        (utf8("Sở") + [0xC0, 0x80], 1, 3),
        (utf8("So\u{31B}\u{309}") + [0x80], 1, 3),
        ([0xEF, 0xBB, 0xBF] + utf8("a") + [0xFF], 1, 2),
        (utf8("a") + [0xE1, 0xBB] + utf8("b"), 1, 2),
        (utf8("x") + [0xED, 0xA0, 0x80], 1, 2),
        ([0xF4, 0x90, 0x80, 0x80], 1, 1),
        (utf8("dòng 1\ndòng 2\ntrạng thái: ") + [0xE1, 0xBB], 3, 13),
    ]

    @Test(arguments: invalidCases)
    func invalidUTF8Position(bytes: [UInt8], line: Int, column: Int) throws {
        let error = try #require(failure(bytes))
        guard case .notUTF8(let gotLine, let gotColumn, _) = error else { return }
        #expect(gotLine == line)
        #expect(gotColumn == column)
    }

    @Test func legacyFilesAreRefusedNamingTheEncoding() {
        #expect(failure(LegacySamples.tcvn3[0]) == .notUTF8(line: 1, column: 2, likely: .tcvn3))
        #expect(failure(LegacySamples.vni[0]) == .notUTF8(line: 1, column: 3, likely: .vni))
        #expect(failure(LegacySamples.windows1258[0]) == .notUTF8(line: 1, column: 2, likely: .windows1258))
        let file = Array("title: ".utf8) + LegacySamples.vni[1] + [0x0D, 0x0A] + LegacySamples.vni[2]
        #expect(failure(file) == .notUTF8(line: 1, column: 9, likely: .vni))
        #expect(failure([0x41, 0xFF]) == .notUTF8(line: 1, column: 2, likely: nil))
    }

    @Test func tcvn3ConvertedAsLatin1IsWarned() throws {
        let text = "Céng hoµ x· héi chñ nghÜa ViÖt Nam\nKÕ ho¹ch thùc hiÖn nhiÖm vô"
        let result = try #require(decoded(Array(text.utf8)))
        #expect(
            result.warnings == [
                "looks like TCVN3 (ABC) text converted to UTF-8 as Latin-1; convert it from TCVN3 with Unikey's converter"
            ])
    }

    @Test func vniConvertedAsLatin1IsWarned() throws {
        let text = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"
        let result = try #require(decoded(Array(text.utf8)))
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.contains("VNI") == true)
    }

    @Test func doubleEncodedUTF8IsWarned() throws {
        // "Kế hoạch thực hiện nhiệm vụ" as UTF-8 bytes read as Windows-1252 and saved again.
        let text = "Káº¿ hoáº¡ch thá»±c hiá»‡n nhiá»‡m vá»¥"
        let result = try #require(decoded(Array(text.utf8)))
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.contains("double-encoded") == true)
        let short = try #require(decoded(Array("Káº¿ hoáº¡ch".utf8)))
        #expect(short.warnings == [SourceText.doubleEncodedWarning])
    }

    @Test(arguments: [
        "Cộng hòa xã hội chủ nghĩa Việt Nam", "Hà Tây", "Thành phố Hà Nội", "Le café crème à Paris",
        "Cà Mau, Bé", "§ 3. Điều khoản", "Señor Müller", "Giá: 1.000 đồng · 85,95 điểm",
    ])
    func goodTextIsNotWarned(text: String) throws {
        let result = try #require(decoded(Array(text.utf8)))
        #expect(result.warnings.isEmpty)
    }
}

/// The one-pass survey of a file's bytes gives the answers of the separate passes it replaces.
struct SourceSurveyTests {
    @Test(arguments: [
        "plain ASCII\nline two", "Kế hoạch số 386/KH-UBND – nâng cao chỉ số", "Ke\u{302}\u{301} hoa\u{323}ch (NFD)",
        "KÃ¿ hoáº¡ch", "café naïve", "windows\r\nline ends\rand lone CR", "Đ € “quoted” ™ 😀", "ăâđêôơư ĂÂĐÊÔƠƯ", "",
        "100% – ổn định ÷ ×", "Ω ≤ ∞", "ÃÂ",
    ])
    func surveyMatchesTheSeparatePasses(_ text: String) {
        let survey = SourceText.Survey(Array(text.utf8))
        #expect(survey.invalidOffset == nil)
        #expect(survey.isKnownNFC == NFC.isKnownNFC(text))
        #expect(survey.isPlainlyVietnamese == SourceText.isPlainlyVietnamese(text))
        #expect(survey.hasCR == text.utf8.contains(0x0D))
        #expect(survey.hasNonASCII == text.utf8.contains { $0 >= 0x80 })
    }

    @Test(arguments: [[0xC3, 0x28], [0x61, 0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0x80], [0xC0, 0xAF]] as [[UInt8]])
    func bytesThatAreNotUTF8AreFoundWhereValidationFindsThem(_ bytes: [UInt8]) {
        let offset = UTF8Validation.firstInvalidOffset(bytes)
        #expect(offset != nil)
        #expect(SourceText.Survey(bytes).invalidOffset == offset)
    }
}
