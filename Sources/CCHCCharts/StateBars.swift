import Foundation

/// Stacked horizontal bars of task states per row (agency, plan or index area), with a text legend;
/// hatched and dotted patterns tell overdue, dropped and done-late apart without colour.
public struct StateBarsChart: Chart {
    /// How long each bar is.
    public enum Lengths: String, Sendable, Hashable {
        /// Every bar is full width: the segments are shares of the row's tasks.
        case share
        /// Bars are as long as their task count, the largest row being full width.
        case count
    }

    /// One row: a name and how many tasks are in each state.
    public struct Row: Sendable, Hashable {
        /// The row's name, e.g. "Sở Tư pháp".
        public var name: String
        /// The counts in `TaskState.allCases` order, as given.
        fileprivate var lanes: [Int]

        /// Task counts by state; missing states count zero, negative counts are treated as zero.
        /// Reading it leaves out the states that count zero.
        public var counts: [TaskState: Int] {
            get {
                var out: [TaskState: Int] = [:]
                for (state, count) in zip(TaskState.allCases, lanes) where count != 0 { out[state] = count }
                return out
            }
            set {
                lanes = TaskState.allCases.map { newValue[$0] ?? 0 }
            }
        }

        /// Makes a row.
        public init(name: String, counts: [TaskState: Int]) {
            self.name = name
            lanes = TaskState.allCases.map { counts[$0] ?? 0 }
        }

        /// Makes a row whose count in each state is `count(state)`, without a dictionary in between (a page with
        /// many rows makes them by the thousand).
        public init(name: String, count: (TaskState) -> Int) {
            self.name = name
            lanes = TaskState.allCases.map(count)
        }
    }

    /// The id prefix of everything inside the chart.
    public var id: String
    /// What the chart shows, e.g. "Tình hình thực hiện nhiệm vụ theo cơ quan".
    public var title: String
    /// The rows, drawn in this order.
    public var rows: [Row]
    /// The header of the name column in the table (default "Cơ quan").
    public var rowHeader: String?
    /// Whether bars show shares (default) or counts.
    public var lengths: Lengths
    /// The noun after each row's count, at the end of the row and in the description, e.g. "lượt nhiệm vụ" when
    /// what is counted are (task, lead agency) assignments; nil uses "nhiệm vụ" / "task(s)".
    public var unitNoun: String?
    /// The language of the chart's words.
    public var language: ChartLanguage

    /// Makes a state bar chart.
    public init(
        id: String, title: String, rows: [Row], rowHeader: String? = nil, lengths: Lengths = .share,
        unitNoun: String? = nil, language: ChartLanguage = .vi
    ) {
        self.id = id
        self.title = title
        self.rows = rows
        self.rowHeader = rowHeader
        self.lengths = lengths
        self.unitNoun = unitNoun
        self.language = language
    }

    /// `noun` without white space at either end; most nouns start and end with a letter, and Foundation's
    /// trimming is slow to say so.
    private static func trimmed(_ noun: String) -> String {
        /// ASCII other than spaces and controls, and Latin letters (Vietnamese ones included): never white space.
        func solid(_ s: Unicode.Scalar?) -> Bool {
            guard let v = s?.value else { return false }
            return (0x21...0x7E).contains(v) || (0xC0...0x24F).contains(v) || (0x1E00...0x1EFF).contains(v)
        }
        if solid(noun.unicodeScalars.first) && solid(noun.unicodeScalars.last) { return noun }
        return noun.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// "12 nhiệm vụ", "1 task", "12 lượt nhiệm vụ".
    private func counted(_ count: Int, _ w: Words, noun: String?) -> String {
        "\(VietnameseNumber.integer(count, language: language)) \(noun ?? (count == 1 ? w.task.lowercased() : w.tasks))"
    }

    /// A row's counts in `TaskState.allCases` order, printed and totalled, looked up once.
    private struct Tally {
        let counts: [Int]
        let printed: [String]
        let total: Int

        init(_ row: Row, language: ChartLanguage) {
            counts = row.lanes.map { max($0, 0) }
            printed = counts.map { VietnameseNumber.integer($0, language: language) }
            total = counts.reduce(0, +)
        }
    }

    /// Draws the chart.
    public func render() -> ChartOutput {
        let id = Common.sanitize(self.id)
        let w = Words(language: language)
        let noun = unitNoun.map(Self.trimmed).flatMap { $0.isEmpty ? nil : $0 }
        let tallies = rows.map { Tally($0, language: language) }
        let countedTotals = tallies.map { counted($0.total, w, noun: noun) }
        let states = TaskState.allCases.enumerated().filter { k, _ in tallies.contains { $0.counts[k] > 0 } }.map(\.element)
        let columns = [rowHeader ?? w.agency] + TaskState.allCases.map { $0.label(language) } + [w.total]
        if rows.isEmpty || states.isEmpty {
            return Common.noData(id: id, kind: "states", title: title, columns: columns, language: language)
        }
        let width = Charts.viewBoxWidth
        let left = Style.pad, right = width - Style.pad
        var body = MarkupWriter(depth: 1, capacity: 2048 + rows.count * 1024)

        // Legend, flowing over as many lines as needed.
        let legendBottom = Legend.states(states, id: id, language: language, left: left, right: right, top: Style.pad, into: &body)

        let maxTotal = max(tallies.map(\.total).max() ?? 1, 1)
        let barHeight = 16.0
        var yCursor = legendBottom + 18 + Style.font
        body.group(class: "chart-rows") { svg in
            for (i, (row, tally)) in zip(rows, tallies).enumerated() {
                svg.group(class: "chart-row", id: (id, "-row-", i)) { svg in
                    let total = tally.total
                    // The count keeps at most 40% of the row, so a long noun cannot squeeze the name out.
                    let totalText = TextMetrics.ellipsize(countedTotals[i], maxWidth: (right - left) * 0.4, fontSize: Style.font)
                    let totalWidth = TextMetrics.width(totalText, fontSize: Style.font)
                    let lines = svg.label(row.name, x: left, y: yCursor, maxWidth: right - left - totalWidth - 12, maxLines: 2)
                    svg.text(totalText, x: right, y: yCursor, anchor: "end", fill: Palette.muted, class: "chart-value")
                    let barY = yCursor + Double(lines - 1) * (Style.font + 4) + 8
                    let fullWidth = right - left
                    let barWidth = lengths == .share ? fullWidth : fullWidth * Double(total) / Double(maxTotal)
                    var x = left
                    for (k, state) in TaskState.allCases.enumerated() {
                        let c = tally.counts[k]
                        guard c > 0, total > 0 else { continue }
                        let segWidth = barWidth * Double(c) / Double(total)
                        svg.rect(
                            class: Palette.stateClass(.segment, state), x: x, y: barY, width: segWidth, height: barHeight,
                            fill: Palette.fill(state, id: id), stroke: "#ffffff",
                            title: "\(state.label(language)): \(tally.printed[k])")
                        x += segWidth
                    }
                    if total == 0 {
                        svg.rect(
                            class: "chart-track", x: left, y: barY, width: fullWidth, height: barHeight, fill: "#ffffff",
                            stroke: Palette.grid, dash: "4 3")
                    } else {
                        svg.rect(
                            class: "chart-outline", x: left, y: barY, width: barWidth, height: barHeight, fill: "none",
                            stroke: Palette.axis)
                    }
                    yCursor = barY + barHeight + 14 + Style.font + 2
                }
            }
        }
        let height = yCursor - Style.font - 2 + Style.pad - 8

        let limit = 12
        var items: [String] = []
        var table = Table(caption: title, columns: columns)
        table.rows.reserveCapacity(rows.count)
        for (row, (tally, countedTotal)) in zip(rows, zip(tallies, countedTotals)) {
            if items.count <= limit {
                let parts = TaskState.allCases.enumerated().filter { k, _ in tally.counts[k] > 0 }
                    .map { k, state in "\(state.sentenceLabel(language)) \(tally.printed[k])" }
                items.append("\(row.name): \(countedTotal)" + (parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"))
            }
            table.rows.append((row.name, tally.printed.map { .number($0) } + [.number(VietnameseNumber.integer(tally.total, language: language))]))
        }
        return Common.output(
            id: id, kind: "states", width: width, height: height, title: title,
            desc: Common.list(items, words: w, limit: limit), defs: Palette.statePatterns(id: id), body: body, table: table, language: language)
    }
}

/// Text legends with swatches.
enum Legend {
    /// Writes a legend of task states flowing left to right over lines; returns the y of its last line's bottom.
    static func states(
        _ states: [TaskState], id: String, language: ChartLanguage, left: Double, right: Double,
        top: Double, marker: Bool = false, into svg: inout MarkupWriter
    ) -> Double {
        var x = left
        var baseline = top + Style.font
        svg.group(class: "chart-legend") { svg in
            for state in states {
                let label = state.label(language)
                let itemWidth = 20 + TextMetrics.width(label, fontSize: Style.font)
                if x > left && x + itemWidth > right {
                    x = left
                    baseline += Style.line + 4
                }
                svg.group(class: Palette.stateClass(.legendItem, state)) { svg in
                    if marker {
                        Marker.write(state, cx: x + 7, cy: baseline - 5, size: 7, into: &svg)
                    } else {
                        svg.rect(x: x, y: baseline - 12, width: 14, height: 14, fill: Palette.fill(state, id: id), stroke: Palette.axis)
                    }
                    svg.text(label, x: x + 20, y: baseline)
                }
                x += itemWidth + 16
            }
        }
        return baseline + 4
    }
}
