/// A place in a site's source files: a path relative to the site, a 1-based line and column.
///
/// Columns count user-visible characters of the NFC text (libyaml counts Unicode scalars, which
/// for NFC Vietnamese is the same thing).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The path relative to the site folder, with `/` separators.
    public var path: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column.
    public var column: Int

    /// Creates a location.
    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = max(1, line)
        self.column = max(1, column)
    }

    /// `path:line:column`.
    public var description: String { "\(path):\(line):\(column)" }

    /// Orders by path (byte order), then line, then column.
    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        if a.path != b.path { return a.path.utf8Precedes(b.path) }
        if a.line != b.line { return a.line < b.line }
        return a.column < b.column
    }
}

/// How bad a diagnostic is.
public enum Severity: String, Sendable, Hashable, Codable {
    /// The site cannot be built until this is fixed.
    case error
    /// The site builds, but something is probably wrong.
    case warning
}

/// One problem found in a site's files.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// Error or warning.
    public var severity: Severity
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong and how to fix it, in one sentence.
    public var message: String

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `path:line:column: error: message`.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    /// Sorts diagnostics by file and position, errors before warnings at the same spot.
    public static func sorted(_ list: [Diagnostic]) -> [Diagnostic] {
        list.sorted { a, b in
            if a.location != b.location { return a.location < b.location }
            if a.severity != b.severity { return a.severity == .error }
            return a.message < b.message
        }
    }
}

/// Collects diagnostics while files are read; loaders record problems and go on.
public struct DiagnosticLog: Sendable {
    /// Everything recorded so far, in the order it was found.
    public private(set) var all: [Diagnostic] = []

    /// Creates an empty log.
    public init() {}

    /// Records an error.
    public mutating func error(_ location: SourceLocation, _ message: String) {
        all.append(Diagnostic(.error, location, message))
    }

    /// Records a warning.
    public mutating func warning(_ location: SourceLocation, _ message: String) {
        all.append(Diagnostic(.warning, location, message))
    }

    /// Appends another log's diagnostics.
    public mutating func append(contentsOf other: [Diagnostic]) {
        all.append(contentsOf: other)
    }

    /// Whether any error was recorded.
    public var hasErrors: Bool { all.contains { $0.severity == .error } }
}

/// The keys that are closest to a misspelt one, for "did you mean" hints.
enum Suggestion {
    /// The nearest of `candidates` to `word`, if it is near enough to be a plausible typo.
    ///
    /// Ties go to the candidate with the same first letter, then the one closest in length.
    static func nearest(to word: String, in candidates: [String]) -> String? {
        let lower = Array(word.lowercased())
        var best: (String, Int, Int)?
        for candidate in candidates {
            let distance = editDistance(lower, Array(candidate))
            // Rank: distance first; a different first letter or length counts as a fraction of a step.
            let tie = (candidate.first == lower.first ? 0 : 100) + abs(candidate.count - lower.count)
            if best == nil || distance < best!.1 || (distance == best!.1 && tie < best!.2) { best = (candidate, distance, tie) }
        }
        guard let (candidate, distance, _) = best else { return nil }
        let limit = max(2, 3 * max(word.count, candidate.count) / 4)
        return distance <= limit ? candidate : nil
    }

    /// Levenshtein distance between two character arrays.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
