import Foundation
import Testing

@testable import CCHCCharts

@Suite struct FormatTests {
    @Test func vietnameseNumbers() {
        #expect(VietnameseNumber.format(85.95) == "85,95")
        #expect(VietnameseNumber.format(83.8) == "83,80")
        #expect(VietnameseNumber.format(36525, decimals: 0) == "36.525")
        #expect(VietnameseNumber.format(1000, decimals: 0) == "1.000")
        #expect(VietnameseNumber.format(1234567.891) == "1.234.567,89")
        #expect(VietnameseNumber.format(-1.2) == "−1,20")
        #expect(VietnameseNumber.format(-0.001) == "0,00")
        #expect(VietnameseNumber.format(0.45, signed: true) == "+0,45")
        #expect(VietnameseNumber.format(-1.2, signed: true) == "−1,20")
        #expect(VietnameseNumber.format(0, signed: true) == "±0,00")
        #expect(VietnameseNumber.format(14.5, decimals: 2, trim: true) == "14,5")
        #expect(VietnameseNumber.format(100, decimals: 2, trim: true) == "100")
        #expect(VietnameseNumber.format(.nan) == "–")
        #expect(VietnameseNumber.percent(0.8448, decimals: 2) == "84,48%")
        #expect(VietnameseNumber.percent(0.845) == "84,5%")
        #expect(VietnameseNumber.percent(0.6) == "60%")
        #expect(VietnameseNumber.integer(-1000) == "−1.000")
    }

    @Test func englishNumbers() {
        #expect(VietnameseNumber.format(85.95, language: .en) == "85.95")
        #expect(VietnameseNumber.format(1000.5, decimals: 1, language: .en) == "1,000.5")
        #expect(VietnameseNumber.percent(0.845, language: .en) == "84.5%")
    }

    @Test func coordinates() {
        #expect(n(0) == "0")
        #expect(n(12.5) == "12.5")
        #expect(n(0.1 + 0.2) == "0.3")
        #expect(n(1.005) == "1" || n(1.005) == "1.01")
        #expect(n(-0.001) == "0")
        #expect(n(-3.14159) == "-3.14")
        #expect(n(7.04) == "7.04")
        #expect(n(.infinity) == "0")
        #expect(n(123456.78) == "123456.78")
    }

    @Test func dates() {
        #expect(ChartDate(1970, 1, 1).dayNumber == 0)
        #expect(ChartDate(2024, 3, 1).dayNumber - ChartDate(2024, 2, 28).dayNumber == 2)
        #expect(ChartDate(2023, 3, 1).dayNumber - ChartDate(2023, 2, 28).dayNumber == 1)
        for d in [ChartDate(2024, 2, 29), ChartDate(1999, 12, 31), ChartDate(2000, 1, 1), ChartDate(2030, 7, 4)] {
            #expect(ChartDate.fromDayNumber(d.dayNumber) == d)
        }
        #expect(ChartDate(2024, 6, 8).description == "08/06/2024")
        #expect(ChartDate(2024, 6, 8).iso == "2024-06-08")
        #expect(ChartDate(2024, 6, 8) < ChartDate(2024, 6, 9))
    }

    @Test(arguments: ChartLanguage.allCases)
    func sentenceLabelsAreTheLabelsLowercased(language: ChartLanguage) {
        for state in TaskState.allCases {
            #expect(state.sentenceLabel(language) == state.label(language).lowercased(), "\(state)")
        }
    }

    @Test func ticks() {
        #expect(niceTicks(low: 0, high: 100) == [0, 25, 50, 75, 100])
        #expect(niceTicks(low: 10, high: 80) == [20, 40, 60, 80] || niceTicks(low: 10, high: 80).first == 10)
        #expect(niceTicks(low: 0, high: 0) == [0])
    }

    @Test func cellTextContrast() {
        // Every ramp step keeps its printed value at 4.5:1 or better.
        for i in 0...100 {
            let rgb = Palette.ramp(Double(i) / 100)
            let l = Palette.luminance(rgb)
            let text = Palette.textOn(rgb)
            let ratio = text == "#000000" ? (l + 0.05) / 0.05 : 1.05 / (l + 0.05)
            #expect(ratio >= 4.5, "share \(i)%: \(ratio)")
        }
        // Text inks on white.
        for ink in [(0x1a, 0x1a, 0x1a), (0x59, 0x59, 0x59)] {
            let l = Palette.luminance((Double(ink.0), Double(ink.1), Double(ink.2)))
            #expect(1.05 / (l + 0.05) >= 4.5)
        }
    }
}

@Suite struct TextMetricsTests {
    /// The fast uppercase answer must be Unicode's for every Latin scalar it decides itself.
    @Test func uppercaseFastPathAgreesWithUnicode() {
        for v in UInt32(0xC0)...0x24F where Unicode.Scalar(v) != nil {
            let s = Unicode.Scalar(v)!
            #expect(TextMetrics.isUppercase(s) == s.properties.isUppercase, "U+\(String(v, radix: 16))")
        }
        for v in UInt32(0x1E00)...0x1EFF {
            let s = Unicode.Scalar(v)!
            #expect(TextMetrics.isUppercase(s) == s.properties.isUppercase, "U+\(String(v, radix: 16))")
        }
    }

    /// Strings that mix the characters around which splitting bytes and splitting characters could disagree.
    static var awkwardTexts: [String] {
        let pieces = [
            " ", "  ", "\t", "\n", "\r", "\r\n", "a", "Đ", "ư", "ộ", "–", "…", "\u{301}", "\u{200D}", "\u{600}",
            "\u{903}", "\u{1F600}", "\u{1F3FB}", "\u{A0}", "\u{3000}", "e\u{301}", "x",
        ]
        var texts = ["", "Sở Nội vụ", " Sở  Nội\tvụ \n", "Ủy ban nhân dân huyện Chợ Đồn (tỉnh Bắc Kạn) – đợt 2…"]
        // Every pair and many triples, deterministically.
        for a in pieces { for b in pieces { texts.append("w" + a + b + "z") } }
        for (i, a) in pieces.enumerated() {
            for (j, b) in pieces.enumerated() where (i + j) % 3 == 0 {
                for c in pieces where c.count == 1 { texts.append(a + b + " " + c + a) }
            }
        }
        return texts
    }

    /// Measuring over UTF-8 bytes adds the same advances, in the same order, as going through the scalars, and tells
    /// single-spaced text: no space at either end, no two spaces together, no tab or line feed.
    @Test func oneBytePassMeasuresAsTheScalarsDo() {
        for text in Self.awkwardTexts + ["\u{10FFFF}ạ€\u{7F}", String(repeating: "Ẫ", count: 40)] {
            let measured = TextMetrics.measure(text)
            let em = text.unicodeScalars.reduce(0.0) { $0 + TextMetrics.advance($1) }
            #expect(measured.em.bitPattern == em.bitPattern, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            let bytes = Array(text.utf8)
            let singleSpaced =
                !bytes.isEmpty && bytes.first != 0x20 && bytes.last != 0x20 && !bytes.contains(0x09) && !bytes.contains(0x0A)
                && !zip(bytes, bytes.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 }
            #expect(measured.singleSpaced == singleSpaced, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(TextMetrics.width(text, fontSize: 15) == em * 15)
        }
    }

    /// Splitting into words by bytes, when it is taken, must give what splitting by characters gives.
    @Test func wordsAreThoseOfACharacterSplit() {
        for text in Self.awkwardTexts {
            let expected = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
            #expect(TextMetrics.words(text) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// The quick answer to "does the last line hold a space" must be Foundation's.
    @Test func spaceTestAgreesWithFoundation() {
        for text in Self.awkwardTexts {
            #expect(TextMetrics.containsSpace(text) == text.contains(" "), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Wrapping measures a growing line word by word; it must agree with measuring each candidate line whole.
    @Test func greedyLinesFitAndAreMaximal() {
        let text = "Ủy ban nhân dân huyện Chợ Đồn triển khai thực hiện Kế hoạch cải cách hành chính năm 2025 của tỉnh"
        let fontSize = 12.0
        for maxWidth in stride(from: 60.0, through: 400.0, by: 7.0) {
            let (lines, truncated) = TextMetrics.wrap(text, maxWidth: maxWidth, fontSize: fontSize, maxLines: 40)
            #expect(!truncated)
            #expect(lines.joined(separator: " ") == text)
            for (i, line) in lines.enumerated() {
                #expect(TextMetrics.width(line, fontSize: fontSize) <= maxWidth || !line.contains(" "), "\(maxWidth): \(line)")
                // Greedy: the next line's first word would not have fitted (the last two lines may be rebalanced).
                if i + 2 < lines.count, let next = lines[i + 1].split(separator: " ").first {
                    #expect(TextMetrics.width(line + " " + next, fontSize: fontSize) > maxWidth, "\(maxWidth): \(line)")
                }
            }
        }
    }
}
