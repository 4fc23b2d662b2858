import Foundation

/// Reads the deadlines of Vietnamese plans into the content format's `due`, `every`, `day` and
/// `until`: "trước ngày 20/6/2024", "trước 30/6", "Quý III/2024", "tháng 12/2023", "trước tháng
/// 12/2024" (by the end of November), "6 tháng đầu năm", "trong năm 2023", "hằng tháng, trước
/// ngày 25", "định kỳ hằng quý"; and knows the words that set no deadline ("thường xuyên", "khi
/// có yêu cầu"). A date written without its year takes the plan's year, or the next one when it
/// would fall before the plan was issued.
public enum DeadlineReader {
    /// What a text says about when a task is due.
    public struct Deadline: Sendable, Hashable {
        /// The deadline of a one-off task, or the first one of a recurring task.
        public var due: DateOrPeriod?
        /// The recurrence.
        public var every: PeriodKind?
        /// The day of the occurrence's last month.
        public var day: Int?
        /// The last period of a recurring task.
        public var until: DateOrPeriod?
        /// The words it was read from, as found.
        public var phrase: String
        /// Set when the text sets no deadline on purpose ("thường xuyên").
        public var openEnded: Bool = false
        /// Something a person should confirm.
        public var note: String?
    }

    /// Every deadline named in `text`, in order. `bare` reads a table cell, where a date or
    /// period alone is the deadline.
    public static func read(_ text: String, issued: Day?, bare: Bool = false) -> [Deadline] {
        let folded = digitsReadAsDigits(VietnameseFold.key(text))
        let year = issued?.year
        var found: [(Range<String.Index>, Deadline)] = []
        func add(_ range: Range<String.Index>, _ deadline: Deadline) {
            if found.contains(where: { $0.0.overlaps(range) }) { return }
            var d = deadline
            d.phrase = String(
                text[
                    text.index(
                        text.startIndex, offsetBy: folded.distance(from: folded.startIndex, to: range.lowerBound))..<text.index(
                            text.startIndex, offsetBy: folded.distance(from: folded.startIndex, to: range.upperBound))])
            found.append((range, d))
        }

        // Rhythms first: "định kỳ hằng tháng … trước ngày 25".
        for m in matches(rhythm, in: folded) {
            let kind: PeriodKind
            switch m[2] {
            case "thang": kind = .month
            case "quy": kind = .quarter
            case "6 thang": kind = .half
            default: kind = .year
            }
            // "hằng năm" alone is often loose wording; take it as a rhythm when it comes with
            // "định kỳ", a report, or a day.
            let window = clause(folded, from: m.range.upperBound)
            let dayMatch = first(dayOfPeriod, in: window)
            let isRhythm = m[1] != nil || dayMatch != nil || folded.contains("bao cao") || kind != .year
            guard isRhythm else { continue }
            var deadline = Deadline(every: kind, phrase: "")
            if let dayText = dayMatch?[1], let day = Int(dayText), (1...31).contains(day) { deadline.day = day }
            if let untilMatch = first(untilYear, in: folded), let y = Int(untilMatch[1]!), let p = Period(kind: .year, year: y) {
                deadline.until = .period(p)
            } else if folded.contains("cac nam tiep theo") || folded.contains("nhung nam tiep theo") {
                deadline.note = "the task goes on \"in the following years\"; set `until:` to the last year the site follows"
            }
            if let issued {
                deadline.due = .day(firstOccurrence(kind, day: deadline.day, onOrAfter: issued))
            }
            add(m.range, deadline)
        }
        // "… trước ngày 25/12 của năm", "… trước ngày 30 của tháng": a rhythm written after its day.
        for m in matches(dayThenRhythm, in: folded) where !found.contains(where: { $0.1.every != nil }) {
            let kind: PeriodKind = m[3] == "thang" ? .month : m[3] == "quy" ? .quarter : .year
            var deadline = Deadline(every: kind, phrase: "")
            if let day = m[1].flatMap(Int.init), (1...31).contains(day) { deadline.day = day }
            if kind == .year, let month = m[2].flatMap(Int.init), month != 12 {
                deadline.note =
                    "the deadline falls in month \(month) of each year; the content format counts a yearly task's day in December, so check `due` and `day`"
            }
            if let untilMatch = first(untilYear, in: folded), let y = Int(untilMatch[1]!), let p = Period(kind: .year, year: y) {
                deadline.until = .period(p)
            } else if folded.contains("cac nam tiep theo") || folded.contains("nhung nam tiep theo") {
                deadline.note = "the task goes on \"in the following years\"; set `until:` to the last year the site follows"
            }
            if let issued { deadline.due = .day(firstOccurrence(kind, day: deadline.day, onOrAfter: issued)) }
            add(m.range, deadline)
        }
        // No deadline on purpose.
        for m in matches(openEnded, in: folded) where found.isEmpty {
            add(m.range, Deadline(phrase: "", openEnded: true))
        }
        // Dates: "trước ngày 20/6/2024", "trước 30/6", "ngày 20 tháng 6 năm 2024".
        let datePattern = bare ? bareDate : triggeredDate
        for m in matches(datePattern, in: folded) {
            guard let d = Int(m[1]!), let mo = Int(m[2]!) else { continue }
            let y = m[3].flatMap { Int($0) }
            guard let day = resolve(day: d, month: mo, year: y, issuedYear: year, issued: issued) else { continue }
            add(m.range, Deadline(due: .day(day), phrase: ""))
        }
        for m in matches(bare ? bareLongDate : triggeredLongDate, in: folded) {
            guard let d = Int(m[1]!), let mo = Int(m[2]!), let y = Int(m[3]!), let day = Day(year: y, month: mo, day: d) else { continue }
            add(m.range, Deadline(due: .day(day), phrase: ""))
        }
        // "trước tháng 12/2024": by the end of the month before.
        for m in matches(beforeMonth, in: folded) {
            guard let mo = Int(m[1]!), (1...12).contains(mo), let y = m[2].flatMap({ Int($0) }) ?? year else { continue }
            let period = mo == 1 ? Period(kind: .month, year: y - 1, number: 12) : Period(kind: .month, year: y, number: mo - 1)
            if let period { add(m.range, Deadline(due: .period(period), phrase: "")) }
        }
        // "tháng 12/2023", "trong tháng 12 năm 2023".
        for m in matches(month, in: folded) {
            guard let mo = Int(m[1]!), let y = m[2].flatMap({ Int($0) }) ?? year, let p = Period(kind: .month, year: y, number: mo) else { continue }
            add(m.range, Deadline(due: .period(p), phrase: ""))
        }
        for m in matches(monthThisYear, in: folded) {
            guard let mo = Int(m[1]!), let y = year, let p = Period(kind: .month, year: y, number: mo) else { continue }
            add(m.range, Deadline(due: .period(p), phrase: ""))
        }
        // "Quý III/2024", "quý 3 năm 2024".
        for m in matches(quarter, in: folded) {
            guard let n = romanOrNumber(m[1]!), let y = m[2].flatMap({ Int($0) }) ?? year, let p = Period(kind: .quarter, year: y, number: n) else { continue }
            add(m.range, Deadline(due: .period(p), phrase: ""))
        }
        // "6 tháng đầu năm 2024", "6 tháng cuối năm".
        for m in matches(half, in: folded) {
            guard let y = m[2].flatMap({ Int($0) }) ?? year, let p = Period(kind: .half, year: y, number: m[1] == "dau" ? 1 : 2) else { continue }
            add(m.range, Deadline(due: .period(p), phrase: ""))
        }
        // "trong năm 2023", "hoàn thành năm 2024", "trong năm".
        for m in matches(bare ? bareYear : triggeredYear, in: folded) {
            guard let y = m[1].flatMap({ Int($0) }) ?? year, let p = Period(kind: .year, year: y) else { continue }
            add(m.range, Deadline(due: .period(p), phrase: ""))
        }
        return found.sorted { $0.0.lowerBound < $1.0.lowerBound }.map(\.1)
    }

    /// The first deadline of a recurring task on or after the day the plan was issued.
    static func firstOccurrence(_ kind: PeriodKind, day: Int?, onOrAfter issued: Day) -> Day {
        var period = Period(containing: issued, kind: kind)
        for _ in 0..<3 {
            let last = period.lastDay
            let due = day.map { Day(year: last.year, month: last.month, day: min($0, Day.length(ofMonth: last.month, year: last.year)))! } ?? last
            if due >= issued { return due }
            period = period.next
        }
        return period.lastDay
    }

    static func resolve(day d: Int, month mo: Int, year y: Int?, issuedYear: Int?, issued: Day?) -> Day? {
        if let y { return Day(year: y, month: mo, day: d) }
        guard let issuedYear, let candidate = Day(year: issuedYear, month: mo, day: d) else { return nil }
        if let issued, candidate < issued { return Day(year: issuedYear + 1, month: mo, day: d) }
        return candidate
    }

    static func romanOrNumber(_ text: String) -> Int? {
        switch text {
        case "i", "1": return 1
        case "ii", "2": return 2
        case "iii", "3": return 3
        case "iv", "4": return 4
        default: return nil
        }
    }

    /// OCR reads 0 as o and 1 as l inside numbers ("3O/6/2024", "l5/8"): put them back where a
    /// letter stands between or beside digits and date separators. One character for one, so
    /// places in the text stay where they were.
    static func digitsReadAsDigits(_ text: String) -> String {
        let chars = Array(text)
        var out = chars
        func isDigitish(_ i: Int) -> Bool { i >= 0 && i < chars.count && (chars[i].isASCII && chars[i].isNumber) }
        for i in chars.indices where chars[i] == "o" || chars[i] == "l" {
            let before = i > 0 ? chars[i - 1] : " ", after = i + 1 < chars.count ? chars[i + 1] : " "
            let leftNumeric = isDigitish(i - 1), rightNumeric = isDigitish(i + 1)
            let separatorNext = after == "/" && isDigitish(i + 2)
            let separatorBefore = before == "/" && isDigitish(i - 2)
            if (leftNumeric && (rightNumeric || after == "/" || !after.isLetter)) || (rightNumeric && !before.isLetter) || separatorNext && leftNumeric
                || separatorBefore && !after.isLetter
            {
                out[i] = chars[i] == "o" ? "0" : "1"
            }
        }
        return String(out)
    }

    // MARK: - Patterns on folded text

    private static func regex(_ pattern: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: pattern, options: [])
    }

    private static let trigger = "(?:truoc|cham nhat(?: la)?|han chot|han|hoan thanh(?: truoc)?|xong truoc|den het|den|trong|vao)"
    private static let rhythm = regex("(dinh ky )?(?:hang|moi) (thang|quy|6 thang|nam)\\b")
    private static let dayThenRhythm = regex("truoc ngay (\\d{1,2})(?:/(\\d{1,2}))? (?:cua|hang|moi) (thang|quy|nam)\\b")
    private static let dayOfPeriod = regex("truoc ngay (\\d{1,2})(?![/.\\-\\d])")
    private static let untilYear = regex("(?:den nam|den het nam|giai doan \\d{4} ?[-–] ?)(\\d{4})")
    private static let openEnded = regex("\\b(thuong xuyen|khi co yeu cau|theo yeu cau|lien tuc|kip thoi)\\b")
    private static let triggeredDate = regex("\\b\(trigger) (?:ngay )?(\\d{1,2})[/.\\-](\\d{1,2})(?:[/.\\-](\\d{4}))?(?![\\d/])")
    private static let bareDate = regex("(?:^|[^\\d/])(\\d{1,2})[/.\\-](\\d{1,2})(?:[/.\\-](\\d{4}))?(?![\\d/])")
    private static let triggeredLongDate = regex("\\b\(trigger) ngay (\\d{1,2}) thang (\\d{1,2}) nam (\\d{4})")
    private static let bareLongDate = regex("ngay (\\d{1,2}) thang (\\d{1,2}) nam (\\d{4})")
    private static let beforeMonth = regex("\\btruoc thang (\\d{1,2})(?:(?:/| nam )(\\d{4}))?")
    private static let month = regex("\\bthang (\\d{1,2})(?:/| nam )(\\d{4})")
    private static let monthThisYear = regex("\\btrong thang (\\d{1,2})\\b(?![/.])")
    private static let quarter = regex("\\bquy (iv|iii|ii|i|[1-4])\\b(?:(?: ?/ ?| nam )(\\d{4}))?")
    private static let half = regex("\\b6 thang (dau|cuoi) nam(?: (\\d{4}))?")
    private static let triggeredYear = regex("\\b(?:trong nam|hoan thanh (?:trong )?nam|trong nam nay|ca nam)(?: (\\d{4}))?\\b")
    private static let bareYear = regex("(?:^|\\bnam |\\btrong nam )(\\d{4})\\b")

    /// A match with its captures.
    struct Match {
        var range: Range<String.Index>
        var groups: [String?]
        subscript(_ i: Int) -> String? { i < groups.count ? groups[i] : nil }
    }

    static func matches(_ regex: NSRegularExpression, in text: String) -> [Match] {
        let ns = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: ns).compactMap { result in
            guard let range = Range(result.range, in: text) else { return nil }
            var groups: [String?] = [String(text[range])]
            var g = 1
            while g < result.numberOfRanges {
                let r = result.range(at: g)
                groups.append(r.location == NSNotFound ? nil : Range(r, in: text).map { String(text[$0]) })
                g += 1
            }
            return Match(range: range, groups: groups)
        }
    }

    static func first(_ regex: NSRegularExpression, in text: Substring) -> Match? {
        matches(regex, in: String(text)).first
    }

    static func first(_ regex: NSRegularExpression, in text: String) -> Match? {
        matches(regex, in: text).first
    }

    /// The rest of the clause after `index`: up to the next ";" or the end of the sentence.
    static func clause(_ text: String, from index: String.Index) -> Substring {
        var end = index
        while end < text.endIndex {
            let c = text[end]
            if c == ";" { break }
            if c == ".", text.index(after: end) == text.endIndex || text[text.index(after: end)] == " " { break }
            end = text.index(after: end)
        }
        return text[index..<end]
    }
}
