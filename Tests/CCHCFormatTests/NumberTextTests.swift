import Testing

@testable import CCHCFormat

/// The one number rule of pages and charts (see ``NumberText``).
struct NumberTextTests {
    let vi = NumberText(.vi)
    let en = NumberText(.en)

    @Test(arguments: [
        (85.95, 2, "85,95"),
        (1000.5, 2, "1.000,50"),
        (-1.2, 2, "−1,20"),
        (0.0, 2, "0,00"),
        (-0.0, 2, "0,00"),
        (-0.001, 2, "0,00"),
        // The decimal spelling is rounded, not the binary value (1.00499999… in binary).
        (1.005, 2, "1,01"),
        (-1.005, 2, "−1,01"),
        (0.125, 2, "0,13"),
        (2.5, 0, "3"),
        (-2.5, 0, "−3"),
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
        #expect(vi.decimal(x, digits: digits) == expected)
    }

    @Test func decimalDefaultsToTwoDigits() {
        #expect(vi.decimal(85.9) == "85,90")
    }

    @Test(arguments: [
        (36525, "36.525"), (0, "0"), (999, "999"), (1000, "1.000"), (-1000, "−1.000"),
        (-1234567, "−1.234.567"), (100000, "100.000"), (Int.min, "−9.223.372.036.854.775.808"),
    ])
    func integer(n: Int, expected: String) {
        #expect(vi.integer(n) == expected)
    }

    @Test(arguments: [
        (0.845, 1, false, "84,5%"),
        (0.8448, 2, false, "84,48%"),
        (1.0, 1, false, "100,0%"),
        (1.0, 1, true, "100%"),
        (0.6, 1, true, "60%"),
        (0.0, 1, false, "0,0%"),
        (-0.0, 1, false, "0,0%"),
        (0.0005, 1, false, "0,1%"),
        (0.12345, 2, false, "12,35%"),
        (0.5, 0, false, "50%"),
        (12.5, 0, false, "1.250%"),
        (-0.031, 1, false, "−3,1%"),
    ])
    func percent(share: Double, digits: Int, trim: Bool, expected: String) {
        #expect(vi.percent(share, digits: digits, trim: trim) == expected)
    }

    @Test(arguments: [
        (85.95, 2, "85,95"), (88.0, 2, "88"), (8.10, 2, "8,1"), (0.004, 2, "0"), (-0.004, 2, "0"),
        (-0.0, 2, "0"), (1000.5, 2, "1.000,5"), (44.316, 2, "44,32"), (85.999, 2, "86"),
        (7.25, 1, "7,3"), (-3.5, 0, "−4"), (0.1234, 4, "0,1234"), (1.005, 2, "1,01"),
    ])
    func trimmed(x: Double, digits: Int, expected: String) {
        #expect(vi.trimmed(x, digits: digits) == expected)
    }

    @Test(arguments: [
        (0.45, true, "+0,45"), (-1.2, true, "−1,2"), (-1.2, false, "−1,20"), (0.0, true, "±0"), (0.0, false, "±0,00"),
        (-0.001, true, "±0"), (1.005, true, "+1,01"), (-1.005, true, "−1,01"),
    ])
    func change(x: Double, trim: Bool, expected: String) {
        #expect(vi.change(x, trim: trim) == expected)
    }

    @Test func english() {
        #expect(en.decimal(1000.5) == "1,000.50")
        #expect(en.decimal(1000.5, digits: 1) == "1,000.5")
        #expect(en.decimal(-1.2) == "−1.20")
        #expect(en.integer(36525) == "36,525")
        #expect(en.percent(0.845) == "84.5%")
        #expect(en.trimmed(85.95) == "85.95")
        #expect(en.trimmed(1234.0) == "1,234")
    }

    @Test func nonFiniteValuesAreADash() {
        #expect(vi.decimal(.nan) == "–")
        #expect(vi.decimal(.infinity) == "–")
        #expect(vi.trimmed(-.infinity) == "–")
        #expect(vi.percent(.nan) == "–")
    }
}
