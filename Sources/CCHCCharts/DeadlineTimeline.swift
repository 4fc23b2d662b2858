/// Task markers: a distinct shape per state, so the timeline does not rely on colour.
enum Marker {
    /// Writes the marker of `state` centred at (`cx`, `cy`) with half-size `size`, and `title` as its tooltip.
    static func write(
        _ state: TaskState, cx: Double, cy: Double, size s: Double, title: String? = nil,
        into svg: inout MarkupWriter
    ) {
        let cls = Palette.stateClass(.marker, state)
        var d = PathData()
        switch state {
        case .done:
            svg.circle(class: cls, cx: cx, cy: cy, r: s, fill: "#009E73", stroke: Palette.ink, title: title)
            return
        case .doneLate:
            d.polygon([(cx, cy - s), (cx + s, cy), (cx, cy + s), (cx - s, cy)])
            svg.path(class: cls, d, fill: "#009E73", stroke: Palette.ink, title: title)
        case .inProgress:
            d.polygon([(cx, cy - s), (cx + s, cy + s * 0.8), (cx - s, cy + s * 0.8)])
            svg.path(class: cls, d, fill: "#56B4E9", stroke: Palette.ink, title: title)
        case .notStarted:
            svg.rect(
                class: cls, x: cx - s * 0.85, y: cy - s * 0.85, width: s * 1.7, height: s * 1.7, fill: "#E69F00",
                stroke: Palette.ink, title: title)
        case .overdue:
            d.polygon([(cx, cy + s), (cx + s, cy - s * 0.8), (cx - s, cy - s * 0.8)])
            svg.path(class: cls, d, fill: "#D55E00", stroke: Palette.ink, title: title)
        case .dropped:
            let a = s * 0.9, b = s * 0.35
            d.polygon([
                (cx - a, cy - a + b), (cx - a + b, cy - a), (cx, cy - b), (cx + a - b, cy - a),
                (cx + a, cy - a + b), (cx + b, cy), (cx + a, cy + a - b), (cx + a - b, cy + a),
                (cx, cy + b), (cx - a + b, cy + a), (cx - a, cy + a - b), (cx - b, cy),
            ])
            svg.path(class: cls, d, fill: "#8c8c8c", stroke: Palette.ink, title: title)
        case .noReport:
            svg.circle(
                class: cls, cx: cx, cy: cy, r: s - 1, fill: "#ffffff", stroke: Palette.ink, strokeWidth: 2, dash: "2 2",
                title: title)
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
            return Common.noData(
                id: id, kind: "timeline", title: title + " (\(w.reportDate.lowercased()) \(date(reportDate)))",
                columns: columns, language: language)
        }
        let sorted = tasks.enumerated().sorted { ($0.element.due, $0.offset) < ($1.element.due, $1.offset) }.map(\.element)
        let dueTexts = sorted.map { date($0.due) }
        let width = Charts.viewBoxWidth
        let left = Style.pad + 8, right = width - Style.pad - 8
        let days = sorted.map(\.due.dayNumber) + [reportDate.dayNumber]
        var lo = days.min()!, hi = days.max()!
        if hi - lo < 30 {
            lo -= 15
            hi += 15
        }
        func x(_ d: ChartDate) -> Double { left + Double(d.dayNumber - lo) / Double(hi - lo) * (right - left) }

        var body = MarkupWriter(depth: 1, capacity: 4096 + sorted.count * 1024)
        // Legend of the states present.
        let present = TaskState.allCases.filter { s in sorted.contains { $0.state == s } }
        let legendBottom = Legend.states(
            present, id: id, language: language, left: Style.pad, right: width - Style.pad,
            top: Style.pad, marker: true, into: &body)

        // The reporting date's label gets a line of its own under the legend, so it never covers a legend item.
        let reportY = legendBottom + 10 + Style.font
        // Date axis: month or year ticks, thinned to fit, their labels under the reporting date's label.
        let axisY = reportY + 8 + Style.font + 8
        var ticks: [(ChartDate, String)] = []
        let first = ChartDate.fromDayNumber(lo), last = ChartDate.fromDayNumber(hi)
        let months = (last.year - first.year) * 12 + last.month - first.month
        if months <= 24 {
            var y = first.year, m = first.month + 1
            if m > 12 {
                m = 1
                y += 1
            }
            while (y, m) <= (last.year, last.month) {
                ticks.append((ChartDate(y, m, 1), language == .vi ? "\(m)/\(y)" : "\(y)-\(m < 10 ? "0" : "")\(m)"))
                m += 1
                if m > 12 {
                    m = 1
                    y += 1
                }
            }
        } else {
            for y in (first.year + 1)...max(first.year + 1, last.year) { ticks.append((ChartDate(y, 1, 1), String(y))) }
        }
        let tickWidth = TextMetrics.width("12/2024", fontSize: Style.font) + 10
        let available = right - left
        var step = 1
        while ticks.count > 0 && Double((ticks.count + step - 1) / step) * tickWidth > available { step += 1 }
        let rx = x(reportDate)
        // The axis, grid and rows are laid out before the reporting date's line, which is drawn under them.
        var axis = MarkupWriter(depth: 2, capacity: 256 + ticks.count * 256)
        axis.line(x1: left, y1: axisY, x2: right, y2: axisY, stroke: Palette.axis)
        for (i, tick) in ticks.enumerated() where i % step == 0 {
            let tx = x(tick.0)
            let half = TextMetrics.width(tick.1, fontSize: Style.font) / 2
            guard tx - half >= Style.pad, tx + half <= width - Style.pad else { continue }
            axis.line(x1: tx, y1: axisY - 4, x2: tx, y2: axisY + 4, stroke: Palette.axis)
            // A label the reporting-date line runs through gets a white box, so the line does not cross its letters.
            if abs(tx - rx) <= half + 3 { axis.backdrop(tick.1, x: tx, y: axisY - 8, anchor: "middle") }
            axis.text(tick.1, x: tx, y: axisY - 8, anchor: "middle")
        }

        // Rows: the name on up to two lines, then the marker with "dd/mm/yyyy · state" beside it, on whichever
        // side it fits, or on a line of its own under the marker when it fits on neither.
        var yCursor = axisY + 14 + Style.font
        var rows = MarkupWriter(depth: 2, capacity: sorted.count * 1024)
        var grid = MarkupWriter(depth: 2, capacity: sorted.count * 80)
        let captionGap = 12.0
        for (i, task) in sorted.enumerated() {
            rows.group(class: Palette.stateClass(.row, task.state), id: (id, "-task-", i)) { row in
                let lines = row.label(
                    task.name, x: Style.pad, y: yCursor, maxWidth: width - 2 * Style.pad, maxLines: 2,
                    backdrop: true)
                let markerY = yCursor + Double(lines - 1) * (Style.font + 4) + 16
                let mx = x(task.due)
                let caption = "\(dueTexts[i]) · \(task.state.label(language))"
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
                grid.line(x1: left, y1: markerY, x2: right, y2: markerY, stroke: Palette.grid)
                Marker.write(task.state, cx: mx, cy: markerY, size: 7, title: "\(task.name): \(caption)", into: &row)
                row.backdrop(caption, x: captionX, y: captionY, anchor: anchor, textWidth: captionWidth)
                row.text(caption, x: captionX, y: captionY, anchor: anchor, fill: Palette.muted, class: "chart-value")
                yCursor = captionY + 11 + Style.font + 4
            }
        }
        let bottom = yCursor - Style.font - 8
        // The reporting date: its label centred on the line where it fits, else kept inside the edges.
        let reportLabel = "\(w.reportDate) \(date(reportDate))"
        let rw = TextMetrics.width(reportLabel, fontSize: Style.font) * 1.03 // bold
        let rStart = max(Style.pad, min(rx - rw / 2, width - Style.pad - rw))
        body.group(class: "chart-grid", grid)
        body.group(class: "chart-report-date") { svg in
            svg.line(x1: rx, y1: reportY + 5, x2: rx, y2: bottom, stroke: Palette.ink, strokeWidth: 2, dash: "6 3")
            svg.text(reportLabel, x: rStart, y: reportY, weight: "bold")
        }
        body.group(class: "chart-axis chart-axis-x", axis)
        body.group(class: "chart-rows", rows)
        let height = bottom + Style.pad

        let limit = 12
        var items: [String] = []
        var table = Table(caption: title + " (\(w.reportDate.lowercased()) \(date(reportDate)))", columns: columns)
        table.rows.reserveCapacity(sorted.count)
        for (task, due) in zip(sorted, dueTexts) {
            if items.count <= limit { items.append("\(task.name): \(due), \(task.state.sentenceLabel(language))") }
            table.rows.append((task.name, [.number(due), .text(task.state.label(language))]))
        }
        let desc = "\(w.reportDate) \(date(reportDate)). " + Common.list(items, words: w, limit: limit)
        return Common.output(id: id, kind: "timeline", width: width, height: height, title: title, desc: desc, body: body, table: table, language: language)
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
