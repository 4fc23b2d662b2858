/// Wall-clock time spent in each stage of a build, for `cchc build --timings` and the benchmarks.
public struct Timings: Sendable {
    /// Stage names and their durations, in the order they ran.
    public private(set) var stages: [(name: String, duration: Duration)] = []
    private var started = ContinuousClock.now

    /// Starts timing.
    public init() {}

    /// Ends the current stage under `name` and starts the next one.
    public mutating func lap(_ name: String) {
        let now = ContinuousClock.now
        stages.append((name, now - started))
        started = now
    }

    /// Appends another set of stages.
    public mutating func append(_ other: Timings) { stages.append(contentsOf: other.stages) }

    /// One line per stage: `  parse    123.4 ms`.
    public var report: [String] {
        stages.map { stage in
            let ms = Double(stage.duration.components.seconds) * 1000 + Double(stage.duration.components.attoseconds) / 1e15
            let padded = stage.name.padding(toLength: 22, withPad: " ", startingAt: 0)
            return "  \(padded) \(String(format: "%9.1f", ms)) ms"
        }
    }
}
