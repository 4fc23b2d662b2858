import Testing

@testable import CCHCCore

struct FormatTests {
    @Test(arguments: [
        (85.95, 2, "85,95"),
        (1000.5, 2, "1.000,50"),
        (-1.2, 2, "-1,20"),
        (0.0, 2, "0,00"),
        (-0.0, 2, "0,00"),
        (-0.001, 2, "0,00"),
        (1.005, 2, "1,01"),
        (-1.005, 2, "-1,01"),
        (0.125, 2, "0,13"),
        (2.5, 0, "3"),
        (-2.5, 0, "-3"),
        (0.05, 1, "0,1"),
        (44.31, 1, "44,3"),
        (85.95, 4, "85,9500"),
        (999.995, 2, "1.000,00"),
        (1234567.891, 2, "1.234.567,89"),
        (1e-7, 2, "0,00"),
        (0.004, 2, "0,00"),
        (0.005, 2, "0,01"),
        (1e16, 0, "10.000.000.000.000.000"),
        (36525, 0, "36.525"),
        (12.5, -1, "13"),
    ])
    func decimal(x: Double, digits: Int, expected: String) {
        #expect(VietnameseFormat.decimal(x, digits: digits) == expected)
    }

    @Test func decimalDefaultsToTwoDigits() {
        #expect(VietnameseFormat.decimal(85.9) == "85,90")
    }

    @Test(arguments: [
        (36525, "36.525"), (0, "0"), (999, "999"), (1000, "1.000"), (-1000, "-1.000"),
        (-1234567, "-1.234.567"), (100000, "100.000"), (Int.min, "-9.223.372.036.854.775.808"),
    ])
    func integer(n: Int, expected: String) {
        #expect(VietnameseFormat.integer(n) == expected)
    }

    @Test(arguments: [
        (0.845, 1, "84,5%"),
        (0.8448, 2, "84,48%"),
        (1.0, 1, "100,0%"),
        (0.0, 1, "0,0%"),
        (-0.0, 1, "0,0%"),
        (0.0005, 1, "0,1%"),
        (0.12345, 2, "12,35%"),
        (0.5, 0, "50%"),
        (12.5, 0, "1.250%"),
        (-0.031, 1, "-3,1%"),
    ])
    func percent(share: Double, digits: Int, expected: String) {
        #expect(VietnameseFormat.percent(share, digits: digits) == expected)
    }

    @Test func percentDefaultsToOneDigit() {
        #expect(VietnameseFormat.percent(0.845) == "84,5%")
        #expect(VietnameseFormat.percent(0.9) == "90,0%")
    }

    @Test(arguments: [
        (85.95, 2, "85,95"), (88.0, 2, "88"), (8.10, 2, "8,1"), (0.004, 2, "0"), (-0.004, 2, "0"),
        (-0.0, 2, "0"), (1000.5, 2, "1.000,5"), (44.316, 2, "44,32"), (85.999, 2, "86"),
        (7.25, 1, "7,3"), (-3.5, 0, "-4"), (0.1234, 4, "0,1234"),
    ])
    func trimmed(x: Double, maxDigits: Int, expected: String) {
        #expect(VietnameseFormat.trimmed(x, maxDigits: maxDigits) == expected)
    }

    @Test func english() {
        #expect(VietnameseFormat.decimal(1000.5, language: .en) == "1,000.50")
        #expect(VietnameseFormat.decimal(-1.2, language: .en) == "-1.20")
        #expect(VietnameseFormat.integer(36525, language: .en) == "36,525")
        #expect(VietnameseFormat.percent(0.845, language: .en) == "84.5%")
        #expect(VietnameseFormat.trimmed(85.95, language: .en) == "85.95")
        #expect(VietnameseFormat.trimmed(1234.0, language: .en) == "1,234")
    }

    @Test func nonFiniteValues() {
        #expect(VietnameseFormat.decimal(.nan) == "NaN")
        #expect(VietnameseFormat.decimal(.infinity) == "∞")
        #expect(VietnameseFormat.trimmed(-.infinity) == "-∞")
    }
}
