import Foundation

/// Every word of the period report (`cchc report`), in Vietnamese and English (`language: en`).
///
/// Kept in one place for the Word document and the printable page; the labels of agency kinds
/// are the site's own (``Words``), so the report and the pages agree. Numbers are written by
/// ``NumberText``, the one rule of pages and charts, in the site's language.
public struct ReportWords: Sendable {
    /// The language of the words.
    public let language: SiteLanguage
    /// The site's own words, for agency kinds and the "no deadline" label.
    let siteWords: Words
    /// Whether the site's `province` is one of the centrally-run cities, whose People's Committee
    /// is "UBND thành phố" rather than "UBND tỉnh".
    let isCity: Bool

    /// The words of a language, for the province (or city) named `province` in site.yml.
    public init(_ language: SiteLanguage, province: String = "") {
        self.language = language
        siteWords = Words(language)
        isCity = ReportWords.cityName(province) != nil
    }

    /// The centrally-run cities (thành phố trực thuộc trung ương) since 1 July 2025 (Nghị quyết
    /// 202/2025/QH15), in lower case.
    static let cities: Set<String> = ["hà nội", "hải phòng", "đà nẵng", "huế", "hồ chí minh", "cần thơ"]

    /// The city's name without "Thành phố"/"TP." when `province` names a centrally-run city
    /// ("TP. Hồ Chí Minh" → "Hồ Chí Minh"); nil for a province.
    static func cityName(_ province: String) -> String? {
        var name = province.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespaces)
        var prefixed = false
        for prefix in ["thành phố ", "tp. ", "tp.", "tp "] where name.lowercased().hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            prefixed = true
            break
        }
        return prefixed || cities.contains(name.lowercased()) ? name : nil
    }

    /// "tỉnh" or "thành phố" (English: "province", "city").
    private var unit: String { isCity ? pick("thành phố", "city") : pick("tỉnh", "province") }

    private var vi: Bool { language == .vi }
    private func pick(_ vi: String, _ en: String) -> String { self.vi ? vi : en }
    private var format: NumberText { NumberText(language) }

    // MARK: - Numbers

    /// A whole number with grouped thousands.
    func integer(_ n: Int) -> String { format.integer(n) }
    /// A share as a percentage with one decimal ("84,5%"); "–" for no share.
    func percent(_ share: Double?) -> String { share.map { format.percent($0, digits: 1) } ?? "–" }
    /// A score or rank as written in the index file, at most two decimals ("85,95", "88").
    func value(_ x: Double) -> String { format.trimmed(x, digits: 2) }
    /// "done/total" ("12/40").
    func fraction(_ done: Int, _ total: Int) -> String { "\(integer(done))/\(integer(total))" }

    // MARK: - Header block (Nghị định 30/2020/NĐ-CP)

    /// The body above the issuer: "UBND TỈNH BẮC KẠN".
    func superior(province: String) -> String {
        let name = (ReportWords.cityName(province) ?? province).uppercased()
        if isCity { return vi ? "UBND THÀNH PHỐ \(name)" : "\(name) CITY PEOPLE'S COMMITTEE" }
        return vi ? "UBND TỈNH \(name)" : "\(name) PROVINCIAL PEOPLE'S COMMITTEE"
    }
    /// The issuing body.
    var issuer: String { pick("SỞ NỘI VỤ", "DEPARTMENT OF HOME AFFAIRS") }
    /// The document number, left blank for the clerk.
    var number: String { pick("Số:          /BC-SNV", "No.:          /BC-SNV") }
    /// The national title.
    var nation: String { pick("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM") }
    /// The motto under it.
    var motto: String { pick("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness") }
    /// The place and a blank date.
    func placeAndDate(province: String) -> String {
        vi ? "\(province), ngày …… tháng …… năm ……" : "\(province), date …… / …… / ……"
    }
    /// The kind of document.
    var documentKind: String { pick("BÁO CÁO", "REPORT") }
    /// The subject line under the title.
    func subject(_ period: Period) -> String {
        pick(
            "Kết quả thực hiện các kế hoạch nâng cao chỉ số cải cách hành chính \(phrase(period))",
            "Progress of the plans to raise the administrative reform indices, \(phrase(period))")
    }

    /// A period as a report's running text names it: "quý III năm 2024", "6 tháng đầu năm 2024".
    func phrase(_ period: Period) -> String {
        let romans = ["I", "II", "III", "IV"]
        switch period.kind {
        case .year: return pick("năm \(period.year)", "the year \(period.year)")
        case .half:
            if !vi { return period.number == 1 ? "the first half of \(period.year)" : "the second half of \(period.year)" }
            return period.number == 1 ? "6 tháng đầu năm \(period.year)" : "6 tháng cuối năm \(period.year)"
        case .quarter: return pick("quý \(romans[period.number - 1]) năm \(period.year)", "Q\(period.number) \(period.year)")
        case .month: return pick("tháng \(period.number) năm \(period.year)", "\(Self.months[period.number - 1]) \(period.year)")
        }
    }

    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]

    // MARK: - Running text

    /// The opening paragraph.
    func opening(_ period: Period, asOf: Day) -> String {
        pick(
            "Sở Nội vụ báo cáo kết quả thực hiện các kế hoạch nâng cao chỉ số cải cách hành chính của \(unit) \(phrase(period)) "
                + "(số liệu tính đến ngày \(asOf.vietnamese)) như sau:",
            "The Department of Home Affairs reports on the plans to raise the \(unit)'s administrative reform indices "
                + "for \(phrase(period)) (data as of \(asOf.vietnamese)):")
    }

    /// What one "lượt nhiệm vụ" is.
    var pairNote: String {
        pick(
            "Mỗi lượt nhiệm vụ là một cơ quan chủ trì đối với một nhiệm vụ trong một kỳ thực hiện; "
                + "nhiệm vụ giao cho nhiều cơ quan chủ trì hoặc thực hiện định kỳ có nhiều lượt.",
            "A task assignment is one lead agency on one occurrence of a task; a task with several leads "
                + "or a recurring task has several.")
    }

    /// Section headings.
    var overallHeading: String { pick("I. KẾT QUẢ CHUNG", "I. OVERALL RESULTS") }
    var plansHeading: String { pick("II. KẾT QUẢ THỰC HIỆN TỪNG KẾ HOẠCH", "II. RESULTS BY PLAN") }
    var overdueHeading: String { pick("III. NHIỆM VỤ QUÁ HẠN", "III. OVERDUE ASSIGNMENTS") }
    var notReportedHeading: String { pick("IV. CƠ QUAN, ĐƠN VỊ CHƯA BÁO CÁO", "IV. AGENCIES THAT HAVE NOT REPORTED") }
    var indicesHeading: String { pick("V. KẾT QUẢ CÁC CHỈ SỐ SO VỚI MỤC TIÊU", "V. INDEX RESULTS AGAINST TARGETS") }

    /// Overall completion and its change since the previous period's end.
    func overall(_ now: Completion, asOf: Day, _ before: Completion, previousEnd: Day) -> String {
        let change = changeText(now.share, before.share)
        return pick(
            "Tính đến ngày \(asOf.vietnamese), các cơ quan, đơn vị đã hoàn thành \(fraction(now.done, now.total)) lượt nhiệm vụ "
                + "(\(percent(now.share))); đến hết ngày \(previousEnd.vietnamese) (cuối kỳ trước) là "
                + "\(fraction(before.done, before.total)) lượt (\(percent(before.share))), \(change).",
            "By \(asOf.vietnamese) the agencies had done \(fraction(now.done, now.total)) task assignments "
                + "(\(percent(now.share))); at the end of the previous period (\(previousEnd.vietnamese)) "
                + "\(fraction(before.done, before.total)) (\(percent(before.share))), \(change).")
    }

    /// The change of a share in percentage points: "tăng 5,2 điểm phần trăm".
    func changeText(_ now: Double?, _ before: Double?) -> String {
        guard let now, let before else { return pick("chưa so sánh được", "no comparison") }
        let points = (now - before) * 100
        let text = format.decimal(abs(points), digits: 1)
        if text == format.decimal(0, digits: 1) { return pick("không thay đổi", "unchanged") }
        return points > 0
            ? pick("tăng \(text) điểm phần trăm", "up \(text) percentage points")
            : pick("giảm \(text) điểm phần trăm", "down \(text) percentage points")
    }

    /// What happened in the period.
    func inPeriod(done: Int, late: Int, newlyOverdue: Int, stillOverdue: Int) -> String {
        pick(
            "Trong kỳ có \(integer(done)) lượt nhiệm vụ được hoàn thành (trong đó \(integer(late)) lượt hoàn thành quá hạn); "
                + "\(integer(newlyOverdue)) lượt nhiệm vụ mới quá hạn và \(integer(stillOverdue)) lượt quá hạn từ kỳ trước chưa hoàn thành.",
            "In the period \(integer(done)) task assignments were done (\(integer(late)) of them late); "
                + "\(integer(newlyOverdue)) became overdue and \(integer(stillOverdue)) overdue since an earlier period are still not done.")
    }

    /// A plan's heading: "1. Kế hoạch số 386/KH-UBND ngày 08/06/2024 của UBND tỉnh: …".
    func planHeading(_ position: Int, plan: Plan, issuer: String) -> String {
        pick(
            "\(position). Kế hoạch số \(plan.number) ngày \(plan.issued.vietnamese) của \(issuer): \(plan.title)",
            "\(position). Plan \(plan.number) of \(plan.issued.vietnamese) by \(issuer): \(plan.title)")
    }

    /// A plan's summary line.
    func planSummary(_ now: Completion, _ before: Completion, doneInPeriod: Int) -> String {
        pick(
            "Hoàn thành \(fraction(now.done, now.total)) lượt nhiệm vụ (\(percent(now.share))), \(changeText(now.share, before.share)) "
                + "so với cuối kỳ trước; trong kỳ hoàn thành \(integer(doneInPeriod)) lượt.",
            "Done: \(fraction(now.done, now.total)) task assignments (\(percent(now.share))), \(changeText(now.share, before.share)) "
                + "since the end of the previous period; \(integer(doneInPeriod)) done in the period.")
    }

    /// A plan without tasks.
    var noTasks: String { pick("Kế hoạch không giao nhiệm vụ theo dõi.", "The plan sets no tracked tasks.") }

    /// The column headings of a plan's table.
    var planColumns: [String] {
        vi
            ? ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Hoàn thành/ số lượt", "Hoàn thành trong kỳ", "Quá hạn"]
            : ["No.", "Task", "Lead", "Deadline", "Done/ assignments", "Done in period", "Overdue"]
    }
    /// The totals row's label.
    var total: String { pick("Tổng cộng", "Total") }

    /// A one-off task without a deadline.
    var noDue: String { siteWords.table["no_due"] ?? pick("Không quy định", "None set") }

    /// How often a recurring task falls due.
    func every(_ kind: PeriodKind) -> String {
        switch kind {
        case .month: return pick("Hằng tháng", "Monthly")
        case .quarter: return pick("Hằng quý", "Quarterly")
        case .half: return pick("6 tháng một lần", "Half-yearly")
        case .year: return pick("Hằng năm", "Yearly")
        }
    }

    /// The due days of a recurring task's occurrences in the period, one a line.
    func dueThisPeriod(_ days: [Day]) -> String {
        pick("kỳ này:", "this period:") + (days.count == 1 ? " " : "\n") + days.map(\.vietnamese).joined(separator: "\n")
    }

    /// A lead written as a kind of agency.
    func kind(_ kind: AgencyKind) -> String { siteWords.kind(kind) }

    /// The overdue section's lead-in, or the sentence for none.
    func overdueLead(newly: Int, still: Int) -> String {
        let count = newly + still
        return count == 0
            ? pick("Không có lượt nhiệm vụ nào quá hạn.", "No task assignment is overdue.")
            : pick(
                "Có \(integer(count)) lượt nhiệm vụ quá hạn chưa hoàn thành (\(integer(newly)) lượt mới quá hạn trong kỳ, "
                    + "\(integer(still)) lượt quá hạn từ kỳ trước), theo thứ tự thời hạn:",
                "\(integer(count)) task assignments are overdue and not done (\(integer(newly)) fell overdue in the period, "
                    + "\(integer(still)) were overdue before it), by deadline:")
    }
    /// The heading of one part of the overdue list.
    func overduePart(_ number: Int, sinceEarlierPeriod: Bool) -> String {
        sinceEarlierPeriod
            ? pick("\(number). Quá hạn từ kỳ trước, chưa hoàn thành", "\(number). Overdue since an earlier period")
            : pick("\(number). Mới quá hạn trong kỳ", "\(number). Fell overdue in the period")
    }
    /// The column headings of the overdue tables.
    var overdueColumns: [String] {
        vi
            ? ["STT", "Nhiệm vụ", "Kế hoạch", "Cơ quan chủ trì chưa hoàn thành", "Thời hạn"]
            : ["No.", "Task", "Plan", "Leads not done", "Deadline"]
    }
    /// The leads a row does not name: "và 25 cơ quan khác".
    func andOthers(_ count: Int) -> String {
        pick("và \(integer(count)) cơ quan khác", "and \(integer(count)) other agencies")
    }

    /// Why the printable report has no task tables on a big site, and where they are.
    func tablesLeftOut(tasks: Int, command: String) -> String {
        pick(
            "Các kế hoạch có \(integer(tasks)) nhiệm vụ, quá nhiều cho một trang in: mục này chỉ nêu kết quả của từng kế hoạch. "
                + "Bảng từng nhiệm vụ có trong trang của mỗi kế hoạch và trong bản Word (lệnh \(command)).",
            "The plans have \(integer(tasks)) tasks, too many for a printed page: this section gives each plan's results only. "
                + "The table of every task is on each plan's page and in the Word document (\(command)).")
    }

    /// A recurring occurrence named after its task.
    func occurrence(_ period: Period) -> String { pick("(kỳ \(phrase(period)))", "(\(phrase(period)))") }

    /// The lead-in of the list of agencies that have not reported.
    func notReportedLead(_ missing: Int, of expected: Int, _ period: Period) -> String {
        if expected == 0 { return pick("Trong kỳ không có cơ quan, đơn vị nào phải báo cáo.", "No agency had to report in the period.") }
        if missing == 0 {
            return pick(
                "Cả \(integer(expected)) cơ quan, đơn vị có nhiệm vụ trong kỳ đã gửi báo cáo \(phrase(period)).",
                "All \(integer(expected)) agencies with tasks in the period sent a report for \(phrase(period)).")
        }
        return pick(
            "Có \(integer(missing))/\(integer(expected)) cơ quan, đơn vị có nhiệm vụ chủ trì chưa hoàn thành trong kỳ chưa gửi báo cáo \(phrase(period)):",
            "\(integer(missing)) of \(integer(expected)) agencies with open tasks in the period have sent no report for \(phrase(period)):")
    }
    /// The column headings of the not-reported table.
    var notReportedColumns: [String] {
        vi
            ? ["STT", "Cơ quan, đơn vị", "Lượt nhiệm vụ chưa hoàn thành", "Trong đó quá hạn"]
            : ["No.", "Agency", "Open task assignments", "Of which overdue"]
    }

    /// The lead-in of the index table, or the sentence for none.
    func indicesLead(_ count: Int) -> String {
        count == 0
            ? pick("Các chỉ số chưa có mục tiêu để đánh giá.", "No index has a target to assess.")
            : pick("Kết quả gần nhất của các chỉ số so với mục tiêu của \(unit):", "The latest index results against the \(unit)'s targets:")
    }
    /// The column headings of the index table.
    var indexColumns: [String] {
        vi
            ? ["STT", "Chỉ số", "Kết quả gần nhất", "Mục tiêu", "Bình quân mỗi năm", "Đánh giá"]
            : ["No.", "Index", "Latest result", "Target", "Yearly change", "Assessment"]
    }
    /// The name of a measure in the index table; `name` is the area's or criterion's name.
    func measure(_ short: String, _ measure: TargetProgress.Measure, name: String? = nil) -> String {
        switch measure {
        case .score: return pick("\(short) (điểm)", "\(short) (score)")
        case .rank: return pick("\(short) (xếp hạng)", "\(short) (rank)")
        case .area(let id): return "\(short): \(name ?? id)"
        case .criterion(let code): return pick("\(short): tiêu chí \(code)", "\(short): criterion \(code)")
        }
    }
    /// A result or target with its year: "80,62 (2022)", "61/63 (2022)".
    func valueInYear(_ value: Double, year: Int, of: Int?) -> String {
        let shown = of.map { "\(self.value(value))/\($0)" } ?? self.value(value)
        return "\(shown) (\(year))"
    }
    /// The pace kept and, on a second line, the pace needed: "+0,26/năm" / "(cần +1,85/năm)".
    func pace(kept: Double?, needed: Double?) -> String {
        guard let kept else { return "–" }
        let text = signed(kept) + pick("/năm", "/year")
        guard let needed else { return text }
        return text + "\n" + pick("(cần ", "(needs ") + signed(needed) + pick("/năm)", "/year)")
    }
    private func signed(_ x: Double) -> String { format.change(x) }

    /// The name of a level (the site's words, ``Words/level(_:)``).
    public func level(_ level: TargetLevel) -> String { siteWords.level(level) }

    /// The rule behind the levels, in a few sentences (the site's words, ``Words/levelRule``).
    public var levelRule: String { siteWords.levelRule }

    // MARK: - Closing

    /// The last sentence of the text.
    func closing(_ period: Period) -> String {
        pick(
            "Trên đây là báo cáo kết quả thực hiện các kế hoạch nâng cao chỉ số cải cách hành chính \(phrase(period)) của Sở Nội vụ./.",
            "This concludes the Department of Home Affairs' report for \(phrase(period)).")
    }
    /// "Nơi nhận:" and its lines.
    var recipientsTitle: String { pick("Nơi nhận:", "Recipients:") }
    var recipients: [String] {
        vi
            ? ["- UBND \(unit) (để báo cáo);", "- Các cơ quan, đơn vị (để thực hiện);", "- Lưu: VT, CCHC."]
            : ["- \(isCity ? "City" : "Provincial") People's Committee (for report);", "- Agencies (for action);", "- Filed: Records, Administrative reform."]
    }
    /// The signer's title.
    var signer: String { pick("GIÁM ĐỐC", "DIRECTOR") }
    /// The blank for the signer's name.
    var signerName: String { "……………………………" }
    /// The document's title for its properties.
    func documentTitle(_ period: Period) -> String { pick("Báo cáo", "Report") + ": " + subject(period) }
}
