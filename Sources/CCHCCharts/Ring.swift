import Foundation

/// A ring showing one share 0…1 (e.g. tasks done), with the percentage in the middle and a label beside it.
public struct CompletionRingChart: Chart {
    /// The id prefix of everything inside the chart.
    public var id: String
    /// What the chart shows, e.g. "Tỷ lệ nhiệm vụ hoàn thành năm 2024".
    public var title: String
    /// The share 0…1; nil when unknown. Values outside 0…1 are drawn clamped and flagged with "*".
    public var share: Double?
    /// An optional line beside the ring, e.g. "17/20 nhiệm vụ hoàn thành".
    public var caption: String?
    /// The language of the chart's words.
    public var language: ChartLanguage

    /// The width of the ring's viewBox, narrower than `Charts.viewBoxWidth`.
    static let viewBoxWidth: Double = 400

    /// Makes a completion ring.
    public init(id: String, title: String, share: Double?, caption: String? = nil, language: ChartLanguage = .vi) {
        self.id = id
        self.title = title
        self.share = share
        self.caption = caption
        self.language = language
    }

    /// Draws the chart.
    public func render() -> ChartOutput {
        let id = Common.sanitize(self.id)
        let w = Words(language: language)
        let columns = [w.share, w.value, w.note]
        guard let share, share.isFinite else {
            return Common.noData(id: id, kind: "ring", title: title, columns: columns, language: language)
        }
        let out = share < 0 || share > 1
        let text = VietnameseNumber.percent(share, decimals: 1, language: language) + (out ? "*" : "")
        // Narrower than the other charts: the ring often sits in a grid column of 18rem (288 px) or in a card on a
        // phone, and with 400 units its 15-unit labels still render at 10 px or more there.
        let width = Self.viewBoxWidth, height = 180.0
        let cx = Style.pad + 78, cy = height / 2, r = 66.0, stroke = 22.0
        let clamped = min(max(share, 0), 1)
        var body = MarkupWriter(depth: 1, capacity: 2048)
        body.circle(class: "chart-track", cx: cx, cy: cy, r: r, fill: "none", stroke: Palette.track, strokeWidth: stroke)
        body.circle(cx: cx, cy: cy, r: r + stroke / 2, fill: "none", stroke: Palette.axis)
        body.circle(cx: cx, cy: cy, r: r - stroke / 2, fill: "none", stroke: Palette.axis)
        if clamped >= 0.9999 {
            body.circle(
                class: "chart-arc", cx: cx, cy: cy, r: r, fill: "none", stroke: out ? Palette.alert : Palette.series,
                strokeWidth: stroke)
        } else if clamped > 0 {
            let angle = clamped * 2 * Double.pi
            let ex = cx + r * sin(angle), ey = cy - r * cos(angle)
            var d = PathData()
            d.move(cx, cy - r)
            d.arc(radius: r, large: clamped > 0.5, to: ex, ey)
            body.path(class: "chart-arc", d, fill: "none", stroke: out ? Palette.alert : Palette.series, strokeWidth: stroke)
        }
        // The percentage shrinks to stay inside the hole ("100,0%", "125,0%*").
        let hole = 2 * (r - stroke / 2) - 16
        let big = min(Style.big, (hole / (TextMetrics.width(text, fontSize: 1) * 1.03)).rounded(.down))
        body.text(text, x: cx, y: cy + big * 0.35, anchor: "middle", size: big, weight: "bold", class: "chart-value")
        let textLeft = cx + r + stroke / 2 + 20
        let titleLines = body.label(title, x: textLeft, y: 62, maxWidth: width - Style.pad - textLeft, maxLines: 3, weight: "bold")
        var y = 62 + Double(titleLines) * (Style.font + 4) + 6
        if let caption {
            let lines = body.label(caption, x: textLeft, y: y, maxWidth: width - Style.pad - textLeft, maxLines: 2)
            y += Double(lines) * (Style.font + 4) + 6
        }
        if out {
            let note = language == .vi ? "* Tỷ lệ nằm ngoài 0–100%" : "* Share outside 0–100%"
            body.label(note, x: textLeft, y: y, maxWidth: width - Style.pad - textLeft, maxLines: 1, class: "chart-footnote")
        }
        var desc = text
        if let caption { desc += ", " + caption }
        if out { desc += " (" + (language == .vi ? "nằm ngoài 0–100%" : "outside 0–100%") + ")" }
        var table = Table(caption: title, columns: columns)
        table.rows.append((caption ?? title, [.number(text), .text(out ? (language == .vi ? "Tỷ lệ nằm ngoài 0–100%" : "Share outside 0–100%") : "")]))
        return Common.output(id: id, kind: "ring", width: width, height: height, title: title, desc: desc + ".", body: body, table: table, language: language)
    }
}

/// A tiny inline trend for table cells: a line over the years, the last point dotted, no text.
///
/// It is 6em × 1.5em by default (`width`/`height` attributes in `em`, which CSS may override).
public struct SparklineChart: Chart {
    /// One value.
    public struct Point: Sendable, Hashable {
        /// The year of the value.
        public var year: Int
        /// The value.
        public var value: Double
        /// Makes a point.
        public init(year: Int, value: Double) {
            self.year = year
            self.value = value
        }
    }

    /// The id prefix of everything inside the chart.
    public var id: String
    /// What the sparkline shows, e.g. "Xu hướng điểm Chỉ số CCHC".
    public var title: String
    /// The values; a repeated year keeps the last one.
    public var points: [Point]
    /// The bottom and top of the scale; nil fits the data.
    public var range: ClosedRange<Double>?
    /// Decimals of the values in the description and table.
    public var decimals: Int
    /// Whether a higher value is worse, as for ranks (the line is flipped so up means better).
    public var lowerIsBetter: Bool
    /// The language of the chart's words.
    public var language: ChartLanguage

    /// Makes a sparkline.
    public init(
        id: String, title: String, points: [Point], range: ClosedRange<Double>? = nil, decimals: Int = 2,
        lowerIsBetter: Bool = false, language: ChartLanguage = .vi
    ) {
        self.id = id
        self.title = title
        self.points = points
        self.range = range
        self.decimals = decimals
        self.lowerIsBetter = lowerIsBetter
        self.language = language
    }

    /// Draws the sparkline.
    public func render() -> ChartOutput {
        let id = Common.sanitize(self.id)
        let w = Words(language: language)
        var byYear: [Int: Double] = [:]
        for p in points where p.value.isFinite { byYear[p.year] = p.value }
        let years = byYear.keys.sorted()
        let width = 96.0, height = 24.0, pad = 4.0
        func fmt(_ v: Double) -> String { VietnameseNumber.format(v, decimals: decimals, language: language) }
        var body = MarkupWriter(depth: 1, capacity: 1024)
        if years.isEmpty {
            body.line(x1: pad, y1: height / 2, x2: width - pad, y2: height / 2, stroke: Palette.axis, dash: "3 3")
        } else {
            let values = years.map { byYear[$0]! }
            var lo = range?.lowerBound ?? values.min()!
            var hi = range?.upperBound ?? values.max()!
            if hi - lo < 1e-9 {
                lo -= 1
                hi += 1
            }
            let first = years.first!, last = years.last!
            func x(_ year: Int) -> Double { first == last ? width / 2 : pad + Double(year - first) / Double(last - first) * (width - 2 * pad) }
            func y(_ v: Double) -> Double {
                let t = (min(max(v, lo), hi) - lo) / (hi - lo)
                return lowerIsBetter ? pad + t * (height - 2 * pad) : height - pad - t * (height - 2 * pad)
            }
            let (solid, dashed) = seriesPaths(years: years, broken: { _, _ in false }, point: { (x($0), y(byYear[$0]!)) })
            if !dashed.isEmpty {
                body.path(dashed, fill: "none", stroke: Palette.series, strokeWidth: 1.5, dash: "2 3")
            }
            if !solid.isEmpty {
                body.path(solid, fill: "none", stroke: Palette.series, strokeWidth: 2, linejoin: "round")
            }
            body.circle(cx: x(last), cy: y(byYear[last]!), r: 3, fill: Palette.series)
        }
        let items = years.map { "\($0) \(fmt(byYear[$0]!))" }
        var table = Table(caption: title, columns: [w.year, w.value])
        table.empty = w.noData
        for year in years { table.rows.append((String(year), [.number(fmt(byYear[year]!))])) }
        let desc = items.isEmpty ? w.noData + "." : Common.list(items, words: w)
        return Common.output(
            id: id, kind: "spark", width: width, height: height, title: title, desc: desc, body: body,
            size: ("6em", "1.5em"), table: table, language: language)
    }
}
