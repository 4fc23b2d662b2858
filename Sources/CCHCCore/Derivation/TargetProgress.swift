/// How an index's results stand against one of the province's targets (`targets:` in an index file).
///
/// The measure follows the idea of Open SDG's progress status for SDG targets: compare the pace
/// the results have kept with the pace still needed to reach the target in its year. Where Open SDG
/// uses compound yearly growth from a base year, we use the plain average yearly change in points
/// (or ranks), because scores are bounded scales and ranks are places, not quantities that grow.
///
/// **The rule.** Take the results of the measure (total score, rank, an area's or a criterion's
/// score) from years up to and including the target year; for ranks, only those out of as many
/// provinces as the target's `of`, or else as the latest ranking up to the target year (a rank out
/// of 63 and one out of 34 cannot be compared). Then:
///
/// 1. No such result: **not enough data**.
/// 2. A result for the target year itself decides: **target achieved** when it meets the target
///    (at least the target where higher is better; at most the target for ranks and for scores
///    where lower is better), else **target missed**.
/// 3. There are results after the target year but none for it: **not enough data** (the year
///    that decides is not published, and a later year does not stand in for it).
/// 4. The latest result meets the target already: **target achieved**.
/// 5. Only one result: **not enough data** (no trend).
/// 6. Otherwise, the pace kept is the average yearly change from the first result to the latest,
///    counted positive in the better direction; the pace needed is the gap still left between the
///    latest result and the target, divided by the years from the latest result to the target year.
///    Their ratio gives the level: at least 0.95 **on track**; at least 0.6 **moderate progress**;
///    at least 0 (no change included) **limited or no progress**; below 0 **deterioration**.
///    (0.95, 0.6 and 0 are Open SDG's thresholds for quantitative targets.)
///
/// The reporting date plays no part: the judgement depends on published results only, so a
/// target whose year has ended but whose results are not yet published is still projected.
public struct TargetProgress: Sendable, Hashable {
    /// What is measured against the target.
    public enum Measure: Sendable, Hashable {
        /// The total score.
        case score
        /// The rank (lower is better).
        case rank
        /// The score of an area, by area id.
        case area(String)
        /// The score of a criterion, by code.
        case criterion(String)
    }

    /// One published value of a measure.
    public struct Point: Sendable, Hashable {
        /// The year of the result.
        public var year: Int
        /// The value (score or rank).
        public var value: Double

        /// Makes a point.
        public init(year: Int, value: Double) {
            self.year = year
            self.value = value
        }
    }

    /// The index.
    public var index: IndexID
    /// What is measured.
    public var measure: Measure
    /// The target's year.
    public var year: Int
    /// The target value (score or rank).
    public var target: Double
    /// Whether a higher value is better: the index's `higher_is_better` for scores, false for ranks.
    public var higherIsBetter: Bool
    /// For ranks, how many provinces the results used were ranked out of.
    public var of: Int?
    /// The first result of the trend, when there is one.
    public var first: Point?
    /// The latest result used, when there is one.
    public var latest: Point?
    /// The average yearly change from `first` to `latest`, in the measure's own direction (a rank
    /// that falls from 40 to 36 in two years is -2), when there are two results.
    public var averageChange: Double?
    /// The yearly change still needed from `latest` to the target in the target year, in the
    /// measure's own direction, when the target is neither met nor past.
    public var neededChange: Double?
    /// The pace kept over the pace needed, counted positive in the better direction (rule 6).
    public var ratio: Double?
    /// The level.
    public var level: TargetLevel

    /// Judges one series against one target by the rule above.
    public init(
        index: IndexID, measure: Measure, year: Int, target: Double, higherIsBetter: Bool,
        results: [Point], of: Int? = nil
    ) {
        self.index = index
        self.measure = measure
        self.year = year
        self.target = target
        self.higherIsBetter = higherIsBetter
        self.of = of
        let sorted = results.sorted { $0.year < $1.year }
        let used = sorted.filter { $0.year <= year }
        let direction: Double = higherIsBetter ? 1 : -1
        first = used.first
        latest = used.last
        guard let first = used.first, let latest = used.last else {
            level = .notEnoughData
            return
        }
        // Meeting the target counts exactly: scores are given with at most a few decimals.
        let meets = direction * (latest.value - target) >= 0
        if latest.year == year {
            level = meets ? .achieved : .missed
            return
        }
        if sorted.contains(where: { $0.year > year }) {
            level = .notEnoughData
            return
        }
        if meets {
            level = .achieved
            return
        }
        if used.count < 2 {
            level = .notEnoughData
            return
        }
        let kept = (latest.value - first.value) / Double(latest.year - first.year)
        let needed = (target - latest.value) / Double(year - latest.year)
        averageChange = kept
        neededChange = needed
        // `needed` is not zero and points the better way, since the target is not met.
        let ratio = kept / needed
        self.ratio = ratio
        level = TargetLevel(ratio: ratio)
    }

    /// Every target of `index` judged: for each target year, the score, the rank, then each area
    /// and criterion target in the index's order. A target that sets no value for a measure, or an
    /// index without targets, gives nothing for it.
    public static func all(for index: IndexDefinition) -> [TargetProgress] {
        var out: [TargetProgress] = []
        for goal in index.targets {
            if let score = goal.score {
                let points = index.results.compactMap { result in result.score.map { Point(year: result.year, value: $0) } }
                out.append(
                    TargetProgress(
                        index: index.id, measure: .score, year: goal.year, target: score,
                        higherIsBetter: index.higherIsBetter, results: points))
            }
            if let rank = goal.rank {
                // Ranks out of the target's number of provinces, else out of as many as the latest
                // ranking up to the target year.
                let size = goal.of ?? index.results.last { $0.rank != nil && $0.year <= goal.year }?.of
                let points = index.results.compactMap { result in
                    result.rank.flatMap { result.of == size ? Point(year: result.year, value: Double($0)) : nil }
                }
                out.append(
                    TargetProgress(
                        index: index.id, measure: .rank, year: goal.year, target: Double(rank),
                        higherIsBetter: false, results: points, of: size))
            }
            for area in index.areas {
                if let value = goal.areas[area.id] {
                    let points = index.results.compactMap { result in result.areas[area.id].map { Point(year: result.year, value: $0) } }
                    out.append(
                        TargetProgress(
                            index: index.id, measure: .area(area.id), year: goal.year, target: value,
                            higherIsBetter: index.higherIsBetter, results: points))
                }
                for criterion in area.criteria {
                    if let value = goal.criteria[criterion.code] {
                        let points = index.results.compactMap { result in result.criteria[criterion.code].map { Point(year: result.year, value: $0) } }
                        out.append(
                            TargetProgress(
                                index: index.id, measure: .criterion(criterion.code), year: goal.year, target: value,
                                higherIsBetter: index.higherIsBetter, results: points))
                    }
                }
            }
        }
        return out
    }

    /// Every target of every index of `site`, by index id.
    public static func all(_ site: Site) -> [IndexID: [TargetProgress]] {
        var out: [IndexID: [TargetProgress]] = [:]
        for index in site.indices { out[index.id] = all(for: index) }
        return out
    }
}

/// The level of a ``TargetProgress``, best first.
public enum TargetLevel: String, Sendable, Hashable, CaseIterable {
    /// The latest result meets the target.
    case achieved
    /// The pace kept is at least 0.95 of the pace needed.
    case onTrack = "on-track"
    /// The pace kept is at least 0.6 of the pace needed.
    case moderate
    /// The results kept still or moved less than 0.6 of the pace needed.
    case limited
    /// The results moved away from the target.
    case deterioration
    /// The target year's result is published and does not meet the target.
    case missed
    /// No result, a single result, or no result for a target year that later results have passed.
    case notEnoughData = "not-enough-data"

    /// The pace ratio at or above which a series is on track (Open SDG's "substantial progress").
    public static let onTrackRatio = 0.95
    /// The pace ratio at or above which progress is moderate.
    public static let moderateRatio = 0.6

    /// The level for a ratio of pace kept to pace needed. A billionth is allowed below each
    /// threshold so that binary rounding of decimal scores (81.9 − 80 is 1.9000000000000057)
    /// never moves a ratio that is exactly on a threshold.
    public init(ratio: Double) {
        let slack = 1e-9
        if ratio >= TargetLevel.onTrackRatio - slack {
            self = .onTrack
        } else if ratio >= TargetLevel.moderateRatio - slack {
            self = .moderate
        } else if ratio >= -slack {
            self = .limited
        } else {
            self = .deterioration
        }
    }
}
