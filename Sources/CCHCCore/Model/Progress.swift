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
public struct TaskUpdate: Sendable, Hashable {
    /// The task, as written.
    public var task: Located<TaskID>
    /// What the agency says.
    public var status: ReportedStatus
    /// Share done, 0…100.
    public var percent: Double?
    /// When it was done.
    public var completed: Day?
    /// The occurrence of a recurring task this update is about.
    public var period: Located<Period>?
    /// The note, inline Markdown.
    public var note: String?
    /// Evidence documents.
    public var evidence: [Evidence]
    /// Position within the file (0-based), for the latest-update rule.
    public var position: Int
}

/// One agency's report for one period (`content/progress/**/*.yml`).
public struct ProgressReport: Sendable, Hashable {
    /// The file's path relative to the site.
    public var path: String
    /// Who reports.
    public var agency: Located<AgencyID>
    /// The period reported on.
    public var period: Period
    /// The date of the report.
    public var reported: Located<Day>
    /// The updates, in the file's order.
    public var updates: [TaskUpdate]
    /// False when `agency`, `period` or `reported` was missing or bad: its updates are still
    /// checked against the plans, but not against the reporter or the reporting date.
    public var isComplete: Bool = true
}
