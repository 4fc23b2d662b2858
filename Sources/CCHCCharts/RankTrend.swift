/// A rank by year on an inverted axis (1 at the top), each point labelled "28/63".
///
/// `of` may change from year to year (63, 61, 34): the axis runs to the largest `of`, and the line is broken
/// where `of` changes, since ranks among different numbers of provinces do not compare.
public struct RankTrendChart: Chart {
    /// One published rank.
    public struct Point: Sendable, Hashable {
        /// The year the result is for.
        public var year: Int
        /// The rank, 1 being best.
        public var rank: Int
        /// How many were ranked that year.
        public var of: Int
        /// Makes a point.
        public init(year: Int, rank: Int, of: Int) {
            self.year = year
            self.rank = rank
            self.of = of
        }
    }

    /// The id prefix of everything inside the chart.
    public var id: String
    /// What the chart shows, e.g. "Xếp hạng Chỉ số CCHC qua các năm".
    public var title: String
    /// The ranks; order does not matter, a repeated year keeps the last one.
    public var points: [Point]
    /// The language of the chart's words.
    public var language: ChartLanguage

    /// Makes a rank trend.
    public init(id: String, title: String, points: [Point], language: ChartLanguage = .vi) {
        self.id = id
        self.title = title
        self.points = points
        self.language = language
    }

    /// Draws the chart.
    public func render() -> ChartOutput {
        let id = Common.sanitize(self.id)
        let w = Words(language: language)
        var byYear: [Int: Point] = [:]
        for p in points where p.of > 0 { byYear[p.year] = p }
        let columns = [w.year, w.rank, w.change]
        if byYear.isEmpty {
            return Common.noData(id: id, kind: "rank", title: title, columns: columns, language: language)
        }
        let years = byYear.keys.sorted()
        let bottomRank = max(byYear.values.map(\.of).max()!, 2)
        func label(_ p: Point) -> String { "\(p.rank)/\(p.of)" + (p.rank < 1 || p.rank > p.of ? "*" : "") }

        let width = Charts.viewBoxWidth
        var ticks = [1]
        var t = 10
        while t < bottomRank {
            ticks.append(t)
            t += 10
        }
        if bottomRank - ticks.last! >= 5 || ticks.count == 1 { ticks.append(bottomRank) } else { ticks[ticks.count - 1] = bottomRank }
        let tickWidth = TextMetrics.width(String(bottomRank), fontSize: Style.font)
        let plotLeft = Style.pad + tickWidth + 8
        let plotRight = width - Style.pad
        let plotTop = 36.0, plotHeight = 210.0
        let plotBottom = plotTop + plotHeight
        let labelWidth = TextMetrics.width("\(bottomRank)/\(bottomRank)*", fontSize: Style.font)
        let axis = YearAxis(years: years, left: plotLeft + max(labelWidth / 2 + 2, 24), right: plotRight - max(labelWidth / 2 + 2, 24))
        func y(_ rank: Int) -> Double {
            let r = Double(min(max(rank, 1), bottomRank))
            return plotTop + (r - 1) / Double(bottomRank - 1) * plotHeight
        }

        var body = MarkupWriter(depth: 1, capacity: 4096 + years.count * 600)
        body.group(class: "chart-grid") { svg in
            for tick in ticks {
                let yy = y(tick)
                svg.line(x1: plotLeft, y1: yy, x2: plotRight, y2: yy, stroke: tick == bottomRank ? Palette.axis : Palette.grid)
            }
        }
        body.group(class: "chart-axis chart-axis-y") { svg in
            for tick in ticks {
                svg.text(String(tick), x: plotLeft - 6, y: y(tick) + 5, anchor: "end")
            }
        }
        axis.labels(baseline: plotBottom + 24, into: &body)

        let (solid, dashed) = seriesPaths(
            years: years, broken: { byYear[$0]!.of != byYear[$1]!.of },
            point: { (axis.x($0), y(byYear[$0]!.rank)) })
        // Each point's value label goes to its own group, after the series.
        let sides = labelSides(count: years.count, spacing: axis.spacing, width: labelWidth)
        var labels = MarkupWriter(depth: 2, capacity: years.count * 300)
        var flagged = false
        body.group(class: "chart-series") { svg in
            svg.seriesLine(solid: solid, dashed: dashed)
            for (i, year) in years.enumerated() {
                let p = byYear[year]!
                let px = axis.x(year), py = y(p.rank)
                if p.rank < 1 || p.rank > p.of { flagged = true }
                svg.circle(
                    class: "chart-point", cx: px, cy: py, r: 5, fill: Palette.series, stroke: "#ffffff", strokeWidth: 1.5,
                    title: "\(year): \(label(p))")
                var side = sides[i]
                if side == .above && py - 12 - Style.font < 4 { side = .below }
                if side == .below && py + 24 > plotBottom + 4 { side = .above }
                let labelY: Double
                switch side {
                case .above: labelY = py - 12
                case .below: labelY = py + 24
                case .none: continue
                }
                labels.backdrop(label(p), x: px, y: labelY, anchor: "middle")
                labels.text(label(p), x: px, y: labelY, anchor: "middle")
            }
        }
        body.group(class: "chart-values", fontWeight: "bold") { $0.append(labels) }
        var height = plotBottom + 34
        if flagged {
            let note = language == .vi ? "* Thứ hạng nằm ngoài khoảng 1…số tỉnh được xếp hạng" : "* Rank outside 1…the number ranked"
            body.text(note, x: plotLeft, y: height + 12, class: "chart-footnote")
            height += 24
        }

        var items: [String] = []
        var table = Table(caption: title, columns: columns)
        var previous: Point?
        for year in axis.years {
            guard let p = byYear[year] else {
                items.append("\(year) \(w.missing)")
                table.rows.append((String(year), [.number("–"), .text("")]))
                continue
            }
            var change = ""
            if let prev = previous, prev.of == p.of {
                let d = prev.rank - p.rank
                if language == .vi {
                    change = d > 0 ? "tăng \(d) bậc" : d < 0 ? "giảm \(-d) bậc" : "giữ nguyên"
                } else {
                    change = d > 0 ? "up \(d)" : d < 0 ? "down \(-d)" : "unchanged"
                }
            }
            previous = p
            items.append("\(year) \(label(p))")
            table.rows.append((String(year), [.number(label(p)), .text(change)]))
        }
        return Common.output(
            id: id, kind: "rank", width: width, height: height, title: title,
            desc: Common.list(items, words: w), body: body, table: table, language: language)
    }
}
