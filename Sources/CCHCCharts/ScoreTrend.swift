/// An index's score by year on its own scale, with targets and an optional method-break marker.
///
/// Years may be missing (the line is dashed across the gap), a score above the maximum is drawn at the top
/// with a warning marker and a footnote, and no line joins the years on both sides of a method break.
public struct ScoreTrendChart: Chart {
    /// One published score.
    public struct Point: Sendable, Hashable {
        /// The year the result is for.
        public var year: Int
        /// The score on the index's scale.
        public var score: Double
        /// Makes a point.
        public init(year: Int, score: Double) {
            self.year = year
            self.score = score
        }
    }

    /// A target score for a year.
    public struct Target: Sendable, Hashable {
        /// The year the target is for.
        public var year: Int
        /// The target score.
        public var score: Double
        /// Makes a target.
        public init(year: Int, score: Double) {
            self.year = year
            self.score = score
        }
    }

    /// The id prefix of everything inside the chart.
    public var id: String
    /// What the chart shows, e.g. "Điểm Chỉ số CCHC qua các năm".
    public var title: String
    /// The scores; order does not matter, a repeated year keeps the last one, non-finite scores are dropped.
    public var points: [Point]
    /// The top of the scale (100 for the PAR Index, 80 for PAPI).
    public var maximum: Double
    /// The bottom of the axis (0 by default; PAPI's scale starts at 10).
    public var minimum: Double
    /// A unit printed after each value, e.g. "%" for SIPAS; nil for none.
    public var unit: String?
    /// Targets, drawn as diamonds with a dashed guide.
    public var targets: [Target]
    /// The first year of a new method (SIPAS: 2022); values before it do not compare with it.
    public var methodBreakYear: Int?
    /// Decimals of the printed values.
    public var decimals: Int
    /// The language of the chart's words.
    public var language: ChartLanguage

    /// Makes a score trend.
    public init(
        id: String, title: String, points: [Point], maximum: Double, minimum: Double = 0, unit: String? = nil,
        targets: [Target] = [], methodBreakYear: Int? = nil, decimals: Int = 2, language: ChartLanguage = .vi
    ) {
        self.id = id
        self.title = title
        self.points = points
        self.maximum = maximum
        self.minimum = minimum
        self.unit = unit
        self.targets = targets
        self.methodBreakYear = methodBreakYear
        self.decimals = decimals
        self.language = language
    }

    /// Draws the chart.
    public func render() -> ChartOutput {
        let id = Common.sanitize(self.id)
        let w = Words(language: language)
        var byYear: [Int: Double] = [:]
        for p in points where p.score.isFinite { byYear[p.year] = p.score }
        let targetsByYear = Dictionary(targets.filter { $0.score.isFinite }.map { ($0.year, $0.score) }, uniquingKeysWith: { _, b in b })
        let columns = [w.year, w.score + (unit.map { " (\($0))" } ?? ""), w.target, w.note]
        if byYear.isEmpty && targetsByYear.isEmpty {
            return Common.noData(id: id, kind: "score", title: title, columns: columns, language: language)
        }
        let top = maximum > minimum ? maximum : minimum + 1
        let bottom = minimum
        func fmt(_ v: Double) -> String {
            VietnameseNumber.format(v, decimals: decimals, language: language) + (unit.map { $0 == "%" ? $0 : " " + $0 } ?? "")
        }
        let maxText = VietnameseNumber.format(top, decimals: decimals, trim: true, language: language)
        let minText = VietnameseNumber.format(bottom, decimals: decimals, trim: true, language: language)
        func flag(_ v: Double) -> String? {
            if v > top { return w.aboveMax(maxText) }
            if v < bottom { return w.belowMin(minText) }
            return nil
        }

        // Geometry.
        let width = Charts.viewBoxWidth
        let ticks = niceTicks(low: bottom, high: top)
        let tickLabels = ticks.map { VietnameseNumber.format($0, decimals: 2, trim: true, language: language) }
        let tickWidth = tickLabels.map { TextMetrics.width($0, fontSize: Style.font) }.max() ?? 20
        let plotLeft = Style.pad + tickWidth + 8
        let plotRight = width - Style.pad
        let plotTop: Double = methodBreakYear != nil ? 56 : 36
        let plotHeight: Double = 210
        let plotBottom = plotTop + plotHeight
        let labelWidth = TextMetrics.width(fmt(top) + "*", fontSize: Style.font)
        let inset = max(labelWidth / 2 + 2, 24)
        let allYears =
            Array(byYear.keys) + Array(targetsByYear.keys)
            + (methodBreakYear.map { y in
                let known = Array(byYear.keys) + Array(targetsByYear.keys)
                return (known.min()! < y && y <= known.max()!) ? [y] : []
            } ?? [])
        let axis = YearAxis(years: allYears, left: plotLeft + inset, right: plotRight - inset)
        func y(_ v: Double) -> Double {
            let clamped = min(max(v, bottom), top)
            return plotBottom - (clamped - bottom) / (top - bottom) * plotHeight
        }

        var body = MarkupWriter(depth: 1, capacity: 4096 + byYear.count * 700)
        // Grid and y labels.
        body.group(class: "chart-grid") { svg in
            for t in ticks {
                let yy = y(t)
                svg.line(x1: plotLeft, y1: yy, x2: plotRight, y2: yy, stroke: t == bottom ? Palette.axis : Palette.grid)
            }
        }
        body.group(class: "chart-axis chart-axis-y") { svg in
            for (t, label) in zip(ticks, tickLabels) {
                svg.text(label, x: plotLeft - 6, y: y(t) + 5, anchor: "end")
            }
        }
        axis.labels(baseline: plotBottom + 24, into: &body)

        // Method break.
        if let breakYear = methodBreakYear, breakYear > axis.first, breakYear <= axis.last {
            let bx = (axis.x(breakYear - 1) + axis.x(breakYear)) / 2
            let label = w.methodBreak + " \(breakYear)"
            let labelW = TextMetrics.width(label, fontSize: Style.font)
            let anchorEnd = bx + 4 + labelW > width - Style.pad
            body.group(class: "chart-break") { svg in
                svg.line(x1: bx, y1: plotTop - 22, x2: bx, y2: plotBottom, stroke: Palette.muted, strokeWidth: 1.5, dash: "6 4")
                svg.text(label, x: anchorEnd ? bx - 4 : bx + 4, y: plotTop - 26, anchor: anchorEnd ? "end" : nil, fill: Palette.muted)
            }
        }

        // Targets: a dashed guide at the target level and a diamond at the target year.
        let sortedTargets = targetsByYear.sorted { $0.key < $1.key }
        body.group(class: "chart-targets") { svg in
            for (year, score) in sortedTargets {
                let tx = axis.x(year), ty = y(score)
                let d = 7.0
                svg.line(x1: plotLeft, y1: ty, x2: tx, y2: ty, stroke: Palette.target, strokeWidth: 1.5, dash: "3 4")
                var diamond = PathData()
                diamond.polygon([(tx, ty - d), (tx + d, ty), (tx, ty + d), (tx - d, ty)])
                svg.path(diamond, fill: "#ffffff", stroke: Palette.target, strokeWidth: 2.5, title: "\(w.target) \(year): \(fmt(score))")
                let above = byYear[year].map { score >= $0 } ?? true
                let ly = above ? ty - 12 : ty + 24
                svg.text(fmt(score) + (flag(score) != nil ? "*" : ""), x: tx, y: ly, anchor: "middle", class: "chart-target-value")
            }
        }

        // The series: solid within runs of consecutive years, dashed across missing years, broken at a method break.
        let years = byYear.keys.sorted()
        let (solid, dashed) = seriesPaths(
            years: years,
            broken: { a, b in
                methodBreakYear.map { a < $0 && b >= $0 } ?? false
            }, point: { (axis.x($0), y(byYear[$0]!)) })
        // Each point's value label goes to its own group, after the series.
        let sides = labelSides(count: years.count, spacing: axis.spacing, width: labelWidth)
        var labels = MarkupWriter(depth: 2, capacity: years.count * 300)
        var footnotes: [String] = []
        body.group(class: "chart-series") { svg in
            svg.seriesLine(solid: solid, dashed: dashed)
            for (i, year) in years.enumerated() {
                let v = byYear[year]!
                let px = axis.x(year), py = y(v)
                let flagged = flag(v)
                let tip = "\(year): \(fmt(v))" + (flagged.map { " (\($0))" } ?? "")
                if let flagged {
                    // A triangle pointing off the scale.
                    let s = 8.0
                    var d = PathData()
                    if v > top {
                        d.polygon([(px, py - s), (px + s, py + s * 0.7), (px - s, py + s * 0.7)])
                    } else {
                        d.polygon([(px, py + s), (px + s, py - s * 0.7), (px - s, py - s * 0.7)])
                    }
                    svg.path(class: "chart-point chart-point-out", d, fill: Palette.alert, stroke: "#ffffff", strokeWidth: 1.5, title: tip)
                    footnotes.append("* \(year): \(fmt(v)), \(flagged)")
                } else {
                    svg.circle(
                        class: "chart-point", cx: px, cy: py, r: 5, fill: Palette.series, stroke: "#ffffff", strokeWidth: 1.5,
                        title: tip)
                }
                var side = sides[i]
                // Keep clear of a target label at the same year.
                if let t = targetsByYear[year] { side = t >= v ? .below : .above }
                // Keep labels of points at the bottom inside the plot.
                if side == .below && py + 24 > plotBottom + 4 { side = .above }
                let label = fmt(v) + (flagged != nil ? "*" : "")
                let labelY: Double
                switch side {
                case .above: labelY = py - 12
                case .below: labelY = py + 24
                case .none: continue
                }
                labels.backdrop(label, x: px, y: labelY, anchor: "middle")
                labels.text(label, x: px, y: labelY, anchor: "middle")
            }
        }
        body.group(class: "chart-values", fontWeight: "bold") { $0.append(labels) }

        // Legend and footnotes.
        var yCursor = plotBottom + 52
        if !sortedTargets.isEmpty || !footnotes.isEmpty {
            body.group(class: "chart-legend") { svg in
                if !sortedTargets.isEmpty {
                    let lx = plotLeft
                    var diamond = PathData()
                    diamond.polygon([(lx + 7, yCursor - 12), (lx + 14, yCursor - 5), (lx + 7, yCursor + 2), (lx, yCursor - 5)])
                    svg.path(diamond, fill: "#ffffff", stroke: Palette.target, strokeWidth: 2.5)
                    let text = w.target + ": " + sortedTargets.map { "\($0.key) \(fmt($0.value))" }.joined(separator: "; ")
                    let lines = svg.label(text, x: lx + 22, y: yCursor, maxWidth: plotRight - lx - 22, maxLines: 2)
                    yCursor += Double(lines) * Style.line + 6
                }
                for note in footnotes {
                    let lines = svg.label(note, x: plotLeft, y: yCursor, maxWidth: plotRight - plotLeft, maxLines: 2, class: "chart-footnote")
                    yCursor += Double(lines) * Style.line + 6
                }
            }
        }
        let height = yCursor - Style.line + Style.pad

        // Words and table.
        var items: [String] = []
        var table = Table(caption: title, columns: columns)
        for year in axis.years {
            var notes: [String] = []
            if year == methodBreakYear { notes.append(w.methodBreakNote) }
            let score = byYear[year]
            if let score, let f = flag(score) { notes.append(f) }
            if let score {
                items.append("\(year) \(fmt(score))" + (flag(score).map { " (\($0))" } ?? ""))
            } else if targetsByYear[year] == nil {
                items.append("\(year) \(w.missing)")
            }
            table.rows.append(
                (
                    String(year),
                    [
                        .number(score.map { fmt($0) + (flag($0) != nil ? "*" : "") } ?? "–"),
                        .number(targetsByYear[year].map { fmt($0) } ?? ""),
                        .text(notes.joined(separator: "; ")),
                    ]
                ))
        }
        var desc = Common.list(items, words: w)
        if !sortedTargets.isEmpty {
            desc += " " + w.target + ": " + sortedTargets.map { "\($0.key) \(fmt($0.value))" }.joined(separator: "; ") + "."
        }
        if let b = methodBreakYear, b > axis.first, b <= axis.last { desc += " \(w.methodBreak) \(b)." }
        desc += " " + w.maximum + " \(maxText)."
        return Common.output(id: id, kind: "score", width: width, height: height, title: title, desc: desc, body: body, table: table, language: language)
    }
}
