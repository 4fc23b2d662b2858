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
              (1...Day.length(ofMonth: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses ISO `YYYY-MM-DD`; nil when malformed or when the day does not exist.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
              let y = Day.digits(bytes[0..<4]), let m = Day.digits(bytes[5..<7]),
              let d = Day.digits(bytes[8..<10]) else { return nil }
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
        let y = String(year), m = month < 10 ? "0\(month)" : "\(month)", d = day < 10 ? "0\(day)" : "\(day)"
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + m + "-" + d
    }

    /// `dd/mm/yyyy`, the form pages show.
    public var vietnamese: String {
        (day < 10 ? "0\(day)" : "\(day)") + "/" + (month < 10 ? "0\(month)" : "\(month)") + "/" + String(year)
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
