/// A plan (Kế hoạch) from `content/plans/<id>.md`.
public struct Plan: Sendable, Hashable, Identifiable {
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
public struct PlanTask: Sendable, Hashable, Identifiable {
    /// The full id, `<plan>/<task>`.
    public var id: TaskID
    /// The title.
    public var title: String
    /// Lead agencies, as written.
    public var lead: [Located<AgencyReference>]
    /// Supporting agencies, as written.
    public var support: [Located<AgencyReference>]
    /// What the task should lift.
    public var index: [Located<IndexReference>]
    /// The deadline of a one-off task, or where a recurring one starts.
    public var due: DateOrPeriod?
    /// The recurrence, for a recurring task.
    public var every: Recurrence?
    /// The day of the occurrence's last month it falls due.
    public var day: Int?
    /// The last period of a recurring task.
    public var until: DateOrPeriod?
    /// The target, free text.
    public var target: String?
    /// Where the plan's text sets the task out, e.g. `III.1`.
    public var section: String?
    /// Where the task's entry starts.
    public var location: SourceLocation
}
