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
        // Each cell's share and its printed value ("85%", "–"), worked out once for the picture, words and table.
        let shares = rows.map { row in (0..<columns.count).map { share(row, $0) } }
        let printed = shares.map { $0.map(label) }
        let labelWidth = 176.0
        let cellMin = 54.0
        let baseWidth = Charts.viewBoxWidth
        let left = Style.pad
        // With many columns the names go above their row, so the cells get the whole width.
        let stacked = 2 * Style.pad + labelWidth + cellMin * Double(columns.count) > baseWidth
        let cellWidth =
            stacked
            ? max(46, (baseWidth - 2 * Style.pad) / Double(columns.count))
            : max(cellMin, (baseWidth - 2 * Style.pad - labelWidth) / Double(columns.count))
        let width = max(baseWidth, 2 * Style.pad + (stacked ? 0 : labelWidth) + cellWidth * Double(columns.count))
        let gridLeft = stacked ? left : left + labelWidth
        let cellHeight = stacked ? 32.0 : 42.0
        let rowHeight = stacked ? cellHeight + Style.line + 6 : cellHeight
        let headerMaxLines = stacked ? 3 : 2

        var body = MarkupWriter(depth: 1, capacity: 4096 + rows.count * columns.count * 400)
        // Column headers, up to two lines each, bottom-aligned: wrapped first to find the most lines.
        let headers = columns.map { TextMetrics.wrap($0, maxWidth: cellWidth - 6, fontSize: Style.font, maxLines: headerMaxLines) }
        let headerLines = headers.reduce(1) { max($0, $1.lines.count) }
        let headerTop = Style.pad + Style.font
        let gridTop = headerTop + Double(headerLines - 1) * (Style.font + 4) + 10
        body.group(class: "chart-columns", fontWeight: "bold") { svg in
            for (c, name) in columns.enumerated() {
                let cx = gridLeft + cellWidth * (Double(c) + 0.5)
                // Shorter headers shift down.
                let y = headerTop + Double(headerLines - headers[c].lines.count) * (Style.font + 4)
                svg.label(name, wrapped: headers[c], x: cx, y: y, anchor: "middle", class: "chart-col-label")
            }
        }

        var anyNil = false
        body.group(class: "chart-rows") { svg in
            for (r, row) in rows.enumerated() {
                svg.group(class: "chart-row", id: (id, "-row-", r)) { svg in
                    let top: Double
                    if stacked {
                        let labelTop = gridTop + Double(r) * rowHeight + 4
                        svg.label(row.name, x: left, y: labelTop + Style.font, maxWidth: width - 2 * Style.pad, maxLines: 1)
                        top = labelTop + Style.line + 2
                    } else {
                        top = gridTop + Double(r) * rowHeight
                        // Names are centred on their row, so they are wrapped before they are placed.
                        let wrapped = TextMetrics.wrap(row.name, maxWidth: labelWidth - 10, fontSize: Style.font, maxLines: 2)
                        let firstBaseline = top + cellHeight / 2 + 5 - Double(wrapped.lines.count - 1) * (Style.font + 4) / 2
                        svg.label(row.name, wrapped: wrapped, x: left, y: firstBaseline)
                    }
                    for c in 0..<columns.count {
                        let x = gridLeft + cellWidth * Double(c)
                        let s = shares[r][c]
                        let tip = "\(row.name) · \(columns[c]): " + (s == nil ? w.noTasks : printed[r][c])
                        if let s {
                            let rgb = Palette.ramp(s)
                            svg.rect(
                                class: "chart-cell", x: x, y: top, width: cellWidth, height: cellHeight, fill: Palette.hex(rgb),
                                stroke: "#ffffff", strokeWidth: 2, title: tip)
                            svg.text(
                                printed[r][c], x: x + cellWidth / 2, y: top + cellHeight / 2 + 5, anchor: "middle",
                                fill: Palette.textOn(rgb), class: "chart-cell-value")
                        } else {
                            anyNil = true
                            svg.rect(
                                class: "chart-cell chart-cell-none", x: x, y: top, width: cellWidth, height: cellHeight,
                                fill: "url(#\(id)-pat-none)", stroke: "#ffffff", strokeWidth: 2, title: tip)
                            svg.text(
                                "–", x: x + cellWidth / 2, y: top + cellHeight / 2 + 5, anchor: "middle",
                                class: "chart-cell-value")
                        }
                    }
                }
            }
        }

        // Legend: the ramp at five steps, and the hatch for "no tasks".
        var lx = left
        var ly = gridTop + Double(rows.count) * rowHeight + (stacked ? 34 : 28)
        body.group(class: "chart-legend chart-legend-scale") { svg in
            for step in [0.0, 0.25, 0.5, 0.75, 1.0] {
                let rgb = Palette.ramp(step)
                let text = VietnameseNumber.percent(step, decimals: 0, language: language)
                svg.rect(x: lx, y: ly - 13, width: 44, height: 18, fill: Palette.hex(rgb), stroke: Palette.axis)
                svg.text(text, x: lx + 22, y: ly + 1, anchor: "middle", fill: Palette.textOn(rgb))
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
                svg.rect(x: lx, y: ly - 13, width: 22, height: 18, fill: "url(#\(id)-pat-none)", stroke: Palette.axis)
                svg.text(text, x: lx + 28, y: ly + 1)
            }
        }
        let height = ly + 6 + Style.pad

        let limit = 12
        var items: [String] = []
        var table = Table(caption: title, columns: tableColumns)
        table.rows.reserveCapacity(rows.count)
        let noTasks = w.noTasks.lowercased()
        for (r, row) in rows.enumerated() {
            if items.count <= limit {
                let cells = (0..<columns.count).map { c in shares[r][c] == nil ? noTasks : printed[r][c] }
                items.append("\(row.name): " + zip(columns, cells).map { "\($0) \($1)" }.joined(separator: ", "))
            }
            table.rows.append((row.name, printed[r].map { .number($0) }))
        }
        return Common.output(
            id: id, kind: "heatmap", width: width, height: height, title: title,
            desc: Common.list(items, words: w, limit: limit), defs: anyNil ? Palette.nilPattern(id: id) : nil, body: body, table: table, language: language)
    }
}
