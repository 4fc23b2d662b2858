/// A grid of rows (agencies) × columns (indices) with the completion share in each cell, printed as a
/// percentage on a light-to-dark blue ramp; cells without tasks are hatched and marked "–".
public struct HeatmapChart: Chart {
    /// One row: a name and one share per column (nil when the row has no tasks there).
    public struct Row: Sendable, Hashable {
        /// The row's name, e.g. "UBND huyện Na Hang".
        public var name: String
        /// Shares 0…1, one per column; missing trailing values count as nil.
        public var shares: [Double?]
        /// Makes a row.
        public init(name: String, shares: [Double?]) {
            self.name = name
            self.shares = shares
        }
    }

    /// The id prefix of everything inside the chart.
    public var id: String
    /// What the chart shows, e.g. "Tỷ lệ hoàn thành nhiệm vụ theo cơ quan và chỉ số".
    public var title: String
    /// The column headers, e.g. ["PAR Index", "SIPAS", "PAPI", "PCI", "DTI"].
    public var columns: [String]
    /// The rows, drawn in this order.
    public var rows: [Row]
    /// The header of the name column in the table (default "Cơ quan").
    public var rowHeader: String?
    /// The language of the chart's words.
    public var language: ChartLanguage

    /// Makes a heatmap.
    public init(id: String, title: String, columns: [String], rows: [Row], rowHeader: String? = nil, language: ChartLanguage = .vi) {
        self.id = id
        self.title = title
        self.columns = columns
        self.rows = rows
        self.rowHeader = rowHeader
        self.language = language
    }

    /// Draws the chart.
    public func render() -> ChartOutput {
        let id = Common.sanitize(self.id)
        let w = Words(language: language)
        let tableColumns = [rowHeader ?? w.agency] + columns
        if rows.isEmpty || columns.isEmpty {
            return Common.noData(id: id, kind: "heatmap", title: title, columns: tableColumns, language: language)
        }
        func share(_ row: Row, _ c: Int) -> Double? {
            guard c < row.shares.count, let s = row.shares[c], s.isFinite else { return nil }
            return s
        }
        func label(_ s: Double?) -> String {
            guard let s else { return "–" }
            return VietnameseNumber.percent(s, decimals: 0, language: language) + (s < 0 || s > 1 ? "*" : "")
        }
        let labelWidth = 176.0
        let cellMin = 54.0
        let baseWidth = Charts.viewBoxWidth
        let left = Style.pad
        // With many columns the names go above their row, so the cells get the whole width.
        let stacked = 2 * Style.pad + labelWidth + cellMin * Double(columns.count) > baseWidth
        let cellWidth = stacked ? max(46, (baseWidth - 2 * Style.pad) / Double(columns.count))
                                : max(cellMin, (baseWidth - 2 * Style.pad - labelWidth) / Double(columns.count))
        let width = max(baseWidth, 2 * Style.pad + (stacked ? 0 : labelWidth) + cellWidth * Double(columns.count))
        let gridLeft = stacked ? left : left + labelWidth
        let cellHeight = stacked ? 32.0 : 42.0
        let rowHeight = stacked ? cellHeight + Style.line + 6 : cellHeight
        let headerMaxLines = stacked ? 3 : 2

        var body: [Node] = []
        // Column headers, up to two lines each.
        var headerLines = 1
        var headers: [(Node, Int)] = []
        for (c, name) in columns.enumerated() {
            let cx = gridLeft + cellWidth * (Double(c) + 0.5)
            let h = Common.label(name, x: cx, y: 0, maxWidth: cellWidth - 6, maxLines: headerMaxLines, anchor: "middle", cls: "chart-col-label")
            headers.append(h)
            headerLines = max(headerLines, h.1)
        }
        let headerTop = Style.pad + Style.font
        let gridTop = headerTop + Double(headerLines - 1) * (Style.font + 4) + 10
        var headerNodes: [Node] = []
        for (c, name) in columns.enumerated() {
            let cx = gridLeft + cellWidth * (Double(c) + 0.5)
            let lines = headers[c].1
            // Bottom-align headers: shift shorter ones down.
            let y = headerTop + Double(headerLines - lines) * (Style.font + 4)
            headerNodes.append(Common.label(name, x: cx, y: y, maxWidth: cellWidth - 6, maxLines: headerMaxLines,
                                            anchor: "middle", cls: "chart-col-label").0)
        }
        body.append(.el("g", ["class": "chart-columns", "font-weight": "bold"], headerNodes))

        var rowNodes: [Node] = []
        var anyNil = false
        for (r, row) in rows.enumerated() {
            var children: [Node] = []
            let top: Double
            if stacked {
                let labelTop = gridTop + Double(r) * rowHeight + 4
                children.append(Common.label(row.name, x: left, y: labelTop + Style.font, maxWidth: width - 2 * Style.pad, maxLines: 1).0)
                top = labelTop + Style.line + 2
            } else {
                top = gridTop + Double(r) * rowHeight
                let lines = TextMetrics.wrap(row.name, maxWidth: labelWidth - 10, fontSize: Style.font, maxLines: 2).lines.count
                let firstBaseline = top + cellHeight / 2 + 5 - Double(lines - 1) * (Style.font + 4) / 2
                children.append(Common.label(row.name, x: left, y: firstBaseline, maxWidth: labelWidth - 10, maxLines: 2).0)
            }
            for c in 0..<columns.count {
                let x = gridLeft + cellWidth * Double(c)
                let s = share(row, c)
                let tip = "\(row.name) · \(columns[c]): " + (s.map { _ in label(s) } ?? w.noTasks)
                if let s {
                    let rgb = Palette.ramp(s)
                    children.append(.el("rect", ["class": "chart-cell", "x": n(x), "y": n(top), "width": n(cellWidth), "height": n(cellHeight),
                                                 "fill": Palette.hex(rgb), "stroke": "#ffffff", "stroke-width": "2"],
                                        [.el("title", [:], [.text(tip)])]))
                    children.append(Common.text(label(s), x: x + cellWidth / 2, y: top + cellHeight / 2 + 5, anchor: "middle",
                                                fill: Palette.textOn(rgb), cls: "chart-cell-value"))
                } else {
                    anyNil = true
                    children.append(.el("rect", ["class": "chart-cell chart-cell-none", "x": n(x), "y": n(top), "width": n(cellWidth),
                                                 "height": n(cellHeight), "fill": "url(#\(id)-pat-none)", "stroke": "#ffffff", "stroke-width": "2"],
                                        [.el("title", [:], [.text(tip)])]))
                    children.append(Common.text("–", x: x + cellWidth / 2, y: top + cellHeight / 2 + 5, anchor: "middle",
                                                fill: Palette.ink, cls: "chart-cell-value"))
                }
            }
            rowNodes.append(.el("g", ["class": "chart-row", "id": "\(id)-row-\(r)"], children))
        }
        body.append(.el("g", ["class": "chart-rows"], rowNodes))

        // Legend: the ramp at five steps, and the hatch for "no tasks".
        var legend: [Node] = []
        var lx = left
        var ly = gridTop + Double(rows.count) * rowHeight + (stacked ? 34 : 28)
        for step in [0.0, 0.25, 0.5, 0.75, 1.0] {
            let rgb = Palette.ramp(step)
            let text = VietnameseNumber.percent(step, decimals: 0, language: language)
            legend.append(.el("rect", ["x": n(lx), "y": n(ly - 13), "width": "44", "height": "18", "fill": Palette.hex(rgb),
                                       "stroke": Palette.axis, "stroke-width": "1"]))
            legend.append(Common.text(text, x: lx + 22, y: ly + 1, anchor: "middle", fill: Palette.textOn(rgb)))
            lx += 48
        }
        if anyNil {
            let text = "– " + w.noTasks
            if lx + 28 + TextMetrics.width(text, fontSize: Style.font) > width - Style.pad {
                lx = left
                ly += Style.line + 8
            } else {
                lx += 8
            }
            legend.append(.el("rect", ["x": n(lx), "y": n(ly - 13), "width": "22", "height": "18", "fill": "url(#\(id)-pat-none)",
                                       "stroke": Palette.axis, "stroke-width": "1"]))
            legend.append(Common.text(text, x: lx + 28, y: ly + 1))
        }
        body.append(.el("g", ["class": "chart-legend chart-legend-scale"], legend))
        let height = ly + 6 + Style.pad

        var items: [String] = []
        var table = Table(caption: title, columns: tableColumns)
        for row in rows {
            let cells = (0..<columns.count).map { c in share(row, c).map { _ in label(share(row, c)) } ?? w.noTasks.lowercased() }
            items.append("\(row.name): " + zip(columns, cells).map { "\($0) \($1)" }.joined(separator: ", "))
            table.rows.append((row.name, (0..<columns.count).map { c in .number(label(share(row, c))) }))
        }
        let svg = Common.svg(id: id, kind: "heatmap", width: width, height: height, title: title,
                             desc: Common.list(items, words: w, limit: 12), defs: anyNil ? [Palette.nilPattern(id: id)] : [], body: body)
        let tableHTML = table.render(id: id)
        return ChartOutput(svg: svg, table: tableHTML, html: Common.figure(id: id, kind: "heatmap", svg: svg, table: tableHTML, language: language))
    }
}
