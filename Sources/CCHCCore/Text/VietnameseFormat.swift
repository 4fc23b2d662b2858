/// Number formatting for pages, done in Swift without locales: "85,95", "36.525", "84,5%".
///
/// Values are rounded half away from zero on their shortest decimal spelling (the digits Swift prints
/// for the `Double`, which are the digits the YAML file gave), so 1.005 rounds to 1,01 and 0.845 is 84,5%.
/// Negative numbers use ASCII "-", and a result that rounds to zero never carries a sign.
public enum VietnameseFormat {
    /// The language whose separators to use: Vietnamese (decimal comma, dot thousands) or English.
    public enum Language: String, Sendable, CaseIterable {
        /// Vietnamese: "1.000,50".
        case vi
        /// English: "1,000.50".
        case en

        /// The decimal separator.
        var decimalSeparator: Character { self == .vi ? "," : "." }
        /// The thousands separator.
        var groupSeparator: Character { self == .vi ? "." : "," }
    }

    /// `x` with exactly `digits` decimals and grouped thousands: 85.95 → "85,95", 1000.5 → "1.000,50".
    public static func decimal(_ x: Double, digits: Int = 2, language: Language = .vi) -> String {
        format(x, scale: 0, digits: digits, trimZeros: false, language: language)
    }

    /// `n` with grouped thousands: 36525 → "36.525".
    public static func integer(_ n: Int, language: Language = .vi) -> String {
        let grouped = group(String(n.magnitude), separator: language.groupSeparator)
        return n < 0 ? "-" + grouped : grouped
    }

    /// A share 0…1 as a percentage with exactly `digits` decimals and no space: 0.845 → "84,5%".
    public static func percent(_ share: Double, digits: Int = 1, language: Language = .vi) -> String {
        format(share, scale: 2, digits: digits, trimZeros: false, language: language) + "%"
    }

    /// `x` rounded to at most `maxDigits` decimals with trailing zeros dropped: 85.95 → "85,95", 88.0 → "88", 8.10 → "8,1".
    public static func trimmed(_ x: Double, maxDigits: Int = 2, language: Language = .vi) -> String {
        format(x, scale: 0, digits: maxDigits, trimZeros: true, language: language)
    }

    // MARK: - Decimal digits

    /// The decimal digits of `|x|` and how many of them stand before the point (may be ≤ 0 or > count).
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
        // Drop leading zeros ("0.05" → digits 5, point -1).
        let zeros = digits.prefix { $0 == 0 }.count
        if zeros > 0 {
            digits.removeFirst(zeros)
            point -= zeros
        }
        if digits.isEmpty { point = 0 }
        return (digits, point)
    }

    /// Keeps `point + fractionDigits` of the decimal `digits` (the point after `point` of them),
    /// rounding half away from zero on the first one dropped.
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

    /// Formats `x × 10^scale` rounded half away from zero to `digits` decimals.
    static func format(_ x: Double, scale: Int, digits requested: Int, trimZeros: Bool, language: Language) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "-∞" : "∞" }
        let fractionDigits = max(0, requested)
        var (digits, point) = decimalDigits(x)
        if !digits.isEmpty { point += scale }
        round(&digits, point: &point, fractionDigits: fractionDigits)
        // Lay the digits out as integer part and exactly `fractionDigits` decimals, as ASCII bytes.
        func digit(_ index: Int) -> UInt8 { UInt8(ascii: "0") + (index >= 0 && index < digits.count ? digits[index] : 0) }
        let isZero = !digits.contains(where: { $0 != 0 })
        let integerCount = max(point, 1)
        let group = language == .vi ? UInt8(ascii: ".") : UInt8(ascii: ",")
        var out: [UInt8] = []
        out.reserveCapacity(integerCount + integerCount / 3 + fractionDigits + 2)
        if x < 0 && !isZero { out.append(UInt8(ascii: "-")) }
        for index in 0..<integerCount {
            if index > 0, (integerCount - index) % 3 == 0 { out.append(group) }
            out.append(point > 0 ? digit(index) : UInt8(ascii: "0"))
        }
        var fractionCount = fractionDigits
        if trimZeros {
            while fractionCount > 0, digit(point + fractionCount - 1) == UInt8(ascii: "0") { fractionCount -= 1 }
        }
        if fractionCount > 0 {
            out.append(language == .vi ? UInt8(ascii: ",") : UInt8(ascii: "."))
            for k in 0..<fractionCount { out.append(digit(point + k)) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `digits` (ASCII, no sign) with `separator` between groups of three from the right.
    static func group(_ digits: String, separator: Character) -> String {
        let characters = Array(digits)
        guard characters.count > 3 else { return digits }
        var out = ""
        out.reserveCapacity(characters.count + characters.count / 3)
        for (index, ch) in characters.enumerated() {
            if index > 0, (characters.count - index) % 3 == 0 { out.append(separator) }
            out.append(ch)
        }
        return out
    }
}
