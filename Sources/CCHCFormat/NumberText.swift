/// The language of a site's own words (menus, labels, state names) and of its numbers.
///
/// One enum for the whole program: `language:` in site.yml, the words on pages, the numbers in
/// page text and in charts.
public enum SiteLanguage: String, Sendable, Hashable, CaseIterable {
    /// Vietnamese: decimal comma, dot thousands ("1.234,5").
    case vi
    /// English: decimal dot, comma thousands ("1,234.5").
    case en

    /// The decimal mark.
    var decimalMark: UInt8 { self == .vi ? UInt8(ascii: ",") : UInt8(ascii: ".") }
    /// The thousands mark.
    var groupMark: UInt8 { self == .vi ? UInt8(ascii: ".") : UInt8(ascii: ",") }
}

/// Numbers as the site writes them, in page text and in charts alike: "85,95", "36.525", "84,5%",
/// "−1,2", without Foundation's locales.
///
/// One rule everywhere:
/// - A value is rounded half away from zero **on its shortest decimal spelling** (the digits Swift
///   prints for the `Double`, which are the digits the YAML file gave): 1.005 is 1,01 with two
///   decimals, 0.845 is 84,5%; never on its binary value, which would make 1.005 into 1,00.
/// - A negative number carries the minus sign U+2212 "−"; a value that rounds to zero carries no sign.
/// - A value that is not finite is written "–".
public struct NumberText: Sendable, Hashable {
    /// The language whose marks to use.
    public var language: SiteLanguage

    /// The minus sign of every negative number.
    public static let minus = "\u{2212}"

    /// Numbers in `language`.
    public init(_ language: SiteLanguage = .vi) { self.language = language }

    /// `x` with exactly `digits` decimals and grouped thousands: 85.95 → "85,95", 1000.5 → "1.000,50".
    public func decimal(_ x: Double, digits: Int = 2) -> String {
        format(x, scale: 0, digits: digits, trimZeros: false, sign: .negativeOnly)
    }

    /// `x` rounded to at most `digits` decimals, trailing zeros dropped: 85.95 → "85,95", 88.0 → "88", 8.10 → "8,1".
    public func trimmed(_ x: Double, digits: Int = 2) -> String {
        format(x, scale: 0, digits: digits, trimZeros: true, sign: .negativeOnly)
    }

    /// A change, always signed: "+0,45", "−1,2", "±0"; with `trim` (the default) at most `digits`
    /// decimals, else exactly `digits`.
    public func change(_ x: Double, digits: Int = 2, trim: Bool = true) -> String {
        format(x, scale: 0, digits: digits, trimZeros: trim, sign: .always)
    }

    /// A share 0…1 as a percentage: 0.845 → "84,5%"; with `trim`, trailing zeros dropped (1 → "100%").
    public func percent(_ share: Double, digits: Int = 1, trim: Bool = false) -> String {
        guard share.isFinite else { return "–" }
        return format(share, scale: 2, digits: digits, trimZeros: trim, sign: .negativeOnly) + "%"
    }

    /// `n` with grouped thousands: 36525 → "36.525", -4 → "−4".
    public func integer(_ n: Int) -> String {
        var out: [UInt8] = []
        if n < 0 { out.append(contentsOf: NumberText.minus.utf8) }
        let digits = Array(String(n.magnitude).utf8)
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(language.groupMark) }
            out.append(digit)
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - The rule

    /// Which signs a number carries.
    enum Sign {
        /// "−" before a negative number only.
        case negativeOnly
        /// "+" or "−", and "±" before a zero.
        case always
    }

    /// `x × 10^scale` rounded half away from zero to `digits` decimals on its decimal spelling.
    func format(_ x: Double, scale: Int, digits requested: Int, trimZeros: Bool, sign: Sign) -> String {
        guard x.isFinite else { return "–" }
        let fractionDigits = max(0, requested)
        var (digits, point) = NumberText.decimalDigits(x)
        if !digits.isEmpty { point += scale }
        NumberText.round(&digits, point: &point, fractionDigits: fractionDigits)
        func digit(_ index: Int) -> UInt8 { UInt8(ascii: "0") + (index >= 0 && index < digits.count ? digits[index] : 0) }
        let isZero = !digits.contains { $0 != 0 }
        let integerCount = max(point, 1)
        var out: [UInt8] = []
        out.reserveCapacity(integerCount + integerCount / 3 + fractionDigits + 4)
        switch (sign, isZero) {
        case (_, false) where x < 0: out.append(contentsOf: NumberText.minus.utf8)
        case (.always, false): out.append(UInt8(ascii: "+"))
        case (.always, true): out.append(contentsOf: "±".utf8)
        default: break
        }
        for index in 0..<integerCount {
            if index > 0, (integerCount - index) % 3 == 0 { out.append(language.groupMark) }
            out.append(point > 0 ? digit(index) : UInt8(ascii: "0"))
        }
        var fractionCount = fractionDigits
        if trimZeros {
            while fractionCount > 0, digit(point + fractionCount - 1) == UInt8(ascii: "0") { fractionCount -= 1 }
        }
        if fractionCount > 0 {
            out.append(language.decimalMark)
            for k in 0..<fractionCount { out.append(digit(point + k)) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The decimal digits of `|x|` as Swift spells it shortest, and how many of them stand before
    /// the point (may be ≤ 0 or more than the count).
    static func decimalDigits(_ x: Double) -> (digits: [UInt8], pointPosition: Int) {
        // The description is ASCII: digits, ".", and "e" with a signed exponent.
        let text = x.magnitude.description.utf8
        var digits: [UInt8] = []
        digits.reserveCapacity(text.count)
        var beforePoint: Int?
        var exponent = 0
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                exponent = Int(Substring(text[text.index(after: index)...])) ?? 0
                break
            }
            if byte == UInt8(ascii: ".") {
                beforePoint = digits.count
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                digits.append(byte - UInt8(ascii: "0"))
            }
            index = text.index(after: index)
        }
        var point = (beforePoint ?? digits.count) + exponent
        let zeros = digits.prefix { $0 == 0 }.count
        if zeros > 0 {
            digits.removeFirst(zeros)
            point -= zeros
        }
        if digits.isEmpty { point = 0 }
        return (digits, point)
    }

    /// Keeps `point + fractionDigits` of the decimal `digits`, rounding half away from zero on the
    /// first digit dropped.
    static func round(_ digits: inout [UInt8], point: inout Int, fractionDigits: Int) {
        let keep = point + fractionDigits
        if keep < 0 {
            digits = []
            point = -fractionDigits
        } else if keep < digits.count {
            let roundUp = digits[keep] >= 5
            digits.removeSubrange(keep...)
            guard roundUp else { return }
            var i = digits.count - 1
            while i >= 0 {
                if digits[i] == 9 {
                    digits[i] = 0
                    i -= 1
                } else {
                    digits[i] += 1
                    break
                }
            }
            if i < 0 {
                digits.insert(1, at: 0)
                point += 1
            }
        }
    }
}
