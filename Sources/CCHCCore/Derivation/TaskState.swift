/// The derived state of one (task, lead agency, occurrence) pair, as the spec's table defines it.
public enum TaskState: String, Sendable, Hashable, CaseIterable, Codable {
    case done
    case doneLate = "done-late"
    case inProgress = "in-progress"
    case notStarted = "not-started"
    case overdue
    case dropped
    case noReport = "no-report"

    /// Whether the state counts as done in completion shares (done and done late).
    public var isDone: Bool { self == .done || self == .doneLate }
}

/// A share of pairs that are done, with the counts of every state.
public struct Completion: Sendable, Hashable {
    /// How many pairs are in each state.
    public private(set) var counts: [TaskState: Int] = [:]

    /// An empty tally.
    public init() {}

    /// Counts one pair.
    public mutating func add(_ state: TaskState) { counts[state, default: 0] += 1 }

    /// Adds another tally.
    public mutating func add(_ other: Completion) {
        for (state, count) in other.counts { counts[state, default: 0] += count }
    }

    /// All pairs, dropped ones included (they stay in the denominator).
    public var total: Int { counts.values.reduce(0, +) }
    /// Pairs done, on time or late.
    public var done: Int { (counts[.done] ?? 0) + (counts[.doneLate] ?? 0) }
    /// Pairs in one state.
    public func count(_ state: TaskState) -> Int { counts[state] ?? 0 }
    /// Done ÷ total, or nil when there are no pairs.
    public var share: Double? { total == 0 ? nil : Double(done) / Double(total) }
}
