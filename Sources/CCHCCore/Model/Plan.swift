/// A plan (Kế hoạch) from `content/plans/<id>.md`.
public struct Plan: Sendable, Equatable, Identifiable {
    /// The plan id: the file name.
    public var id: PlanID
    /// The document's number, e.g. `386/KH-UBND`.
    public var number: String
    /// The title.
    public var title: String
    /// The agency that issued it.
    public var issuer: Located<AgencyID>
    /// The date of issue.
    public var issued: Day
    /// The plan this one carries out.
    public var parent: Located<PlanID>?
    /// The indices the plan serves.
    public var indices: [Located<IndexID>]
    /// The tasks, in the file's order.
    public var tasks: [PlanTask]
    /// The Markdown text after the front matter.
    public var body: String
    /// The file's path relative to the site.
    public var path: String
    /// False when a required key of the front matter was missing or bad: its tasks are still
    /// known (so reports on them raise no second error), but their occurrences are not checked.
    public var isComplete: Bool = true
}

/// A reference from a task to what it should lift: an index, an area, or a criterion.
public enum IndexReference: Sendable, Hashable, CustomStringConvertible {
    case index(IndexID)
    case area(IndexID, String)
    case criterion(IndexID, String)

    /// The index referred to.
    public var index: IndexID {
        switch self {
        case .index(let id), .area(let id, _), .criterion(let id, _): return id
        }
    }

    /// The text as written: `par-index`, `par-index/area`, `par-index#1.1`.
    public var description: String {
        switch self {
        case .index(let id): return id.rawValue
        case .area(let id, let area): return "\(id.rawValue)/\(area)"
        case .criterion(let id, let code): return "\(id.rawValue)#\(code)"
        }
    }
}

/// How often a recurring task falls due.
public typealias Recurrence = PeriodKind

/// A task (nhiệm vụ) of a plan.
///
/// A class, never changed once read: pages, checks and downloads read tasks hundreds of
/// thousands of times at national scale, and a copy of a class is one retain where a copy of a
/// structure retains each of its strings and lists. Equal by value.
public final class PlanTask: Sendable, Equatable, Identifiable {
    /// The full id, `<plan>/<task>`.
    public let id: TaskID
    /// The title.
    public let title: String
    /// Lead agencies, as written.
    public let lead: [Located<AgencyReference>]
    /// Supporting agencies, as written.
    public let support: [Located<AgencyReference>]
    /// What the task should lift.
    public let index: [Located<IndexReference>]
    /// The deadline of a one-off task, or where a recurring one starts.
    public let due: DateOrPeriod?
    /// The recurrence, for a recurring task.
    public let every: Recurrence?
    /// The day of the occurrence's last month it falls due.
    public let day: Int?
    /// The last period of a recurring task, where it was written.
    public let until: Located<DateOrPeriod>?
    /// The target, free text.
    public let target: String?
    /// Where the plan's text sets the task out, e.g. `III.1`.
    public let section: String?
    /// Where the task's entry starts.
    public let location: SourceLocation

    /// Makes a task.
    public init(
        id: TaskID, title: String, lead: [Located<AgencyReference>], support: [Located<AgencyReference>],
        index: [Located<IndexReference>], due: DateOrPeriod?, every: Recurrence?, day: Int?, until: Located<DateOrPeriod>?,
        target: String?, section: String?, location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.lead = lead
        self.support = support
        self.index = index
        self.due = due
        self.every = every
        self.day = day
        self.until = until
        self.target = target
        self.section = section
        self.location = location
    }

    public static func == (a: PlanTask, b: PlanTask) -> Bool {
        a === b
            || (a.id == b.id && a.title == b.title && a.lead == b.lead && a.support == b.support && a.index == b.index
                && a.due == b.due && a.every == b.every && a.day == b.day && a.until == b.until && a.target == b.target
                && a.section == b.section && a.location == b.location)
    }
}
