/// Identifiers of the content's things: slugs wrapped in their own types so they don't mix.
public protocol SlugIdentifier: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral
where RawValue == String {
    init(_ rawValue: String)
}

extension SlugIdentifier {
    public init?(rawValue: String) { self.init(rawValue) }
    public init(stringLiteral value: String) { self.init(value) }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool {
        a.rawValue.utf8Precedes(b.rawValue)
    }
}

/// The id of an agency in `content/agencies.yml`.
public struct AgencyID: SlugIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// The id of a plan: its file name without `.md`.
public struct PlanID: SlugIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// The id of an index: its file name without `.yml`.
public struct IndexID: SlugIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// The full id of a task: `<plan id>/<task id>`.
public struct TaskID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The plan that sets the task.
    public let plan: PlanID
    /// The task's id within its plan.
    public let local: String
    /// Both parts hashed once, here: tasks are looked up by id many times per page, and hashing two strings
    /// each time was a visible share of a national build.
    private let hash: Int

    /// Creates a task id.
    public init(plan: PlanID, local: String) {
        self.plan = plan
        self.local = local
        var hasher = Hasher()
        hasher.combine(plan)
        hasher.combine(local)
        hash = hasher.finalize()
    }

    public static func == (a: TaskID, b: TaskID) -> Bool {
        a.hash == b.hash && a.local == b.local && a.plan == b.plan
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(hash)
    }

    /// Parses `plan/task`; nil when it is not two slugs joined by one `/`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, Slug.isValidID(String(parts[0])), Slug.isValidID(String(parts[1])) else { return nil }
        self.init(plan: PlanID(String(parts[0])), local: String(parts[1]))
    }

    /// `plan/task`.
    public var description: String { "\(plan.rawValue)/\(local)" }

    /// Orders by plan id, then task id, in byte order.
    public static func < (a: TaskID, b: TaskID) -> Bool {
        if a.plan != b.plan { return a.plan < b.plan }
        return a.local.utf8Precedes(b.local)
    }
}
