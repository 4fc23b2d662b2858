// The parts several pages share. Every number and date in them is already written in the site's
// language ("85,95", "28/63", "08/06/2024", "84,5%"), and every `href` is a link relative to the
// page being drawn.

/// An agency, linked: `{id, name, short, href}`.
struct AgencyLink: TemplateModel, Equatable {
    /// The agency's id, as in agencies.yml.
    var id: String
    /// Its full name.
    var name: String
    /// Its short name, or the full name when it has none.
    var short: String
    /// The link to its page.
    var href: String
    /// The same as the engine reads it, made once: the link tables hand out one link per agency
    /// and depth, which pages then copy instead of making a mapping each time.
    let mapping: PageMap

    init(id: String, name: String, short: String, href: String) {
        self.id = id
        self.name = name
        self.short = short
        self.href = href
        mapping = ["id": .text(id), "name": .text(name), "short": .text(short), "href": .text(href)]
    }

    private enum CodingKeys: String, CodingKey { case id, name, short, href }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
            short: try c.decode(String.self, forKey: .short), href: try c.decode(String.self, forKey: .href))
    }
}

/// A task, linked: `{title, href, plan_number, plan_href}`.
struct TaskLink: TemplateModel, Equatable {
    /// The task's title.
    var title: String
    /// The link to its page.
    var href: String
    /// The number of the plan that sets it ("116/KH-UBND").
    var planNumber: String
    /// The link to that plan's page.
    var planHref: String
    /// The same as the engine reads it, made once (see ``AgencyLink/mapping``).
    let mapping: PageMap

    init(title: String, href: String, planNumber: String, planHref: String) {
        self.title = title
        self.href = href
        self.planNumber = planNumber
        self.planHref = planHref
        mapping = ["title": .text(title), "href": .text(href), "plan_number": .text(planNumber), "plan_href": .text(planHref)]
    }

    private enum CodingKeys: String, CodingKey { case title, href, planNumber, planHref }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            title: try c.decode(String.self, forKey: .title), href: try c.decode(String.self, forKey: .href),
            planNumber: try c.decode(String.self, forKey: .planNumber), planHref: try c.decode(String.self, forKey: .planHref))
    }
}

/// A derived or reported state: `{state, label}`.
struct StateLabel: TemplateModel {
    /// `done`, `done-late`, `in-progress`, `not-started`, `overdue`, `dropped` or `no-report` (a CSS modifier).
    var state: String
    /// The state in words.
    var label: String
}

/// How many pairs are in one state: `{state, label, count}`.
struct StateCount: TemplateModel {
    /// The state, as in ``StateLabel/state``.
    var state: String
    /// The state in words.
    var label: String
    /// The number of pairs in it.
    var count: String
}

/// A tally of pairs: `{done, total, percent, overdue, has_overdue, counts}`.
struct CompletionFigures: TemplateModel {
    /// Pairs done, on time or late.
    var done: String
    /// All pairs, dropped ones included.
    var total: String
    /// Done ÷ total as a percentage ("84,5%"), "–" when there are no pairs.
    var percent: String
    /// Pairs overdue.
    var overdue: String
    /// Whether any pair is overdue.
    var hasOverdue: Bool
    /// The states that occur, in the order of the content format's state table.
    var counts: [StateCount]
}

/// One lead agency of a task in a task row: the agency's link and its state.
struct LeadState: TemplateModel {
    /// The agency: `id`, `name`, `short` and `href` are the entry's own.
    @Flattened var agency: AgencyLink
    /// The state shown for it (``Attention/shownState(of:asOf:)``).
    var status: StateLabel
    /// For a recurring task, how many of its occurrences are done: "3/6".
    var tally: String?
}

/// A task in the task table of plan and index pages (partial `task-table`): the task's link
/// (`title`, `href`, `plan_number`, `plan_href`) and these.
struct TaskRow: TemplateModel {
    /// The task: `title`, `href`, `plan_number` and `plan_href` are the row's own.
    @Flattened var task: TaskLink
    /// The task's id within its plan.
    var id: String
    /// Its deadline in words: "30/06/2024", "Hằng quý (20/09/2024 – 20/12/2024, 2 kỳ)".
    var due: String
    /// Each lead agency (`id`, `name`, `short`, `href`) with its `status` and, for a recurring task, `tally`.
    var leads: [LeadState]
    /// Present, and true, when the task has more than six leads: the template then shows the counts first.
    var manyLeads: Bool?
    /// With `many_leads`: how many leads.
    var leadCount: String?
    /// With `many_leads`: the leads' states, counted.
    var leadSummary: [StateCount]?
    /// The share of the task's pairs done.
    var completion: CompletionFigures
    /// The date its plan was issued.
    var planIssued: String
    /// The plan's section the task sits in, if the plan says.
    var section: String?
    /// The task's own target, if it has one.
    var taskTarget: String?
}

/// A piece of evidence linked from an update: `{title, href, local}`.
struct EvidenceLink: TemplateModel {
    /// Its title.
    var title: String
    /// Whether it is a file of the site (`content/files/`) rather than a web address.
    var local: Bool
    /// The link.
    var href: String
}

/// One update of a progress report, as lists show it (partial `update`).
struct UpdateEntry: TemplateModel {
    /// The reporting agency.
    var agency: AgencyLink
    /// The day it was reported.
    var reported: String
    /// The same day as `YYYY-MM-DD`, for `<time datetime>`.
    var reportedIso: String
    /// The period the report covers, in words ("Quý III/2024").
    var reportPeriod: String
    /// The reported status.
    var status: StateLabel
    /// The task it is about.
    var task: TaskLink
    /// The id of the update on the page, for links to it.
    var anchor: String
    /// "Chủ trì" or "Phối hợp": whether the agency leads the task or supports it.
    var role: String
    /// The progress reported, "70%".
    var percent: String?
    /// The day it was completed, if reported.
    var completed: String?
    /// For a recurring task, the occurrence it is about.
    var period: String?
    /// The note, as HTML made from its Markdown.
    var noteHTML: String?
    /// The evidence, when there is any.
    var evidence: [EvidenceLink]?
    /// Present, and true, when there is evidence.
    var hasEvidence: Bool?
}

/// A result or a target of an index for one year: `{year, score?, rank?}`.
struct YearFigures: TemplateModel {
    /// The year.
    var year: String
    /// The score, if known.
    var score: String?
    /// The rank, "28/63", if known.
    var rank: String?
}

/// An index's next target: `{year, score?, rank?, gap?}`.
struct TargetFigures: TemplateModel {
    /// The target's year.
    var year: String
    /// The score aimed at.
    var score: String?
    /// The rank aimed at.
    var rank: String?
    /// How far the latest score is from the target's, signed ("+2,5": that much still to gain).
    var gap: String?
    /// Whether the score target is on track (``TargetProgress``), when it sets a score.
    var scoreLevel: LevelLabel?
    /// Whether the rank target is on track, when it sets a rank.
    var rankLevel: LevelLabel?
}

/// A target's on-track level and its words.
struct LevelLabel: TemplateModel {
    /// `achieved`, `on-track`, `moderate`, `limited`, `deterioration`, `missed` or `not-enough-data` (a CSS modifier).
    var level: String
    /// Its words: "Đúng lộ trình".
    var label: String
}

/// One value a target sets, judged (an index page's table of targets).
struct TargetProgressRow: TemplateModel {
    /// What is measured: "Điểm", "Xếp hạng", an area's or a criterion's name.
    var measure: String
    /// The target's year.
    var year: String
    /// The value aimed at.
    var target: String
    /// The latest result counted, with its year, or "–".
    var latest: String
    /// The average change a year from the first result to the latest ("+1/năm"), or "–".
    var kept: String
    /// The change a year still needed, or "–".
    var needed: String
    /// The level.
    var status: LevelLabel
}

/// An index with its latest result and next target (dashboard, index list, index page).
struct IndexSummary: TemplateModel {
    /// The index's id.
    var id: String
    /// Its full name.
    var name: String
    /// Its short name ("PAR Index").
    var short: String
    /// The link to its page.
    var href: String
    /// Its maximum score.
    var max: String
    /// Its unit, if it has one ("%", "điểm"), else empty.
    var unit: String
    /// What follows a score: "%" right after it, another unit after a space (" điểm"), else nothing.
    var unitSuffix: String
    /// The completion of the tasks that serve it.
    var completion: CompletionFigures
    /// Who publishes it, if known.
    var publisher: String?
    /// The latest result.
    var result: YearFigures?
    /// The first target after the latest result (else the last target).
    var target: TargetFigures?
    /// On the dashboard, a small chart of its scores (HTML).
    var sparkline: HTMLBytes?
}

/// A plan, linked: `{number, title, href}`.
struct PlanLink: TemplateModel {
    /// Its number ("116/KH-UBND").
    var number: String
    /// Its title.
    var title: String
    /// The link to its page.
    var href: String
}
