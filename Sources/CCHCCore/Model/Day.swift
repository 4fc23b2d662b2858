/// A calendar day with no time and no time zone: the unit of every date in the content.
public struct Day: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The year, e.g. 2024.
    public let year: Int
    /// The month, 1…12.
    public let month: Int
    /// The day of the month, 1…31.
    public let day: Int

    /// Creates a day if it exists in the Gregorian calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.length(ofMonth: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses ISO `YYYY-MM-DD`; nil when malformed or when the day does not exist.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
            let y = Day.digits(bytes[0..<4]), let m = Day.digits(bytes[5..<7]),
            let d = Day.digits(bytes[8..<10])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Whether `text` has the shape `YYYY-MM-DD`, existing or not.
    static func looksLikeISODate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 10 && bytes[4] == 0x2D && bytes[7] == 0x2D
            && digits(bytes[0..<4]) != nil && digits(bytes[5..<7]) != nil && digits(bytes[8..<10]) != nil
    }

    static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// Whether `year` is a leap year.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month.
    public static func length(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The last day of a month.
    public static func lastDay(ofMonth month: Int, year: Int) -> Day {
        Day(year: year, month: month, day: length(ofMonth: month, year: year))!
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        String(unsafeUninitializedCapacity: 10) { bytes in
            Day.write(year, width: 4, into: bytes, at: 0)
            bytes[4] = UInt8(ascii: "-")
            Day.write(month, width: 2, into: bytes, at: 5)
            bytes[7] = UInt8(ascii: "-")
            Day.write(day, width: 2, into: bytes, at: 8)
            return 10
        }
    }

    /// `dd/mm/yyyy`, the form pages show (the year without leading zeros).
    public var vietnamese: String {
        let width = year >= 1000 ? 4 : year >= 100 ? 3 : year >= 10 ? 2 : 1
        return String(unsafeUninitializedCapacity: 6 + width) { bytes in
            Day.write(day, width: 2, into: bytes, at: 0)
            bytes[2] = UInt8(ascii: "/")
            Day.write(month, width: 2, into: bytes, at: 3)
            bytes[5] = UInt8(ascii: "/")
            Day.write(year, width: width, into: bytes, at: 6)
            return 6 + width
        }
    }

    /// Writes `value` (not negative) as `width` decimal digits, with leading zeros. Dates are
    /// formatted hundreds of thousands of times in a national build: this makes no interim strings.
    private static func write(_ value: Int, width: Int, into bytes: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        var value = value
        for i in stride(from: start + width - 1, through: start, by: -1) {
            bytes[i] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        }
    }

    /// `YYYY-MM-DD`.
    public var description: String { iso }

    /// Days since 0000-03-01, for differences between days.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 9 : month - 3
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + day - 1
    }

    /// Orders days in time.
    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Encodes as the ISO string.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    /// Decodes from the ISO string.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date: \(text)")
        }
        self = day
    }
}
