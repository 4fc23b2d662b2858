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
    /// How many pairs are in each state, by the state's position in `TaskState.allCases` (the
    /// eighth lane is unused). A national site adds hundreds of thousands of pairs: fixed lanes
    /// rather than a dictionary.
    private var tally = SIMD8<Int>()

    /// How many pairs are in each state; states without pairs are left out.
    public var counts: [TaskState: Int] {
        var out: [TaskState: Int] = [:]
        for state in TaskState.allCases where count(state) > 0 { out[state] = count(state) }
        return out
    }

    /// An empty tally.
    public init() {}

    /// Counts one pair.
    public mutating func add(_ state: TaskState) { tally[state.position] += 1 }

    /// Adds another tally.
    public mutating func add(_ other: Completion) { tally &+= other.tally }

    /// All pairs, dropped ones included (they stay in the denominator).
    public var total: Int { tally.wrappedSum() }
    /// Pairs done, on time or late.
    public var done: Int { count(.done) + count(.doneLate) }
    /// Pairs in one state.
    public func count(_ state: TaskState) -> Int { tally[state.position] }
    /// Done ÷ total, or nil when there are no pairs.
    public var share: Double? { total == 0 ? nil : Double(done) / Double(total) }
}

extension TaskState {
    /// The position in `allCases`.
    /// Hashes the case, not its raw string (which a raw-value enum hashes by default).
    public func hash(into hasher: inout Hasher) { hasher.combine(position) }

    var position: Int {
        switch self {
        case .done: return 0
        case .doneLate: return 1
        case .inProgress: return 2
        case .notStarted: return 3
        case .overdue: return 4
        case .dropped: return 5
        case .noReport: return 6
        }
    }
}
