import Foundation

/// `cchc new report`: one agency's progress report for one period, pre-filled with its open tasks.
///
/// Which task occurrences are listed (the agency leads or supports the task, directly or through
/// `kind:`; the plan was issued by the period's last day):
/// - a one-off task, unless it is already closed for the agency: for a lead, its own pair is done,
///   done late or dropped; for a support, its own latest update says done or dropped, or every lead
///   pair is closed. Tasks due before the period that are still open (overdue) are listed too: they
///   still need reporting.
/// - a recurring task: each occurrence whose period overlaps the report's period (the months, quarters
///   … inside it, or the longer occurrence that contains it), unless closed for the agency as above.
///
/// Each update is written with the agency's latest reported status for that occurrence (and its
/// percent), or `not-started` when it has none, so the untouched file passes `cchc check` and changes
/// no state except turning "no report" into "not started". States are those of the site's own
/// reporting date; nothing reads the wall clock.
public enum ReportScaffold {
    /// What `write` did.
    public struct Outcome: Sendable {
        /// The report's path relative to the site.
        public var path: String
        /// How many updates it holds.
        public var updates: Int
        /// How many of them had no earlier report and were written as `not-started`.
        public var unreported: Int
        /// Warnings for the user (e.g. the report date is after the reporting date).
        public var notes: [String]
    }

    /// The path of the report of `agency` for `period`.
    public static func path(agency: AgencyID, period: Period) -> String {
        "content/progress/\(period)/\(agency).yml"
    }

    /// Loads the site at `root`, writes the report, and refuses to overwrite one.
    public static func write(root: URL, agency agencyText: String, period periodText: String, reported reportedText: String?) throws -> Outcome {
        guard let period = Period(periodText) else {
            throw ScaffoldError("`\(periodText)` is not a period; write YYYY, YYYY-H1, YYYY-Q3 or YYYY-09")
        }
        var reported = period.lastDay
        if let reportedText {
            guard let day = Day(iso: reportedText) else {
                throw ScaffoldError("--reported must be an existing date written YYYY-MM-DD, found `\(reportedText)`")
            }
            reported = day
        }
        let load = SiteLoader.load(root: root)
        guard let loaded = load.site else {
            let count = load.errors.count
            throw ScaffoldError("the site has \(count) error\(count == 1 ? "" : "s"); run `cchc check` and fix \(count == 1 ? "it" : "them") first")
        }
        let agency = AgencyID(agencyText)
        guard loaded.lookup.agencies[agency] != nil else {
            var message = "unknown agency `\(agencyText)`"
            let ids = loaded.site.agencies.map(\.id.rawValue)
            if let near = Suggestion.nearest(to: agencyText, in: ids) {
                message += "; did you mean `\(near)`?"
            } else {
                message += "; the ids are in content/agencies.yml"
            }
            throw ScaffoldError(message)
        }
        let relative = path(agency: agency, period: period)
        let url = root.appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: url.path) {
            throw ScaffoldError(
                "\(relative) already exists; edit it, or for a supplementary report copy it to content/progress/\(period)/\(agency)-bo-sung.yml")
        }
        let items = ReportItems.open(loaded, agency: agency, period: period)
        let text = self.text(loaded, agency: agency, period: period, reported: reported, items: items)
        try ScaffoldFiles.writeNew(text, to: url, shownAs: relative)
        var notes: [String] = []
        if reported > loaded.asOf && loaded.site.settings.asOf != nil {
            notes.append(
                "the report is dated \(reported.vietnamese), after the site's as_of \(loaded.asOf.vietnamese): builds ignore it until as_of (site.yml) or --as-of is moved on"
            )
        }
        return Outcome(path: relative, updates: items.count, unreported: items.filter { $0.previous == nil }.count, notes: notes)
    }

    /// The report's text.
    static func text(_ loaded: LoadedSite, agency: AgencyID, period: Period, reported: Day, items: [ReportItems.Item]) -> String {
        let words = Words(.vi)
        let name = loaded.lookup.agencies[agency]?.name ?? agency.rawValue
        var lines: [String] = [
            "# Báo cáo tiến độ của \(YAMLText.comment(name)), \(words.period(period)).",
            "# Tạo bằng `cchc new report`; tình trạng ghi trong chú thích tính đến ngày \(loaded.asOf.vietnamese).",
            "#",
            "# Cách điền mỗi mục dưới `updates:`:",
            "#   status:    not-started | in-progress | done | dropped",
            "#              (hoặc: chưa thực hiện | đang thực hiện | hoàn thành | dừng thực hiện)",
            "#   percent:   số từ 0 đến 100, không bắt buộc; `done` nghĩa là 100",
            "#   completed: ngày hoàn thành YYYY-MM-DD, bắt buộc khi status là done",
            "#   period:    kỳ của nhiệm vụ định kỳ; đã ghi sẵn, không sửa",
            "#   note:      ghi chú ngắn, không bắt buộc",
            "#   evidence:  tài liệu kiểm chứng, mỗi tài liệu một mục có `title` và `url`:",
            "#     evidence:",
            "#       - title: Kế hoạch số 12/KH-SNV",
            "#         url: files/\(agency)/12-kh-snv.pdf    # tệp đặt trong content/files/…, hoặc https://…",
            "# Mục đã ghi sẵn tình trạng của báo cáo trước (hoặc not-started nếu chưa báo cáo lần nào).",
            "# Nhiệm vụ nào không báo cáo kỳ này thì xóa cả mục, từ dòng `- task:` đến trước mục sau.",
            "agency: \(agency)",
            "period: \(period)",
            "reported: \(reported.iso)",
        ]
        if items.isEmpty {
            lines.append("# Không có nhiệm vụ nào đang mở của cơ quan trong kỳ này.")
            lines.append("updates: []")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("updates:")
        var lastPlan: PlanID?
        for item in items {
            if item.plan.id != lastPlan {
                lines.append("")
                lines.append("  # ── Kế hoạch \(YAMLText.comment(item.plan.number)) ngày \(item.plan.issued.vietnamese): \(YAMLText.comment(item.plan.title))")
                lastPlan = item.plan.id
            }
            var about = "  # \(YAMLText.comment(item.task.title))"
            if let section = item.task.section { about += " (mục \(YAMLText.comment(section)))" }
            lines.append(about)
            var facts = [item.isLead ? "chủ trì" : "phối hợp"]
            if let period = item.occurrence.period { facts.append("kỳ \(words.period(period))") }
            facts.append(item.occurrence.due.map { "hạn \($0.vietnamese)" } ?? "không có hạn")
            if let state = item.state { facts.append("tình trạng: \(words.state(state))") }
            if let summary = item.leadSummary, summary.total > 0 {
                facts.append("cơ quan chủ trì đã hoàn thành \(summary.done)/\(summary.total)")
            }
            lines.append("  # " + facts.joined(separator: " · "))
            lines.append("  - task: \(item.task.id)")
            if let period = item.occurrence.period { lines.append("    period: \(period)") }
            let status = item.previous?.status ?? .notStarted
            lines.append("    status: \(status.rawValue)")
            if let percent = item.previous?.percent {
                lines.append("    percent: \(PlainNumber.format(percent))")
            } else {
                lines.append("    # percent: 0")
            }
            lines.append("    # completed: YYYY-MM-DD")
            lines.append("    # note: …")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
