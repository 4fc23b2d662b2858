/// Each area's (or criterion's) last result as a bar against its own maximum, with its target and the change
/// from the year before ("▲ +0,45", "▼ −1,20").
public struct AreaBarsChart: Chart {
    /// One area or criterion.
    public struct Row: Sendable, Hashable {
        /// The area's name, e.g. "Cải cách thủ tục hành chính".
        public var name: String
        /// The last result; nil when there is none.
        public var score: Double?
        /// The area's maximum score.
        public var maximum: Double
        /// The target score, if one is set.
        public var target: Double?
        /// The result of the year before, for the change.
        public var previous: Double?
        /// Makes a row.
        public init(name: String, score: Double?, maximum: Double, target: Double? = nil, previous: Double? = nil) {
            self.name = name
            self.score = score
            self.maximum = maximum
            self.target = target
            self.previous = previous
        }
    }

    /// The id prefix of everything inside the chart.
    public var id: String
    /// What the chart shows, e.g. "Điểm các lĩnh vực Chỉ số CCHC năm 2024".
    public var title: String
    /// The rows, drawn in this order.
    public var rows: [Row]
    /// The header of the name column in the table (default "Lĩnh vực").
    public var rowHeader: String?
    /// Decimals of the printed values.
    public var decimals: Int
    /// The language of the chart's words.
    public var language: ChartLanguage

    /// Makes an area bar chart.
    public init(
        id: String, title: String, rows: [Row], rowHeader: String? = nil, decimals: Int = 2,
        language: ChartLanguage = .vi
    ) {
        self.id = id
        self.title = title
        self.rows = rows
        self.rowHeader = rowHeader
        self.decimals = decimals
        self.language = language
    }

    /// Draws the chart.
    public func render() -> ChartOutput {
        let id = Common.sanitize(self.id)
        let w = Words(language: language)
        let columns = [rowHeader ?? w.area, w.score, w.maximum, w.target, w.change]
        if rows.isEmpty {
            return Common.noData(id: id, kind: "areas", title: title, columns: columns, language: language)
        }
        func fmt(_ v: Double) -> String { VietnameseNumber.format(v, decimals: decimals, language: language) }
        func fmtMax(_ v: Double) -> String { VietnameseNumber.format(v, decimals: decimals, trim: true, language: language) }
        func change(_ row: Row) -> (symbol: String, words: String)? {
            guard let s = row.score, let p = row.previous, s.isFinite, p.isFinite else { return nil }
            let d = s - p
            let text = VietnameseNumber.format(d, decimals: decimals, language: language, signed: true)
            let magnitude = VietnameseNumber.format(abs(d), decimals: decimals, language: language)
            let zero = text.hasPrefix("±")
            let symbol = zero ? text : (d > 0 ? "▲ " : "▼ ") + text
            let words: String
            if zero {
                words = language == .vi ? "không đổi" : "unchanged"
            } else if d > 0 {
                words = (language == .vi ? "tăng " : "up ") + magnitude
            } else {
                words = (language == .vi ? "giảm " : "down ") + magnitude
            }
            return (symbol, words)
        }
        func valueText(_ row: Row) -> String {
            guard let s = row.score, s.isFinite else { return "–/" + fmtMax(row.maximum) }
            return fmt(s) + "/" + fmtMax(row.maximum) + (s > row.maximum || s < 0 ? "*" : "")
        }

        let width = Charts.viewBoxWidth
        let left = Style.pad, right = width - Style.pad
        let changeWidth = TextMetrics.width("▼ −00,00", fontSize: Style.font) + 8
        let barRight = right - changeWidth
        let barHeight = 16.0
        var yCursor = Style.pad + Style.font
        // Each row's printed value and change, worked out once for the picture, words and table.
        let values = rows.map(valueText)
        let changes = rows.map(change)
        var footnotes: [String] = []
        var anyTarget = false
        var body = MarkupWriter(depth: 1, capacity: 2048 + rows.count * 1024)
        body.group(class: "chart-rows") { svg in
            for (i, row) in rows.enumerated() {
                svg.group(class: "chart-row", id: (id, "-row-", i)) { svg in
                    let value = values[i]
                    let valueWidth = TextMetrics.width(value, fontSize: Style.font)
                    let lines = svg.label(row.name, x: left, y: yCursor, maxWidth: right - left - valueWidth - 12, maxLines: 2)
                    svg.text(value, x: right, y: yCursor, anchor: "end", weight: "bold", class: "chart-value")
                    let barY = yCursor + Double(lines - 1) * (Style.font + 4) + 10
                    let barWidth = barRight - left
                    svg.rect(
                        class: "chart-track", x: left, y: barY, width: barWidth, height: barHeight, fill: Palette.track,
                        stroke: Palette.axis)
                    let maxV = row.maximum > 0 ? row.maximum : 1
                    if let s = row.score, s.isFinite {
                        let out = s > row.maximum || s < 0
                        let share = min(max(s / maxV, 0), 1)
                        if share > 0 {
                            svg.rect(
                                class: out ? "chart-bar chart-bar-out" : "chart-bar", x: left, y: barY, width: barWidth * share,
                                height: barHeight, fill: out ? Palette.alert : Palette.series)
                        }
                        if out {
                            footnotes.append("* \(row.name): \(fmt(s)), " + (s > row.maximum ? w.aboveMax(fmtMax(row.maximum)) : w.belowMin("0")))
                        }
                    }
                    if let t = row.target, t.isFinite {
                        anyTarget = true
                        let tx = left + barWidth * min(max(t / maxV, 0), 1)
                        // A triangle pointing down at the bar, on a stem through it.
                        var d = PathData()
                        d.polygon([(tx - 6, barY - 7), (tx + 6, barY - 7), (tx, barY)])
                        d.move(tx - 1.5, barY)
                        d.horizontal(tx + 1.5)
                        d.vertical(barY + barHeight + 4)
                        d.horizontal(tx - 1.5)
                        d.close()
                        svg.path(class: "chart-target", d, fill: Palette.ink, title: "\(w.target): \(fmt(t))")
                    }
                    if let c = changes[i] {
                        svg.text(c.symbol, x: right, y: barY + barHeight - 2, anchor: "end", class: "chart-change")
                    }
                    yCursor = barY + barHeight + 14 + Style.font + 6
                }
            }
        }
        // Legend.
        var lx = left
        let ly = yCursor - Style.font + 4
        body.group(class: "chart-legend") { svg in
            svg.rect(x: lx, y: ly - 12, width: 14, height: 14, fill: Palette.series)
            svg.text(w.score, x: lx + 20, y: ly)
            lx += 20 + TextMetrics.width(w.score, fontSize: Style.font) + 18
            svg.rect(x: lx, y: ly - 12, width: 14, height: 14, fill: Palette.track, stroke: Palette.axis)
            svg.text(w.maximum, x: lx + 20, y: ly)
            lx += 20 + TextMetrics.width(w.maximum, fontSize: Style.font) + 18
            if anyTarget {
                var d = PathData()
                d.polygon([(lx, ly - 12), (lx + 12, ly - 12), (lx + 6, ly - 5)])
                d.move(lx + 4.5, ly - 5)
                d.horizontal(lx + 7.5)
                d.vertical(ly + 3)
                d.horizontal(lx + 4.5)
                d.close()
                svg.path(d, fill: Palette.ink)
                svg.text(w.target, x: lx + 18, y: ly)
            }
        }
        yCursor = ly + 8
        for note in footnotes {
            yCursor += Style.line + 4
            let lines = body.label(note, x: left, y: yCursor, maxWidth: right - left, maxLines: 2, class: "chart-footnote")
            yCursor += Double(lines - 1) * Style.line
        }
        let height = yCursor + Style.pad

        var items: [String] = []
        var table = Table(caption: title, columns: columns)
        let target = w.target.lowercased()
        for (i, row) in rows.enumerated() {
            var item = "\(row.name): \(values[i])"
            if let t = row.target, t.isFinite { item += ", \(target) \(fmt(t))" }
            if let c = changes[i] { item += ", \(c.words)" }
            items.append(item)
            table.rows.append(
                (
                    row.name,
                    [
                        .number(row.score.map { $0.isFinite ? fmt($0) + (($0 > row.maximum || $0 < 0) ? "*" : "") : "–" } ?? "–"),
                        .number(fmtMax(row.maximum)),
                        .number(row.target.map(fmt) ?? ""),
                        .number(changes[i]?.symbol ?? ""),
                    ]
                ))
        }
        return Common.output(
            id: id, kind: "areas", width: width, height: height, title: title,
            desc: Common.list(items, words: w), body: body, table: table, language: language)
    }
}
