/// Number formatting without Foundation's locales: Vietnamese (85,95; 1.000) or English (85.95; 1,000).
///
/// Negative numbers use the minus sign U+2212 "−" in both languages. Rounding is half away from zero.
enum VietnameseNumber {
    /// The minus sign used for every negative number the charts print.
    static let minus = "\u{2212}"

    /// Formats `value` with exactly `decimals` decimals (or up to `decimals` when `trim` is set).
    static func format(
        _ value: Double, decimals: Int = 2, trim: Bool = false, language: ChartLanguage = .vi,
        signed: Bool = false
    ) -> String {
        guard value.isFinite else { return "–" }
        let decimals = max(0, min(decimals, 6))
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return value < 0 ? minus + "∞" : "∞" }
        let units = Int64(scaled)
        let integerPart = units / scale
        var fraction = units % scale
        var fractionDigits = decimals
        if trim {
            while fractionDigits > 0 && fraction % 10 == 0 {
                fraction /= 10
                fractionDigits -= 1
            }
        }
        let (decimalMark, groupMark) = language == .vi ? (",", ".") : (".", ",")
        var out = ""
        if units != 0 && value < 0 {
            out += minus
        } else if signed {
            out += units == 0 ? "±" : "+"
        }
        out += grouped(integerPart, mark: groupMark)
        if fractionDigits > 0 {
            out += decimalMark
            let digits = String(fraction)
            if digits.count < fractionDigits { out += String(repeating: "0", count: fractionDigits - digits.count) }
            out += digits
        }
        return out
    }

    /// Formats a share 0…1 as a percentage with up to `decimals` decimals: 0,845 → "84,5%".
    static func percent(_ share: Double, decimals: Int = 1, language: ChartLanguage = .vi) -> String {
        format(share * 100, decimals: decimals, trim: true, language: language) + "%"
    }

    /// Formats an integer with thousands grouping: 36525 → "36.525".
    static func integer(_ value: Int, language: ChartLanguage = .vi) -> String {
        let body = grouped(Int64(value.magnitude), mark: language == .vi ? "." : ",")
        return value < 0 ? minus + body : body
    }

    private static func grouped(_ value: Int64, mark: String) -> String {
        let digits = String(value)
        guard digits.count > 3 else { return digits }
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += mark }
            out.append(ch)
        }
        return out
    }
}

/// SVG coordinates: at most two decimals, trailing zeros trimmed, no locale ("12.5", "-3.14", "0"),
/// written straight into a UTF-8 buffer.
enum Coordinate {
    /// Appends `value` rounded half away from zero to two decimals; anything not finite is written "0".
    static func append<Sink: ByteSink & ~Copyable>(_ value: Double, to out: inout Sink) {
        guard value.isFinite else {
            out.append(UInt8(ascii: "0"))
            return
        }
        let units = Int64((value * 100).rounded(.toNearestOrAwayFromZero))
        if units == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        if units < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = units.magnitude
        appendDigits(magnitude / 100, to: &out)
        let fraction = UInt8(truncatingIfNeeded: magnitude % 100)
        if fraction != 0 {
            out.append(UInt8(ascii: "."))
            out.append(UInt8(ascii: "0") + fraction / 10)
            if fraction % 10 != 0 { out.append(UInt8(ascii: "0") + fraction % 10) }
        }
    }

    /// Appends the decimal digits of `value`.
    static func appendDigits<Sink: ByteSink & ~Copyable>(_ value: UInt64, to out: inout Sink) {
        if value < 10 {
            out.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value))
            return
        }
        // Last digit first, into a buffer as long as the longest UInt64.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            var rest = value
            while rest > 0 {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            }
            out.append(bytes: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }
}

/// Formats an SVG coordinate as `Coordinate` writes it, for the few values made of several parts ("0 0 500 320").
func n(_ value: Double) -> String {
    var bytes: [UInt8] = []
    Coordinate.append(value, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
}

/// A calendar date without time or time zone, used to place deadlines.
public struct ChartDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, e.g. 2024.
    public var year: Int
    /// The month, 1…12.
    public var month: Int
    /// The day of the month, 1…31.
    public var day: Int

    /// Makes a date from its year, month and day.
    public init(_ year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (month and day are clamped to valid ranges).
    public var dayNumber: Int {
        let m = min(max(month, 1), 12)
        let d = min(max(day, 1), 31)
        let y = m <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The date as Vietnamese pages write it: "08/06/2024".
    public var description: String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(two(day))/\(two(month))/\(year)"
    }

    /// The date in ISO 8601 form, for English charts: "2024-06-08".
    public var iso: String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    /// Orders dates by year, month, then day.
    public static func < (a: ChartDate, b: ChartDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
