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
            if ch == "." {
                beforePoint = digits.count
            } else if let d = ch.wholeNumberValue {
                digits.append(UInt8(d))
            }
        }
        var point = (beforePoint ?? digits.count) + exponent
        // Drop leading zeros ("0.05" → digits 5, point -1).
        while digits.first == 0 {
            digits.removeFirst()
            point -= 1
        }
        if digits.isEmpty { point = 0 }
        return (digits, point)
    }

    /// Formats `x × 10^scale` rounded half away from zero to `digits` decimals.
    static func format(_ x: Double, scale: Int, digits requested: Int, trimZeros: Bool, language: Language) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "-∞" : "∞" }
        let fractionDigits = max(0, requested)
        var (digits, point) = decimalDigits(x)
        if !digits.isEmpty { point += scale }
        // Keep `point + fractionDigits` digits, rounding on the first one dropped.
        let keep = point + fractionDigits
        if keep < 0 {
            digits = []
            point = -fractionDigits
        } else if keep < digits.count {
            let roundUp = digits[keep] >= 5
            digits.removeSubrange(keep...)
            if roundUp {
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
        // Lay the digits out as integer part and exactly `fractionDigits` decimals.
        var integerPart = ""
        var fractionPart = ""
        for index in 0..<max(point, 0) {
            integerPart.append(index < digits.count ? Character(String(digits[index])) : "0")
        }
        if integerPart.isEmpty { integerPart = "0" }
        for k in 0..<fractionDigits {
            let index = point + k
            fractionPart.append(index >= 0 && index < digits.count ? Character(String(digits[index])) : "0")
        }
        if trimZeros {
            while fractionPart.last == "0" { fractionPart.removeLast() }
        }
        let isZero = !digits.contains(where: { $0 != 0 })
        var result = x < 0 && !isZero ? "-" : ""
        result += group(integerPart, separator: language.groupSeparator)
        if !fractionPart.isEmpty {
            result.append(language.decimalSeparator)
            result += fractionPart
        }
        return result
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
