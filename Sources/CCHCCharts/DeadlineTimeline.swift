/// Task markers: a distinct shape per state, so the timeline does not rely on colour.
enum Marker {
    /// The marker of `state` centred at (`cx`, `cy`) with half-size `size`.
    static func node(_ state: TaskState, id: String, cx: Double, cy: Double, size s: Double, children: [Node] = []) -> Node {
        let cls = "chart-marker chart-state-\(Palette.slug(state))"
        switch state {
        case .done:
            return .el("circle", ["class": cls, "cx": n(cx), "cy": n(cy), "r": n(s), "fill": "#009E73", "stroke": Palette.ink,
                                  "stroke-width": "1"], children)
        case .doneLate:
            return .el("path", ["class": cls, "d": "M\(n(cx)) \(n(cy - s))L\(n(cx + s)) \(n(cy))L\(n(cx)) \(n(cy + s))L\(n(cx - s)) \(n(cy))Z",
                                "fill": "#009E73", "stroke": Palette.ink, "stroke-width": "1"], children)
        case .inProgress:
            return .el("path", ["class": cls, "d": "M\(n(cx)) \(n(cy - s))L\(n(cx + s)) \(n(cy + s * 0.8))L\(n(cx - s)) \(n(cy + s * 0.8))Z",
                                "fill": "#56B4E9", "stroke": Palette.ink, "stroke-width": "1"], children)
        case .notStarted:
            return .el("rect", ["class": cls, "x": n(cx - s * 0.85), "y": n(cy - s * 0.85), "width": n(s * 1.7), "height": n(s * 1.7),
                                "fill": "#E69F00", "stroke": Palette.ink, "stroke-width": "1"], children)
        case .overdue:
            return .el("path", ["class": cls, "d": "M\(n(cx)) \(n(cy + s))L\(n(cx + s)) \(n(cy - s * 0.8))L\(n(cx - s)) \(n(cy - s * 0.8))Z",
                                "fill": "#D55E00", "stroke": Palette.ink, "stroke-width": "1"], children)
        case .dropped:
            let a = s * 0.9, b = s * 0.35
            return .el("path", ["class": cls,
                                "d": "M\(n(cx - a)) \(n(cy - a + b))L\(n(cx - a + b)) \(n(cy - a))L\(n(cx)) \(n(cy - b))L\(n(cx + a - b)) \(n(cy - a))" +
                                     "L\(n(cx + a)) \(n(cy - a + b))L\(n(cx + b)) \(n(cy))L\(n(cx + a)) \(n(cy + a - b))L\(n(cx + a - b)) \(n(cy + a))" +
                                     "L\(n(cx)) \(n(cy + b))L\(n(cx - a + b)) \(n(cy + a))L\(n(cx - a)) \(n(cy + a - b))L\(n(cx - b)) \(n(cy))Z",
                                "fill": "#8c8c8c", "stroke": Palette.ink, "stroke-width": "1"], children)
        case .noReport:
            return .el("circle", ["class": cls, "cx": n(cx), "cy": n(cy), "r": n(s - 1), "fill": "#ffffff", "stroke": Palette.ink,
                                  "stroke-width": "2", "stroke-dasharray": "2 2"], children)
        }
    }
}

/// Tasks placed by due date, one row each with its name (up to two lines), a state marker and "dd/mm/yyyy · state"
/// (beside the marker, or under it when it fits on neither side), and a vertical line at the reporting date, whose
/// label has a line of its own between the legend and the date axis.
public struct DeadlineTimelineChart: Chart {
    /// One task with a deadline.
    public struct Task: Sendable, Hashable {
        /// The task's name, possibly long; wrapped to two lines on the chart, shortened with "…" beyond, and kept whole in a tooltip and the table.
        public var name: String
        /// The deadline.
        public var due: ChartDate
        /// The task's state at the reporting date.
        public var state: TaskState
        /// Makes a task.
        public init(name: String, due: ChartDate, state: TaskState) {
            self.name = name
            self.due = due
            self.state = state
        }
    }

    /// The id prefix of everything inside the chart.
    public var id: String
    /// What the chart shows, e.g. "Thời hạn các nhiệm vụ của Kế hoạch 386/KH-UBND".
    public var title: String
    /// The tasks; drawn by due date, ties in the given order.
    public var tasks: [Task]
    /// The date the states are reported at ("số liệu tính đến ngày").
    public var reportDate: ChartDate
    /// The language of the chart's words.
    public var language: ChartLanguage

    /// Makes a deadline timeline.
    public init(id: String, title: String, tasks: [Task], reportDate: ChartDate, language: ChartLanguage = .vi) {
        self.id = id
        self.title = title
        self.tasks = tasks
        self.reportDate = reportDate
        self.language = language
    }

    private func date(_ d: ChartDate) -> String {
        language == .vi ? d.description : d.iso
    }

    /// Draws the chart.
    public func render() -> ChartOutput {
        let id = Common.sanitize(self.id)
        let w = Words(language: language)
        let columns = [w.task, w.due, w.state]
        if tasks.isEmpty {
            return Common.noData(id: id, kind: "timeline", title: title + " (\(w.reportDate.lowercased()) \(date(reportDate)))",
                                 columns: columns, language: language)
        }
        let sorted = tasks.enumerated().sorted { ($0.element.due, $0.offset) < ($1.element.due, $1.offset) }.map(\.element)
        let width = Charts.viewBoxWidth
        let left = Style.pad + 8, right = width - Style.pad - 8
        let days = sorted.map(\.due.dayNumber) + [reportDate.dayNumber]
        var lo = days.min()!, hi = days.max()!
        if hi - lo < 30 { lo -= 15; hi += 15 }
        func x(_ d: ChartDate) -> Double { left + Double(d.dayNumber - lo) / Double(hi - lo) * (right - left) }

        var body: [Node] = []
        // Legend of the states present.
        let present = TaskState.allCases.filter { s in sorted.contains { $0.state == s } }
        let (legend, legendBottom) = Legend.states(present, id: id, language: language, left: Style.pad, right: width - Style.pad,
                                                   top: Style.pad, marker: true)
        body.append(legend)

        // The reporting date's label gets a line of its own under the legend, so it never covers a legend item.
        let reportY = legendBottom + 10 + Style.font
        // Date axis: month or year ticks, thinned to fit, their labels under the reporting date's label.
        let axisY = reportY + 8 + Style.font + 8
        var ticks: [(ChartDate, String)] = []
        let first = ChartDate.fromDayNumber(lo), last = ChartDate.fromDayNumber(hi)
        let months = (last.year - first.year) * 12 + last.month - first.month
        if months <= 24 {
            var y = first.year, m = first.month + 1
            if m > 12 { m = 1; y += 1 }
            while (y, m) <= (last.year, last.month) {
                ticks.append((ChartDate(y, m, 1), language == .vi ? "\(m)/\(y)" : "\(y)-\(m < 10 ? "0" : "")\(m)"))
                m += 1
                if m > 12 { m = 1; y += 1 }
            }
        } else {
            for y in (first.year + 1)...max(first.year + 1, last.year) { ticks.append((ChartDate(y, 1, 1), String(y))) }
        }
        let tickWidth = TextMetrics.width("12/2024", fontSize: Style.font) + 10
        let available = right - left
        var step = 1
        while ticks.count > 0 && Double((ticks.count + step - 1) / step) * tickWidth > available { step += 1 }
        let rx = x(reportDate)
        var axisNodes: [Node] = [.el("line", ["x1": n(left), "y1": n(axisY), "x2": n(right), "y2": n(axisY), "stroke": Palette.axis])]
        for (i, tick) in ticks.enumerated() where i % step == 0 {
            let tx = x(tick.0)
            let half = TextMetrics.width(tick.1, fontSize: Style.font) / 2
            guard tx - half >= Style.pad, tx + half <= width - Style.pad else { continue }
            axisNodes.append(.el("line", ["x1": n(tx), "y1": n(axisY - 4), "x2": n(tx), "y2": n(axisY + 4), "stroke": Palette.axis]))
            // A label the reporting-date line runs through gets a white box, so the line does not cross its letters.
            if abs(tx - rx) <= half + 3 { axisNodes.append(Common.backdrop(tick.1, x: tx, y: axisY - 8, anchor: "middle")) }
            axisNodes.append(Common.text(tick.1, x: tx, y: axisY - 8, anchor: "middle"))
        }

        // Rows: the name on up to two lines, then the marker with "dd/mm/yyyy · state" beside it, on whichever
        // side it fits, or on a line of its own under the marker when it fits on neither.
        var yCursor = axisY + 14 + Style.font
        var rowNodes: [Node] = []
        var gridLines: [Node] = []
        let captionGap = 12.0
        for (i, task) in sorted.enumerated() {
            let (nameNode, lines) = Common.label(task.name, x: Style.pad, y: yCursor, maxWidth: width - 2 * Style.pad, maxLines: 2,
                                                  backdrop: true)
            let markerY = yCursor + Double(lines - 1) * (Style.font + 4) + 16
            let mx = x(task.due)
            let caption = "\(date(task.due)) · \(task.state.label(language))"
            let captionWidth = TextMetrics.width(caption, fontSize: Style.font)
            let captionX: Double, captionY: Double, anchor: String?
            if mx + captionGap + captionWidth <= width - Style.pad {
                (captionX, captionY, anchor) = (mx + captionGap, markerY + 5, nil)
            } else if mx - captionGap - captionWidth >= Style.pad {
                (captionX, captionY, anchor) = (mx - captionGap, markerY + 5, "end")
            } else {
                let start = min(max(mx - captionWidth / 2, Style.pad), width - Style.pad - captionWidth)
                (captionX, captionY, anchor) = (max(start, Style.pad), markerY + 12 + Style.font, nil)
            }
            gridLines.append(.el("line", ["x1": n(left), "y1": n(markerY), "x2": n(right), "y2": n(markerY), "stroke": Palette.grid]))
            rowNodes.append(.el("g", ["class": "chart-row chart-state-\(Palette.slug(task.state))", "id": "\(id)-task-\(i)"], [
                nameNode,
                Marker.node(task.state, id: id, cx: mx, cy: markerY, size: 7,
                            children: [.el("title", [:], [.text("\(task.name): \(caption)")])]),
                Common.backdrop(caption, x: captionX, y: captionY, anchor: anchor),
                Common.text(caption, x: captionX, y: captionY, anchor: anchor, fill: Palette.muted, cls: "chart-value"),
            ]))
            yCursor = captionY + 11 + Style.font + 4
        }
        let bottom = yCursor - Style.font - 8
        // The reporting date: its label centred on the line where it fits, else kept inside the edges.
        let reportLabel = "\(w.reportDate) \(date(reportDate))"
        let rw = TextMetrics.width(reportLabel, fontSize: Style.font) * 1.03 // bold
        let rStart = max(Style.pad, min(rx - rw / 2, width - Style.pad - rw))
        body.append(.el("g", ["class": "chart-grid"], gridLines))
        body.append(.el("g", ["class": "chart-report-date"], [
            .el("line", ["x1": n(rx), "y1": n(reportY + 5), "x2": n(rx), "y2": n(bottom), "stroke": Palette.ink, "stroke-width": "2",
                         "stroke-dasharray": "6 3"]),
            Common.text(reportLabel, x: rStart, y: reportY, weight: "bold"),
        ]))
        body.append(.el("g", ["class": "chart-axis chart-axis-x"], axisNodes))
        body.append(.el("g", ["class": "chart-rows"], rowNodes))
        let height = bottom + Style.pad

        var items: [String] = []
        var table = Table(caption: title + " (\(w.reportDate.lowercased()) \(date(reportDate)))", columns: columns)
        for task in sorted {
            items.append("\(task.name): \(date(task.due)), \(task.state.label(language).lowercased())")
            table.rows.append((task.name, [.number(date(task.due)), .text(task.state.label(language))]))
        }
        let desc = "\(w.reportDate) \(date(reportDate)). " + Common.list(items, words: w, limit: 12)
        let svg = Common.svg(id: id, kind: "timeline", width: width, height: height, title: title, desc: desc, body: body)
        let tableHTML = table.render(id: id)
        return ChartOutput(svg: svg, table: tableHTML, html: Common.figure(id: id, kind: "timeline", svg: svg, table: tableHTML, language: language))
    }
}

extension ChartDate {
    /// The date `days` days after 1970-01-01.
    static func fromDayNumber(_ days: Int) -> ChartDate {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return ChartDate(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
