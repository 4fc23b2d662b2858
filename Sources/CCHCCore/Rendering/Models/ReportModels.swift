// The models of the printable period report: the Word document of `cchc report` as a page of the
// site, laid out for A4 paper. Every text in it is made by the report's own code (`PeriodReport`,
// `ReportWords`), so the page and the document say the same.

/// The period report, `/ky-bao-cao/<period>/bao-cao/` (template `period-report`).
struct PeriodReportPage: TemplateModel {
    /// The period in words: "Quý III/2024".
    var period: String
    /// The link to the period's page.
    var periodHref: String
    /// The command that writes the same report as a Word document: `cchc report 2024-Q3`, with
    /// `--as-of` for a period still running at the reporting date.
    var command: String
    /// The header block (``ReportHeader``).
    var header: ReportHeader
    /// The kind of document: "BÁO CÁO".
    var kind: String
    /// The subject line under it.
    var subject: String
    /// The opening paragraph.
    var opening: String
    /// Section I's heading.
    var overallHeading: String
    /// The overall completion and its change since the previous period's end, in a sentence.
    var overall: String
    /// What was done and what fell overdue in the period, in a sentence.
    var inPeriod: String
    /// What one task assignment ("lượt nhiệm vụ") is.
    var pairNote: String
    /// Section II's heading.
    var plansHeading: String
    /// The column headings of a plan's table.
    var planColumns: [ReportColumn]
    /// One part per plan, in the site's order.
    var plans: [ReportPlan]
    /// On a site with more tasks than a printed page should hold (over 400), the sentence saying
    /// that the plans' task tables are left out of the page; none otherwise.
    var plansShortened: String?
    /// Section III's heading.
    var overdueHeading: String
    /// Its lead-in: how many are overdue, or that none is.
    var overdueLead: String
    /// The column headings of the overdue tables.
    var overdueColumns: [ReportColumn]
    /// Those that fell overdue in the period, then those overdue since earlier; only the parts with rows.
    var overdueParts: [ReportOverduePart]
    /// Section IV's heading.
    var notReportedHeading: String
    /// Its lead-in.
    var notReportedLead: String
    /// The column headings of its table.
    var notReportedColumns: [ReportColumn]
    /// The agencies that have not reported, in `agencies.yml` order (at most 300; see `not_reported_more`).
    var notReported: [ReportMissingRow]
    /// Whether any agency has not reported.
    var hasNotReported: Bool
    /// Whether that list is shortened (``ShortenedList``; its `href` is the agency list).
    var notReportedMore: ShortenedList
    /// Section V's heading.
    var indicesHeading: String
    /// Its lead-in.
    var indicesLead: String
    /// The column headings of the index table.
    var indexColumns: [ReportColumn]
    /// The total score and rank targets of every index, with their levels.
    var targets: [ReportTargetRow]
    /// Whether any index has a target.
    var hasTargets: Bool
    /// The rule behind the levels.
    var levelRule: String
    /// The closing sentence.
    var closing: String
    /// "Nơi nhận:".
    var recipientsTitle: String
    /// Its lines.
    var recipients: [ReportColumn]
    /// The signer's title.
    var signer: String
    /// The blank for the signer's name.
    var signerName: String
}

/// The header block of a Vietnamese administrative document: the issuing body and a blank number
/// on the left, the national title, motto and a blank date on the right.
struct ReportHeader: TemplateModel {
    /// The body above the issuer: "UBND TỈNH BẮC KẠN".
    var superior: String
    /// The issuer: "SỞ NỘI VỤ".
    var issuer: String
    /// The number with blanks: "Số:          /BC-SNV".
    var number: String
    /// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".
    var nation: String
    /// "Độc lập - Tự do - Hạnh phúc".
    var motto: String
    /// The place and a blank date.
    var placeAndDate: String
}

/// A column heading, or a line of text.
struct ReportColumn: TemplateModel {
    /// The text.
    var text: String
}

/// One plan's part of section II.
struct ReportPlan: TemplateModel {
    /// "1. Kế hoạch số … ngày … của …: title".
    var heading: String
    /// The link to the plan's page.
    var href: String
    /// Its completion, change and pairs done in the period, in a sentence.
    var summary: String
    /// One row per task (none when the site's plans are too big for the page, see `plans_shortened`).
    var rows: [ReportTaskRow]
    /// Whether the table is shown.
    var hasRows: Bool
    /// The sentence for a plan without tasks.
    var noTasks: String?
    /// The totals row's label: "Tổng cộng".
    var totalLabel: String
    /// The totals: done/all.
    var totalDone: String
    /// The totals: done in the period.
    var totalDoneInPeriod: String
    /// The totals: overdue.
    var totalOverdue: String
}

/// A task's row in its plan's table.
struct ReportTaskRow: TemplateModel {
    /// Its number in the table.
    var number: String
    /// The task (title and link).
    var task: TaskLink
    /// Its leads as the plan writes them (agencies by short name, groups by kind).
    var leads: String
    /// The deadline, or a recurring task's rhythm and this period's deadlines (lines apart: show
    /// with `white-space: pre-line`).
    var due: String
    /// Done/all of its pairs.
    var done: String
    /// Its pairs done in the period.
    var doneInPeriod: String
    /// Its overdue pairs.
    var overdue: String
}

/// A part of section III.
struct ReportOverduePart: TemplateModel {
    /// "1. Mới quá hạn trong kỳ", "2. Quá hạn từ kỳ trước, chưa hoàn thành".
    var heading: String
    /// The rows, the earliest deadlines first (at most 100; see `more`).
    var rows: [ReportOverdueRow]
    /// Whether the part is shortened (``ShortenedList``; its `href` is the task download).
    var more: ShortenedList
}

/// An overdue task occurrence with its overdue leads.
struct ReportOverdueRow: TemplateModel {
    /// Its number in the table.
    var number: String
    /// The task.
    var task: TaskLink
    /// The occurrence of a recurring task: "(kỳ quý III năm 2024)".
    var occurrence: String?
    /// The plan's number.
    var plan: String
    /// The overdue leads (at most 60; see `agencies_more`).
    var agencies: [ReportAgency]
    /// "và 25 cơ quan khác" when more are overdue than are named.
    var agenciesMore: String?
    /// The deadline.
    var due: String
}

/// An agency in a list of names written as the Word document writes it, "SNV; STC".
struct ReportAgency: TemplateModel {
    /// The agency: `id`, `name`, `short`, `href` are the item's own.
    @Flattened var agency: AgencyLink
    /// What follows its name: "; " between names, nothing after the last.
    var separator: String
}

/// An agency that has not reported.
struct ReportMissingRow: TemplateModel {
    /// Its number in the table.
    var number: String
    /// The agency.
    var agency: AgencyLink
    /// Its open pairs in the period.
    var open: String
    /// Of those, the overdue ones.
    var overdue: String
}

/// An index target in the report.
struct ReportTargetRow: TemplateModel {
    /// Its number in the table.
    var number: String
    /// The index and measure: "PAR Index (điểm)".
    var measure: String
    /// The latest result and its year.
    var latest: String
    /// The target and its year.
    var target: String
    /// The yearly change kept and, on another line, the one needed.
    var pace: String
    /// The on-track level.
    var level: LevelLabel
}
