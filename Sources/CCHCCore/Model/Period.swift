/// The kinds of reporting period: year, half, quarter and month.
public enum PeriodKind: String, Sendable, Hashable, CaseIterable, Codable {
    case year, half, quarter, month

    /// How many months one period of this kind spans.
    public var months: Int {
        switch self {
        case .year: return 12
        case .half: return 6
        case .quarter: return 3
        case .month: return 1
        }
    }
}

/// A reporting period: `YYYY`, `YYYY-Hn`, `YYYY-Qn` or `YYYY-MM`.
public struct Period: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// What kind of period this is.
    public let kind: PeriodKind
    /// The year.
    public let year: Int
    /// The half (1–2), quarter (1–4) or month (1–12) within the year; 1 for a year.
    public let number: Int

    /// Creates a period; nil when `number` is out of range for `kind`.
    public init?(kind: PeriodKind, year: Int, number: Int = 1) {
        guard (1...9999).contains(year), (1...(12 / kind.months)).contains(number) else { return nil }
        self.kind = kind
        self.year = year
        self.number = number
    }

    /// Parses the spec's period syntax; nil when malformed.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 4, let year = Day.digits(bytes[0..<4]) else { return nil }
        if bytes.count == 4 {
            self.init(kind: .year, year: year)
            return
        }
        guard bytes.count == 7, bytes[4] == 0x2D else { return nil }
        switch bytes[5] {
        case UInt8(ascii: "H"):
            guard let n = Day.digits(bytes[6..<7]) else { return nil }
            self.init(kind: .half, year: year, number: n)
        case UInt8(ascii: "Q"):
            guard let n = Day.digits(bytes[6..<7]) else { return nil }
            self.init(kind: .quarter, year: year, number: n)
        default:
            guard let n = Day.digits(bytes[5..<7]) else { return nil }
            self.init(kind: .month, year: year, number: n)
        }
    }

    /// The period of `kind` that contains `day`.
    public init(containing day: Day, kind: PeriodKind) {
        self.kind = kind
        self.year = day.year
        self.number = (day.month - 1) / kind.months + 1
    }

    /// The first month of the period (1…12).
    public var firstMonth: Int { (number - 1) * kind.months + 1 }
    /// The last month of the period (1…12).
    public var lastMonth: Int { number * kind.months }

    /// The period's first day.
    public var firstDay: Day { Day(year: year, month: firstMonth, day: 1)! }
    /// The period's last day: what a deadline given as this period means.
    public var lastDay: Day { Day.lastDay(ofMonth: lastMonth, year: year) }

    /// The next period of the same kind.
    public var next: Period {
        if number == 12 / kind.months { return Period(kind: kind, year: year + 1, number: 1)! }
        return Period(kind: kind, year: year, number: number + 1)!
    }

    /// Whether `day` falls inside the period.
    public func contains(_ day: Day) -> Bool { firstDay <= day && day <= lastDay }

    /// The spec's own syntax: `2024`, `2024-H1`, `2024-Q3`, `2024-09`.
    public var description: String {
        switch kind {
        case .year: return String(year)
        case .half: return "\(year)-H\(number)"
        case .quarter: return "\(year)-Q\(number)"
        case .month: return number < 10 ? "\(year)-0\(number)" : "\(year)-\(number)"
        }
    }

    /// Orders by first day, then by length (shorter first).
    public static func < (a: Period, b: Period) -> Bool {
        if a.firstDay != b.firstDay { return a.firstDay < b.firstDay }
        return a.kind.months < b.kind.months
    }
}

/// A deadline or bound: a day, or a period meaning its last day.
public enum DateOrPeriod: Hashable, Sendable, CustomStringConvertible {
    case day(Day)
    case period(Period)

    /// Parses a date (`YYYY-MM-DD`) or a period.
    public init?(_ text: String) {
        if let day = Day(iso: text) { self = .day(day) } else if let period = Period(text) { self = .period(period) } else { return nil }
    }

    /// The day it stands for: the day itself, or the period's last day.
    public var lastDay: Day {
        switch self {
        case .day(let day): return day
        case .period(let period): return period.lastDay
        }
    }

    /// The text as written in content.
    public var description: String {
        switch self {
        case .day(let day): return day.iso
        case .period(let period): return period.description
        }
    }
}
