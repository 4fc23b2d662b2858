/// What an update says of a task.
public enum ReportedStatus: String, Sendable, Hashable, CaseIterable {
    case notStarted = "not-started"
    case inProgress = "in-progress"
    case done
    case dropped

    /// Reads the spec's values, English or Vietnamese.
    public init?(text: String) {
        switch text.lowercased() {
        case "not-started", "chưa thực hiện": self = .notStarted
        case "in-progress", "đang thực hiện": self = .inProgress
        case "done", "hoàn thành": self = .done
        case "dropped", "dừng thực hiện": self = .dropped
        default: return nil
        }
    }
}

/// A document linked as evidence (tài liệu kiểm chứng).
public struct Evidence: Sendable, Hashable {
    /// Its title.
    public var title: String
    /// An http(s) URL, or a path relative to `content/` under `files/`.
    public var url: String
    /// Whether `url` is a file of the site rather than a web address.
    public var isLocalFile: Bool
}

/// One update in a progress report.
///
/// A class, never changed once read, like ``ProgressReport``: pages read updates a hundred
/// thousand times at national scale, and a copy of a class is one retain where a copy of a
/// structure retains each of its strings and lists. Equal by value.
public final class TaskUpdate: Sendable, Equatable {
    /// The task, as written.
    public let task: Located<TaskID>
    /// What the agency says.
    public let status: ReportedStatus
    /// Share done, 0…100.
    public let percent: Double?
    /// When it was done.
    public let completed: Day?
    /// The occurrence of a recurring task this update is about.
    public let period: Located<Period>?
    /// The note, inline Markdown.
    public let note: String?
    /// Evidence documents.
    public let evidence: [Evidence]
    /// Position within the file (0-based), for the latest-update rule.
    public let position: Int

    /// Makes an update.
    public init(
        task: Located<TaskID>, status: ReportedStatus, percent: Double?, completed: Day?, period: Located<Period>?,
        note: String?, evidence: [Evidence], position: Int
    ) {
        self.task = task
        self.status = status
        self.percent = percent
        self.completed = completed
        self.period = period
        self.note = note
        self.evidence = evidence
        self.position = position
    }

    public static func == (a: TaskUpdate, b: TaskUpdate) -> Bool {
        a === b
            || (a.task == b.task && a.status == b.status && a.percent == b.percent && a.completed == b.completed
                && a.period == b.period && a.note == b.note && a.evidence == b.evidence && a.position == b.position)
    }
}

/// One agency's report for one period (`content/progress/**/*.yml`).
///
/// A class, never changed once read (see ``TaskUpdate``). Equal by value.
public final class ProgressReport: Sendable, Equatable {
    /// The file's path relative to the site.
    public let path: String
    /// Who reports.
    public let agency: Located<AgencyID>
    /// The period reported on.
    public let period: Period
    /// The date of the report.
    public let reported: Located<Day>
    /// The updates, in the file's order.
    public let updates: [TaskUpdate]
    /// False when `agency`, `period` or `reported` was missing or bad: its updates are still
    /// checked against the plans, but not against the reporter or the reporting date.
    public let isComplete: Bool

    /// Makes a report.
    public init(
        path: String, agency: Located<AgencyID>, period: Period, reported: Located<Day>, updates: [TaskUpdate],
        isComplete: Bool = true
    ) {
        self.path = path
        self.agency = agency
        self.period = period
        self.reported = reported
        self.updates = updates
        self.isComplete = isComplete
    }

    public static func == (a: ProgressReport, b: ProgressReport) -> Bool {
        a === b
            || (a.path == b.path && a.agency == b.agency && a.period == b.period && a.reported == b.reported
                && a.updates == b.updates && a.isComplete == b.isComplete)
    }
}
