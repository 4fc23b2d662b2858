// The models of the reporting-period pages and of the blocks about the current period on the
// dashboard and the agency pages.

/// What changed in one reporting period, `/ky-bao-cao/<period>/` (template `period`).
struct PeriodPage: TemplateModel {
    /// The period in words: "Quý III/2024".
    var period: String
    /// The period in the content format's syntax: `2024-Q3`.
    var code: String
    /// Whether it is the period holding the reporting date.
    var isCurrent: Bool
    /// The day the period is counted to: the reporting date for the current period, else its last day.
    var end: String
    /// The last day of the previous period, the other side of the comparison.
    var previousEnd: String
    /// The completion of every pair at `end`.
    var completion: CompletionFigures
    /// The completion of every pair at `previous_end`.
    var previousCompletion: CompletionFigures
    /// The pairs done (on time or late) in the period (``PeriodPairList``).
    var done: PeriodPairList
    /// The pairs overdue at `end` that were not at `previous_end`.
    var newlyOverdue: PeriodPairList
    /// The pairs overdue at both dates.
    var stillOverdue: PeriodPairList
    /// How many lead agencies had to report in the period.
    var expectedCount: String
    /// How many of them did not report.
    var notReportedCount: String
    /// Those that did not report, in `agencies.yml` order (at most 300; see `not_reported_more`).
    var notReported: [AgencyLink]
    /// Whether any agency that had to report did not.
    var hasNotReported: Bool
    /// Whether the list of agencies that did not report is shortened (``ShortenedList``; its `href` is the agency list).
    var notReportedMore: ShortenedList
    /// Every period with a page, newest first, this one marked `current`.
    var periods: [PeriodLink]
    /// The link to the period's printable report (``PeriodReportPage``).
    var reportHref: String
}

/// One list of pairs on a period page, shortened on a big site.
struct PeriodPairList: TemplateModel {
    /// The pairs shown: at most 100, the earliest deadlines first when shortened.
    var pairs: [PeriodPairRow]
    /// How many pairs the list has in all.
    var count: String
    /// Whether it has any.
    var hasPairs: Bool
    /// Whether the list is shortened (``ShortenedList``; its `href` is the task download).
    var more: ShortenedList
}

/// A pair in a period page's list.
struct PeriodPairRow: TemplateModel {
    /// The task.
    var task: TaskLink
    /// The lead agency.
    var agency: AgencyLink
    /// Its deadline (the occurrence's period and deadline for a recurring task).
    var due: String
    /// Its state at the end of the period.
    var status: StateLabel
    /// Its state at the previous period's end.
    var previousStatus: StateLabel
}

/// A link to a period's page.
struct PeriodLink: TemplateModel {
    /// The period in words.
    var label: String
    /// The link.
    var href: String
    /// Whether it is the page's own period.
    var current: Bool
}

/// The numbers of the current period, on the dashboard and (for one agency) on an agency page.
struct PeriodFigures: TemplateModel {
    /// The period in words: "Quý III/2024".
    var period: String
    /// The link to the period's page.
    var href: String
    /// The last day of the previous period.
    var previousEnd: String
    /// Pairs done in the period.
    var done: String
    /// Pairs newly overdue.
    var newlyOverdue: String
    /// Pairs still overdue.
    var stillOverdue: String
    /// The completion at the previous period's end (on the dashboard: of every pair; on an agency page: of its own).
    var previousPercent: String
    /// The completion now.
    var percent: String
    /// On the dashboard: how many lead agencies had to report, and how many did not.
    var expectedCount: String?
    /// On the dashboard: how many lead agencies that had to report did not.
    var notReportedCount: String?
    /// On an agency page: whether it reported, in words (reported, not reported, no report due).
    var reportStatus: String?
    /// On an agency page: `reported`, `not-reported` or `not-due` (a CSS modifier).
    var reportState: String?
}
